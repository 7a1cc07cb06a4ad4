import VNCTesting
import Foundation
import NIOCore
import NIOPosix
import Testing
@testable import RFB

/// End to end: vncdotool -> our RFB 3.8 "None" server (RFBViewerSession) -> RFBBMCConnection
/// -> password-protected QEMU on 127.0.0.1:5963. The viewer never sees the VNC password.
@Suite(.enabled(if: QEMUVNCServer.isEnabled, "RFB_SKIP_REAL_PEER=1"), .timeLimit(.minutes(2)))
struct ViewerReplayTests {
    static let packageDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let venvBin = URL(fileURLWithPath: ProcessInfo.processInfo.environment["TETHER_VENV"] ?? "/opt/tether-venv").appendingPathComponent("bin")

    @Test func vncdotoolCapturesThroughTheReplayServerWithoutPassword() async throws {
        let vncdo = Self.venvBin.appendingPathComponent("vncdo").path
        let python = Self.venvBin.appendingPathComponent("python").path
        try #require(FileManager.default.isExecutableFile(atPath: vncdo),
                     "vncdotool missing: run Scripts/setup (it makes /opt/tether-venv)")
        try await QEMUVNCServer.with(name: "tether-replay", port: 5963, security: .password("s3cret")) { qemu in
            let proxiedPNG = qemu.directory.appendingPathComponent("proxied.png").path
            let directPNG = qemu.directory.appendingPathComponent("direct.png").path
            let listener = try await Self.bindViewerListener()
            let listenerPort = try #require(listener.channel.localAddress?.port)

            let (statistics, proxiedTime) = try await withThrowingTaskGroup(of: RFBRelayStatistics?.self) { group in
                group.addTask { try await Self.serveOneViewer(on: listener, bmcPort: qemu.port) }
                let started = ContinuousClock.now
                let capture = try await ExternalProcess.run(
                    vncdo, ["-t", "20", "-s", "127.0.0.1::\(listenerPort)", "capture", proxiedPNG])
                let elapsed = ContinuousClock.now - started
                #expect(capture.status == 0, "vncdo through the replay server: \(capture.output)")
                let statistics = try await group.next() ?? nil
                return (statistics, elapsed)
            }

            let started = ContinuousClock.now
            let direct = try await ExternalProcess.run(
                vncdo, ["-t", "20", "-s", "127.0.0.1::\(qemu.port)", "-p", "s3cret", "capture", directPNG])
            let directTime = ContinuousClock.now - started
            #expect(direct.status == 0, "vncdo directly: \(direct.output)")

            let comparison = try await ExternalProcess.run(
                python, [Self.packageDirectory.appendingPathComponent("Tests/VNCTesting/compare_png.py").path,
                         directPNG, proxiedPNG])
            #expect(comparison.status == 0, "\(comparison.output)")
            let fields = Self.fields(comparison.output)
            let same = fields["same"] ?? 0
            let total = fields["total"] ?? 0
            #expect(comparison.output.hasPrefix("720x400"), "\(comparison.output)")
            #expect(total > 0 && Double(same) / Double(total) >= 0.98, "\(comparison.output)")
            #expect((fields["nonblack"] ?? 0) > 1000, "the capture shows the SeaBIOS text: \(comparison.output)")

            let relayed = try #require(statistics)
            #expect(relayed.messagesFromViewer >= 2)
            #expect(relayed.bytesFromBMC > 100_000, "a full 720x400 screen is several hundred KB raw")
            print("replay: \(comparison.output.trimmingCharacters(in: .newlines)); vncdo via replay \(proxiedTime), direct \(directTime); "
                + "viewer->BMC \(relayed.messagesFromViewer) msgs/\(relayed.bytesFromViewer) B, BMC->viewer \(relayed.bytesFromBMC) B, viewer RFB \(relayed.viewerVersion)")
        }
    }

    static func bindViewerListener() async throws -> NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never> {
        try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: child)
                }
            }
    }

    /// Accepts one viewer, logs in to the BMC for it, and relays until either side closes.
    static func serveOneViewer(
        on listener: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>,
        bmcPort: Int
    ) async throws -> RFBRelayStatistics? {
        try await listener.executeThenClose { inbound in
            var viewers = inbound.makeAsyncIterator()
            guard let viewer = try await viewers.next() else { return nil }
            let bmc = try await RFBBMCConnection.connect(
                .init(host: "127.0.0.1", port: bmcPort, password: "s3cret"), logger: RFBTestSupport.logger)
            return try await RFBViewerSession.serve(viewer: viewer, bmc: bmc, logger: RFBTestSupport.logger)
        }
    }

    /// Parses "key=value" integers from the comparison script's line.
    static func fields(_ line: String) -> [String: Int] {
        var result: [String: Int] = [:]
        for part in line.split(whereSeparator: \.isWhitespace) {
            let pair = part.split(separator: "=")
            if pair.count == 2, let value = Int(pair[1]) { result[String(pair[0])] = value }
        }
        return result
    }
}
