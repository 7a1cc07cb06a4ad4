import Foundation
import Testing

@testable import Redfish

/// Redfish JSON from real BMCs differs: unknown fields, missing optionals, wrong types.
@Suite struct DecodingTests {
    func resource(_ text: String) throws -> JSONValue { try RedfishJSON.parseResource(Data(text.utf8), source: "test") }

    @Test func minimalSystemDecodesWithEverythingOptionalAbsent() throws {
        let system = ComputerSystem(json: try resource("{}"), path: "/redfish/v1/Systems/1")
        #expect(system.path == "/redfish/v1/Systems/1")
        #expect(system.powerState == nil && system.boot == nil && system.reset == nil && system.serialConsole == nil)
        #expect(system.managerPaths.isEmpty && system.status == ResourceStatus())
        #expect(system.identifiers == ["1"])
    }

    @Test func unknownFieldsAndWrongTypesAreIgnored() throws {
        let system = ComputerSystem(json: try resource("""
            {"@odata.id": "/redfish/v1/Systems/a", "Id": "a", "Model": ["not", "a", "string"], "SerialNumber": 42,
             "PowerState": "On", "Status": "OK", "Boot": {"BootSourceOverrideTarget": 3, "BootSourceOverrideEnabled": "Once"},
             "Actions": {"#ComputerSystem.Reset": {"target": "/r", "ResetType@Redfish.AllowableValues": "On"}},
             "Links": {"ManagedBy": [{"@odata.id": "/m"}, "junk", {"x": 1}], "Chassis": {"@odata.id": "/c"}},
             "FutureProperty": {"Nested": [1, 2, {"deep": null}]}, "SerialConsole": {"WebSocket": {"ConsoleURI": ""}}}
            """), path: "/ignored")
        #expect(system.path == "/redfish/v1/Systems/a")
        #expect(system.model == nil && system.serialNumber == nil)
        #expect(system.powerState == "On")
        #expect(system.status == ResourceStatus())
        #expect(system.boot?.target == nil && system.boot?.enabled == "Once")
        #expect(system.reset == ResetAction(json: .object(["target": .string("/r")])))
        #expect(system.reset?.allowableValues == nil)
        #expect(system.managerPaths == ["/m"] && system.chassisPaths.isEmpty)
        #expect(system.serialConsole == nil)
    }

    @Test func numbersMayComeAsStringsAndIntegersNeverTrap() throws {
        let json = try resource(#"{"a": "41.5", "b": 1e300, "c": -0.5, "d": 12, "e": true}"#)
        #expect(json["a"].double == 41.5)
        #expect(json["b"].int == nil && json["c"].int == nil && json["d"].int == 12 && json["e"].int == nil)
        #expect(json["missing"]["deeper"]["still"] == .null)
    }

    @Test(arguments: [
        ("", "the body is empty"), ("{", "not valid JSON"), ("<html>503 Service Unavailable</html>", "not valid JSON"),
        ("{\"a\": }", "not valid JSON"), ("[1, 2]", "expected a JSON object, got an array"),
        ("\"text\"", "expected a JSON object, got a string"), ("{\"a\": 1} trailing", "not valid JSON"),
    ])
    func malformedJSONIsAClearError(body: String, detail: String) {
        #expect {
            try RedfishJSON.parseResource(Data(body.utf8), source: "r640: GET /redfish/v1/Systems")
        } throws: { error in
            guard let error = error as? RedfishError, case .malformedJSON(let source, let message) = error else { return false }
            return source == "r640: GET /redfish/v1/Systems" && message.contains(detail) && error.code == "bmc-bad-response"
                && error.message.hasPrefix("malformed JSON in r640: GET /redfish/v1/Systems: ")
        }
    }

    @Test func deeplyNestedInputIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: RedfishError.self) { try RedfishJSON.parse(Data(deep.utf8), source: "deep") }
    }

    @Test func serviceRootFindsSessionsVendorAndOemKeys() throws {
        let root = ServiceRoot(json: try resource("""
            {"RedfishVersion": "1.11.0", "Vendor": "HPE", "Oem": {"Hpe": {}, "Hp": {}},
             "Systems": {"@odata.id": "/redfish/v1/Systems/"}, "Links": {"Sessions": {"@odata.id": "/redfish/v1/SessionService/Sessions/"}}}
            """))
        #expect(root.redfishVersion == "1.11.0" && root.vendor == "HPE" && root.oemKeys == ["Hp", "Hpe"])
        #expect(root.sessionsPath == "/redfish/v1/SessionService/Sessions/" && root.systemsPath == "/redfish/v1/Systems/")
        #expect(root.managersPath == nil)
    }

    @Test func networkProtocolKeepsOnlyServiceObjects() throws {
        let network = ManagerNetworkProtocol(json: try resource("""
            {"HostName": "bmc", "Status": {"Health": "OK"}, "Oem": {"X": {"ProtocolEnabled": true}}, "IPMI": {"ProtocolEnabled": true, "Port": 623},
             "RFB": {"ProtocolEnabled": false}, "NTP": {"NTPServers": []}, "@odata.id": "/n"}
            """))
        #expect(network.protocols == ["IPMI": NetworkService(enabled: true, port: 623), "RFB": NetworkService(enabled: false, port: nil)])
        #expect(network.isEnabled("IPMI") == true && network.isEnabled("SSH") == nil)
    }

    @Test func errorBodiesGiveTheBMCsMessage() {
        let extended = #"{"error": {"code": "Base.1.8.GeneralError", "message": "A general error has occurred.", "@Message.ExtendedInfo": [{"Message": "The value Bogus for ResetType is not allowed."}, {"Message": "Try On."}]}}"#
        #expect(RedfishErrorBody.message(from: Data(extended.utf8)) == "The value Bogus for ResetType is not allowed.; Try On.")
        #expect(RedfishErrorBody.message(from: Data(#"{"error": {"message": "plain"}}"#.utf8)) == "plain")
        #expect(RedfishErrorBody.message(from: Data("Missing the target\n".utf8)) == "Missing the target")
        #expect(RedfishErrorBody.message(from: Data(String(repeating: "x", count: 1000).utf8)).count == 303)
    }

    @Test func logEntriesMapToEventLogEntries() {
        let entry = LogEntry(json: .object([
            "Id": .string("17"), "Created": .string("2024-05-01T10:20:30.250+02:00"), "Message": .string("Fan failed"),
            "Severity": .string("Critical"),
        ]))
        let mapped = EventLogMapping.entry(entry, position: 4)
        #expect(mapped.id == 17 && mapped.timestamp == 1_714_551_630 && mapped.summary == "Critical: Fan failed")
        let odd = EventLogMapping.entry(LogEntry(json: .object(["Id": .string("abc")])), position: 4)
        #expect(odd.id == 4 && odd.timestamp == nil && odd.summary == "(no message)")
    }
}
