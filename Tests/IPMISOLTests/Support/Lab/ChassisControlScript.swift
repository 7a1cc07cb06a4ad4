import Foundation

/// ipmi_sim's `chassis_control` program for a standalone lab, written into the lab's own
/// directory: power state in STATE, boot device in STATE.boot, one line per hard reset in
/// STATE.resets.
enum ChassisControlScript {
    static let text = #"""
    #!/bin/sh
    # chassis-control.sh STATE get power boot | set power 1 | set boot pxe | set reset 1 | set shutdown 1
    STATE=$1; shift; op=$1; shift
    [ -f "$STATE" ] || echo 0 > "$STATE"
    [ -f "$STATE.boot" ] || echo none > "$STATE.boot"
    case $op in
      get) for p in "$@"; do
             case $p in
               power) echo "power:$(cat "$STATE")" ;;
               boot)  echo "boot:$(cat "$STATE.boot")" ;;
               *) echo "Invalid parameter: $p"; exit 1 ;;
             esac
           done ;;
      set) while [ $# -gt 0 ]; do
             p=$1; v=$2; shift 2
             case $p in
               power) echo "$v" > "$STATE" ;;
               shutdown) echo 0 > "$STATE" ;;
               boot) echo "$v" > "$STATE.boot" ;;
               reset) date +%s >> "$STATE.resets" ;;
               identify) shift ;;
               *) echo "Invalid parameter: $p"; exit 1 ;;
             esac
           done ;;
      check) exit 1 ;;
      *) echo "Unknown operation: $op"; exit 1 ;;
    esac

    """#

    /// Writes the script into `directory` (mode 0755) and returns its path.
    static func install(in directory: URL) throws -> String {
        let url = directory.appendingPathComponent("chassis-control.sh")
        try text.write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url.path
    }
}
