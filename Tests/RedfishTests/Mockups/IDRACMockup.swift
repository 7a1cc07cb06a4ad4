/// A Dell iDRAC-style service: `Vendor: Dell`, a SessionService that (served by
/// sushy-static) answers the login with 204 and no token, `BootProgress.LastState: OEM`
/// with the state in `OemLastState`, health only in `Oem.Dell.DellSystem`, classic
/// Thermal/Power sensors, a paged SEL, and fields of surprising types.
enum IDRACMockup {
    static let system = "/redfish/v1/Systems/System.Embedded.1"
    static let manager = "/redfish/v1/Managers/iDRAC.Embedded.1"
    static let chassis = "/redfish/v1/Chassis/System.Embedded.1"

    static let tree: [String: String] = [
        "/redfish/v1": """
            {"@odata.id": "/redfish/v1", "RedfishVersion": "1.17.0", "Vendor": "Dell",
             "Product": "Integrated Dell Remote Access Controller",
             "Oem": {"Dell": {"ServiceTag": "ABC1234", "IsBranded": 0}},
             "Systems": {"@odata.id": "/redfish/v1/Systems"}, "Managers": {"@odata.id": "/redfish/v1/Managers"},
             "Chassis": {"@odata.id": "/redfish/v1/Chassis"},
             "SessionService": {"@odata.id": "/redfish/v1/SessionService"},
             "Links": {"Sessions": {"@odata.id": "/redfish/v1/SessionService/Sessions"}},
             "ProtocolFeaturesSupported": {"ExpandQuery": {"Levels": true}}}
            """,
        "/redfish/v1/Systems": """
            {"Members": [{"@odata.id": "\(system)"}], "Members@odata.count": 1}
            """,
        system: """
            {"@odata.id": "\(system)", "Id": "System.Embedded.1", "Name": "System", "Model": "PowerEdge R640",
             "Manufacturer": "Dell Inc.", "SerialNumber": "CN7475154I0123", "SKU": 12345, "HostName": null,
             "BiosVersion": "2.21.2", "PowerState": "On",
             "Status": {"State": "Enabled"},
             "BootProgress": {"LastState": "OEM", "OemLastState": "No bootable devices.", "LastStateTime": "2025-10-14T21:39:06-05:00"},
             "Boot": {"BootSourceOverrideEnabled": "Disabled", "BootSourceOverrideTarget": "None", "BootSourceOverrideMode": "UEFI",
                      "BootSourceOverrideTarget@Redfish.AllowableValues": ["None", "Pxe", "Floppy", "Cd", "Hdd", "BiosSetup", "Utilities", "UefiTarget", "SDCard", "UefiHttp"]},
             "Actions": {"#ComputerSystem.Reset": {"target": "\(system)/Actions/ComputerSystem.Reset",
                 "ResetType@Redfish.AllowableValues": ["On", "ForceOff", "ForceRestart", "GracefulShutdown", "PushPowerButton", "Nmi", "PowerCycle"]}},
             "LogServices": {"@odata.id": "\(system)/LogServices"},
             "Links": {"ManagedBy": [{"@odata.id": "\(manager)"}], "Chassis": [{"@odata.id": "\(chassis)"}]},
             "TrustedModules": [{"FirmwareVersion": "7.2.2.0", "InterfaceType": "TPM2_0"}],
             "Oem": {"Dell": {"DellSystem": {"CurrentRollupStatus": "Warning", "CPURollupStatus": "OK", "FanRollupStatus": "Warning"}}}}
            """,
        "\(system)/LogServices": """
            {"Members": [{"@odata.id": "\(system)/LogServices/Lclog"}, {"@odata.id": "\(system)/LogServices/Sel"}]}
            """,
        "\(system)/LogServices/Lclog": """
            {"@odata.id": "\(system)/LogServices/Lclog", "Id": "Lclog", "Name": "Lifecycle Controller Log", "LogEntryType": "OEM",
             "Entries": {"@odata.id": "\(system)/LogServices/Lclog/Entries"}}
            """,
        "\(system)/LogServices/Sel": """
            {"@odata.id": "\(system)/LogServices/Sel", "Id": "Sel", "Name": "SEL Log", "LogEntryType": "SEL",
             "Entries": {"@odata.id": "\(system)/LogServices/Sel/Entries"}}
            """,
        "\(system)/LogServices/Sel/Entries": """
            {"Members@odata.count": 3, "Members@odata.nextLink": "\(system)/LogServices/Sel/Entries/Page2", "Members": [
              {"@odata.id": "\(system)/LogServices/Sel/Entries/1", "Id": "1", "Created": "2024-05-01T10:20:30-05:00",
               "Message": "The system board fan 1 RPM is less than the lower warning threshold.", "Severity": "Warning", "SensorType": "Fan"},
              {"@odata.id": "\(system)/LogServices/Sel/Entries/2", "Id": "2", "Created": "2024-05-01T10:25:00Z",
               "Message": "The chassis is open while the power is off.", "Severity": "Critical"}]}
            """,
        "\(system)/LogServices/Sel/Entries/Page2": """
            {"Members": [{"@odata.id": "\(system)/LogServices/Sel/Entries/3", "Id": "3", "Created": "not a time",
              "MessageId": "SEL9901", "Severity": "OK"}]}
            """,
        "/redfish/v1/Managers": """
            {"Members": [{"@odata.id": "\(manager)"}]}
            """,
        manager: """
            {"@odata.id": "\(manager)", "Id": "iDRAC.Embedded.1", "Model": "14G Monolithic", "FirmwareVersion": "6.10.30.00",
             "ManagerType": "BMC", "Status": {"Health": "OK", "State": "Enabled"},
             "NetworkProtocol": {"@odata.id": "\(manager)/NetworkProtocol"},
             "EthernetInterfaces": {"@odata.id": "\(manager)/EthernetInterfaces"},
             "GraphicalConsole": {"ServiceEnabled": true, "MaxConcurrentSessions": 6, "ConnectTypesSupported": ["KVMIP"]},
             "SerialConsole": {"ServiceEnabled": true, "MaxConcurrentSessions": 0, "ConnectTypesSupported": ["SSH", "IPMI"]}}
            """,
        "\(manager)/NetworkProtocol": """
            {"HostName": "idrac-r640", "FQDN": "idrac-r640.lab.example",
             "HTTPS": {"ProtocolEnabled": true, "Port": 443}, "IPMI": {"ProtocolEnabled": true, "Port": 623},
             "SSH": {"ProtocolEnabled": true, "Port": 22}, "VirtualMedia": {"ProtocolEnabled": true, "Port": 443},
             "Status": {"Health": "OK"}}
            """,
        "\(manager)/EthernetInterfaces": """
            {"Members": [{"@odata.id": "\(manager)/EthernetInterfaces/NIC.1"}]}
            """,
        "\(manager)/EthernetInterfaces/NIC.1": """
            {"Id": "NIC.1", "MACAddress": "D0:94:66:11:22:33", "IPv4Addresses": [{"Address": "192.0.2.10", "AddressOrigin": "DHCP"}]}
            """,
        "/redfish/v1/Chassis": """
            {"Members": [{"@odata.id": "\(chassis)"}]}
            """,
        chassis: """
            {"@odata.id": "\(chassis)", "Thermal": {"@odata.id": "\(chassis)/Thermal"}, "Power": {"@odata.id": "\(chassis)/Power"}}
            """,
        "\(chassis)/Thermal": """
            {"Temperatures": [
               {"Name": "System Board Inlet Temp", "ReadingCelsius": 22, "UpperThresholdCritical": 47, "Status": {"Health": "OK"}},
               {"Name": "CPU1 Temp", "ReadingCelsius": "61", "UpperThresholdCritical": 93, "Status": {"Health": "OK"}}],
             "Fans": [{"Name": "System Board Fan1A", "Reading": 5880, "ReadingUnits": "RPM", "Status": {"Health": "Warning"}},
                      {"FanName": "System Board Fan2A", "Reading": null, "ReadingUnits": "RPM"}]}
            """,
        "\(chassis)/Power": """
            {"PowerControl": [{"Name": "System Power Control", "PowerConsumedWatts": 236}],
             "Voltages": [{"Name": "PS1 Voltage 1", "ReadingVolts": 232.0}],
             "PowerSupplies": [{"Name": "PS1 Status", "PowerInputWatts": 250, "PowerCapacityWatts": 750, "Status": {"Health": "OK"}}]}
            """,
    ]
}
