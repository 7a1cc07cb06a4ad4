import Kernel

/// The device a server boots from next.
public enum Boot {
    public enum Device: String, Codable, Sendable, CaseIterable {
        case none, pxe, disk, cdrom, bios
    }

    /// Sets the boot device, once (the next boot) or persistently.
    public struct Set: Request {
        public static let topic: Topic = "boot.set"
        public var server: ServerID
        public var device: Device
        public var persistent: Bool
        public var uefi: Bool

        public init(server: ServerID, device: Device, persistent: Bool = false, uefi: Bool = false) {
            self.server = server
            self.device = device
            self.persistent = persistent
            self.uefi = uefi
        }

        public typealias Reply = Boot.Setting
    }

    /// Reads the boot device setting.
    public struct Get: Request {
        public static let topic: Topic = "boot.get"
        public var server: ServerID

        public init(server: ServerID) { self.server = server }

        public typealias Reply = Boot.Setting
    }

    /// A boot device setting as the BMC reports it.
    public struct Setting: Codable, Sendable, Equatable {
        public var server: ServerID
        public var device: Device
        public var persistent: Bool
        public var uefi: Bool

        public init(server: ServerID, device: Device, persistent: Bool, uefi: Bool) {
            self.server = server
            self.device = device
            self.persistent = persistent
            self.uefi = uefi
        }
    }
}
