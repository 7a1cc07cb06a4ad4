import Kernel

/// Facts about a server's BMC.
public enum BMC {
    /// Reads the BMC's identity (IPMI Get Device ID, Redfish Manager).
    public struct Info: Request {
        public static let topic: Topic = "bmc.info"
        public var server: ServerID

        public init(server: ServerID) { self.server = server }

        public struct Reply: Codable, Sendable, Equatable {
            public var server: ServerID
            public var manufacturer: String
            public var product: String
            public var firmware: String
            /// `2.0` for IPMI; the Redfish version for Redfish.
            public var protocolVersion: String

            public init(server: ServerID, manufacturer: String, product: String, firmware: String, protocolVersion: String) {
                self.server = server
                self.manufacturer = manufacturer
                self.product = product
                self.firmware = firmware
                self.protocolVersion = protocolVersion
            }
        }
    }
}
