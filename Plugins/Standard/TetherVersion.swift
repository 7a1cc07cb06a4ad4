/// The version `tether version` prints and links announce.
enum TetherVersion {
    static let current = "0.1.0"
}
