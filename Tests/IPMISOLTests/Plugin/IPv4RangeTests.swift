import Testing
@testable import IPMISOL

struct IPv4RangeTests {
    @Test func parsesSingleRangeAndCIDR() throws {
        #expect(try IPv4Range(parsing: "127.0.0.1").addresses == ["127.0.0.1"])
        #expect(try IPv4Range(parsing: "127.0.0.1-127.0.0.3").addresses == ["127.0.0.1", "127.0.0.2", "127.0.0.3"])
        #expect(try IPv4Range(parsing: "10.1.2.77/30").addresses == ["10.1.2.76", "10.1.2.77", "10.1.2.78", "10.1.2.79"])
        #expect(try IPv4Range(parsing: "10.0.0.0/16").count == 65536)
        #expect(try IPv4Range(parsing: " 127.0.0.9 ").addresses == ["127.0.0.9"])
    }

    @Test(arguments: ["", "127.0.0", "127.0.0.256", "127.0.0.1-127.0.0.0", "10.0.0.0/8", "10.0.0.0/33", "a.b.c.d", "1.2.3.4-x", "01234.1.1.1"])
    func refusesBadInput(_ text: String) {
        #expect(throws: IPMISOLConfigError.self) { try IPv4Range(parsing: text) }
    }
}
