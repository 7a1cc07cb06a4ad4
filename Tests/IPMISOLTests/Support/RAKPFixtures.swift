import Foundation

/// The values written by Fixtures/generate_rakp_fixtures.py (Python hmac/hashlib/cryptography).
struct RAKPFixtures: Decodable {
    struct Inputs: Decodable {
        var username: String
        var password: String
        var sidm: UInt32
        var sidc: UInt32
        var rm: String
        var rc: String
        var guid: String
        var role: UInt8
        var iv: String
        var seq: UInt32
        var rqseq: UInt8
    }

    struct Suite: Decodable {
        var suite: UInt8
        var rakp2: String
        var rakp3: String
        var sik: String
        var k1: String
        var k2: String
        var rakp4: String
        var message: String
        var packet: String
    }

    var inputs: Inputs
    var kg: String
    var suites: [Suite]
    var suitesWithKg: [Suite]

    static func load() throws -> RAKPFixtures {
        guard let url = Bundle.module.url(forResource: "rakp_fixtures", withExtension: "json", subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode(RAKPFixtures.self, from: Data(contentsOf: url))
    }
}
