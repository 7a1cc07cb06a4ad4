import Contracts

/// Translates between ``Boot`` settings and a system's `Boot` object. Pure: no I/O.
public enum BootMapping {
    /// The `BootSourceOverrideTarget` for a device.
    public static func target(for device: Boot.Device) -> String {
        switch device {
        case .none: "None"
        case .pxe: "Pxe"
        case .disk: "Hdd"
        case .cdrom: "Cd"
        case .bios: "BiosSetup"
        }
    }

    /// The device for a `BootSourceOverrideTarget`, nil for targets Contracts cannot express (`Usb`, `UefiShell`...).
    public static func device(for target: String) -> Boot.Device? {
        switch target {
        case "None": Boot.Device.none
        case "Pxe": .pxe
        case "Hdd": .disk
        case "Cd": .cdrom
        case "BiosSetup": .bios
        default: nil
        }
    }

    /// The PATCH body for a boot override, checked against the system's allowable values.
    /// `BootSourceOverrideMode` is sent only when the system reports one.
    public static func patchBody(for request: Boot.Set, current: BootOverride, server: String) throws(RedfishError) -> JSONValue {
        let target = target(for: request.device)
        let enabled = request.device == .none ? "Disabled" : (request.persistent ? "Continuous" : "Once")
        if request.device != .none, let allowed = current.allowedTargets, !allowed.contains(target) {
            throw .notAllowed(server: server, what: "boot target", value: target, allowed: allowed)
        }
        if let allowed = current.allowedEnabled, !allowed.contains(enabled) {
            throw .notAllowed(server: server, what: "BootSourceOverrideEnabled", value: enabled, allowed: allowed)
        }
        var boot: [String: JSONValue] = [
            "BootSourceOverrideTarget": .string(target),
            "BootSourceOverrideEnabled": .string(enabled),
        ]
        if request.device != .none, current.mode != nil {
            let mode = request.uefi ? "UEFI" : "Legacy"
            if let allowed = current.allowedModes, !allowed.contains(mode) {
                throw .notAllowed(server: server, what: "boot mode", value: mode, allowed: allowed)
            }
            boot["BootSourceOverrideMode"] = .string(mode)
        }
        return .object(["Boot": .object(boot)])
    }

    /// The Contracts view of a system's boot override.
    public static func setting(of boot: BootOverride, server: String) throws(RedfishError) -> Boot.Setting {
        let enabled = boot.enabled ?? "Disabled"
        let device: Boot.Device
        if enabled == "Disabled" {
            device = .none
        } else if let target = boot.target {
            guard let mapped = Self.device(for: target) else {
                throw .notSupported(server: server, what: "a boot.get view of target \(target) (use redfish.system.show)")
            }
            device = mapped
        } else {
            device = .none
        }
        return Boot.Setting(server: server, device: device, persistent: enabled == "Continuous", uefi: boot.mode == "UEFI")
    }
}
