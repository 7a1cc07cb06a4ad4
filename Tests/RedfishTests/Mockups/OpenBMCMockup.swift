/// An OpenBMC (bmcweb)-style service: `Vendor: OpenBMC`, no SessionService, Reset
/// AllowableValues only in an ActionInfo resource, standard `BootProgress`, a KVM, and the
/// newer Sensors collection (links only).
enum OpenBMCMockup {
    static let system = "/redfish/v1/Systems/system"
    static let manager = "/redfish/v1/Managers/bmc"
    static let chassis = "/redfish/v1/Chassis/chassis"

    static let tree: [String: String] = [
        "/redfish/v1": """
            {"@odata.id": "/redfish/v1", "RedfishVersion": "1.17.0", "Vendor": "OpenBMC", "Product": "Romulus",
             "Systems": {"@odata.id": "/redfish/v1/Systems"}, "Managers": {"@odata.id": "/redfish/v1/Managers"},
             "Chassis": {"@odata.id": "/redfish/v1/Chassis"}}
            """,
        "/redfish/v1/Systems": """
            {"Members": [{"@odata.id": "\(system)"}]}
            """,
        system: """
            {"@odata.id": "\(system)", "Id": "system", "Name": "system", "Model": "Romulus", "Manufacturer": "OpenPOWER",
             "PowerState": "On", "Status": {"Health": "OK", "HealthRollup": "OK", "State": "Enabled"},
             "BootProgress": {"LastState": "OSRunning"},
             "Boot": {"BootSourceOverrideEnabled": "Once", "BootSourceOverrideTarget": "Pxe", "BootSourceOverrideMode": "Legacy"},
             "Actions": {"#ComputerSystem.Reset": {"target": "\(system)/Actions/ComputerSystem.Reset",
                 "@Redfish.ActionInfo": "\(system)/ResetActionInfo"}},
             "Links": {"ManagedBy": [{"@odata.id": "\(manager)"}], "Chassis": [{"@odata.id": "\(chassis)"}]}}
            """,
        "\(system)/ResetActionInfo": """
            {"Id": "ResetActionInfo", "Parameters": [{"Name": "ResetType", "Required": true, "DataType": "String",
              "AllowableValues": ["On", "ForceOff", "ForceOn", "ForceRestart", "GracefulRestart", "GracefulShutdown", "PowerCycle"]}]}
            """,
        "/redfish/v1/Managers": """
            {"Members": [{"@odata.id": "\(manager)"}]}
            """,
        manager: """
            {"@odata.id": "\(manager)", "Id": "bmc", "Model": "OpenBmc", "FirmwareVersion": "2.14.0-dev", "ManagerType": "BMC",
             "GraphicalConsole": {"ServiceEnabled": true, "MaxConcurrentSessions": 4, "ConnectTypesSupported": ["KVMIP"]},
             "NetworkProtocol": {"@odata.id": "\(manager)/NetworkProtocol"}}
            """,
        "\(manager)/NetworkProtocol": """
            {"HostName": "romulus", "IPMI": {"ProtocolEnabled": false, "Port": 623}, "SSH": {"ProtocolEnabled": true, "Port": 22}}
            """,
        "/redfish/v1/Chassis": """
            {"Members": [{"@odata.id": "\(chassis)"}]}
            """,
        chassis: """
            {"@odata.id": "\(chassis)", "Sensors": {"@odata.id": "\(chassis)/Sensors"}}
            """,
        "\(chassis)/Sensors": """
            {"Members": [{"@odata.id": "\(chassis)/Sensors/temperature_ambient"}, {"@odata.id": "\(chassis)/Sensors/fan_tach_fan0"},
                         {"@odata.id": "\(chassis)/Sensors/power_total_power"}, {"@odata.id": "\(chassis)/Sensors/voltage_p12v"}]}
            """,
        "\(chassis)/Sensors/temperature_ambient": """
            {"Id": "temperature_ambient", "Name": "ambient", "ReadingType": "Temperature", "Reading": 24.5, "ReadingUnits": "Cel",
             "Status": {"Health": "OK"}, "Thresholds": {"UpperCritical": {"Reading": 40}}}
            """,
        "\(chassis)/Sensors/fan_tach_fan0": """
            {"Id": "fan_tach_fan0", "Name": "fan0", "ReadingType": "Rotational", "Reading": 7100, "ReadingUnits": "RPM"}
            """,
        "\(chassis)/Sensors/power_total_power": """
            {"Id": "power_total_power", "Name": "total_power", "ReadingType": "Power", "Reading": 412.0, "ReadingUnits": "W"}
            """,
        "\(chassis)/Sensors/voltage_p12v": """
            {"Id": "voltage_p12v", "Name": "p12v", "ReadingType": "Voltage", "Reading": 12.1, "ReadingUnits": "V", "Unexpected": {"x": [1, 2]}}
            """,
    ]
}
