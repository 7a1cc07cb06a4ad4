/// The version of this `tether` build: `tether version` prints it and every node reports it in
/// `node.describe`, so a gateway can tell the manager which version each agent runs.
public enum TetherVersion {
    public static let current = "0.1.0"
}
