import Testing
@testable import WebUI

@Suite struct WebUIConfigTests {
    @Test func defaultsAreAsDocumented() {
        let config = WebUIPlugin.Config()
        #expect(config.listen == "127.0.0.1:8081")
        #expect(config.gatewayURL == "http://127.0.0.1:8443")
    }
}
