/// A generic Redfish 2023.1-style service with two systems: `1` (web-01) announces a
/// read-only `SerialConsole.WebSocket`, `2` (web-02) has none; its manager announces one
/// that is switched off.
enum SerialConsoleMockup {
    static let tree: [String: String] = [
        "/redfish/v1": """
            {"@odata.id": "/redfish/v1", "RedfishVersion": "1.19.0", "Vendor": "Contoso",
             "Systems": {"@odata.id": "/redfish/v1/Systems"}, "Managers": {"@odata.id": "/redfish/v1/Managers"}}
            """,
        "/redfish/v1/Systems": """
            {"Members": [{"@odata.id": "/redfish/v1/Systems/1"}, {"@odata.id": "/redfish/v1/Systems/2"}]}
            """,
        "/redfish/v1/Systems/1": """
            {"@odata.id": "/redfish/v1/Systems/1", "Id": "1", "Name": "web-01", "PowerState": "Off",
             "SerialConsole": {"MaxConcurrentSessions": 2,
                "WebSocket": {"ServiceEnabled": true, "ConsoleURI": "wss://127.0.0.1:{PORT}/consoles/host1", "Interactive": false}},
             "Links": {"ManagedBy": [{"@odata.id": "/redfish/v1/Managers/1"}]}}
            """,
        "/redfish/v1/Systems/2": """
            {"@odata.id": "/redfish/v1/Systems/2", "Id": "2", "Name": "web-02", "PowerState": "On",
             "Links": {"ManagedBy": [{"@odata.id": "/redfish/v1/Managers/1"}]}}
            """,
        "/redfish/v1/Managers": """
            {"Members": [{"@odata.id": "/redfish/v1/Managers/1"}]}
            """,
        "/redfish/v1/Managers/1": """
            {"@odata.id": "/redfish/v1/Managers/1", "Id": "1", "FirmwareVersion": "3.1",
             "SerialConsole": {"WebSocket": {"ServiceEnabled": false, "ConsoleURI": "/consoles/manager"}}}
            """,
    ]
}
