import Contracts
import TetherAPIProto

extension Boot.Device {
    /// - Throws: ``GatewayError`` 400 for an unset or unknown device.
    init(proto: Tether_V1_BootDevice) throws {
        switch proto {
        case .none: self = .none
        case .pxe: self = .pxe
        case .disk: self = .disk
        case .cdrom: self = .cdrom
        case .bios: self = .bios
        case .unspecified, .UNRECOGNIZED:
            throw GatewayError.badRequest("device: set one of BOOT_DEVICE_NONE, _PXE, _DISK, _CDROM, _BIOS")
        }
    }
}

extension Tether_V1_BootDevice {
    init(_ device: Boot.Device) {
        switch device {
        case .none: self = .none
        case .pxe: self = .pxe
        case .disk: self = .disk
        case .cdrom: self = .cdrom
        case .bios: self = .bios
        }
    }
}

extension Tether_V1_BootSetting {
    init(_ setting: Boot.Setting) {
        self.init()
        server = setting.server
        device = .init(setting.device)
        persistent = setting.persistent
        uefi = setting.uefi
    }
}
