import HTTPTypes
import Hummingbird

extension HTTPField.Name {
    // Constant, valid names: the initialiser cannot fail for them.
    static let referrerPolicy = Self("Referrer-Policy") ?? .contentSecurityPolicy
    static let xFrameOptions = Self("X-Frame-Options") ?? .contentSecurityPolicy
    static let crossOriginOpenerPolicy = Self("Cross-Origin-Opener-Policy") ?? .contentSecurityPolicy
}
