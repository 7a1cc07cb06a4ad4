/// A `gateway-api` setting that cannot work, refused when the role loads.
struct GatewayConfigError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
