import Contracts
import Kernel

/// Redfish-specific requests the `redfish` plugin serves besides the shared Contracts
/// families. Candidates for Plugins/Contracts once another plugin needs them.
public enum RedfishMessages {
    /// Everything known about one server: identity, power, health, boot progress and
    /// override, BMC firmware and network, serial console and KVM endpoints, capabilities.
    public struct SystemShow: Request {
        public static let topic: Topic = "redfish.system.show"
        public var server: ServerID

        public init(server: ServerID) { self.server = server }

        public typealias Reply = SystemDetails
    }

    /// The chassis sensors of one server: temperatures, fans, power, voltages.
    public struct Sensors: Request {
        public static let topic: Topic = "redfish.sensors"
        public var server: ServerID

        public init(server: ServerID) { self.server = server }

        public typealias Reply = SensorReport
    }

    /// A raw `ComputerSystem.Reset` with any ResetType the system allows (`Nmi`,
    /// `GracefulRestart`, `PushPowerButton`...), checked against its AllowableValues.
    public struct Reset: Request {
        public static let topic: Topic = "redfish.system.reset"
        public var server: ServerID
        public var resetType: String

        public init(server: ServerID, resetType: String) {
            self.server = server
            self.resetType = resetType
        }

        public struct Reply: Codable, Sendable, Equatable {
            public var server: ServerID
            public var resetType: String

            public init(server: ServerID, resetType: String) {
                self.server = server
                self.resetType = resetType
            }
        }
    }
}
