import ArgumentParser
import Kernel

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the version.")

    func run() {
        print("tether \(TetherVersion.current)")
    }
}
