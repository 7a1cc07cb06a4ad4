import Contracts
import Foundation
import Kernel
import KernelTesting
import Testing
@testable import IPMISOL

/// The shared SOL console through `bus.open(SerialConsole.Attach)`, against ipmi_sim whose
/// serial port is the in-process ``SerialPeer``.
@Suite(.serialized, .enabled(if: IPMISimulatorLab.isInstalled, "ipmi_sim is not installed (apt-get install openipmi)"))
struct PluginConsoleTests {
    let server = PluginHarness.server

    func open(_ node: RoleRunner, as instance: PluginID, force: Bool = false) async throws -> ConsoleViewerClient {
        ConsoleViewerClient(try await node.bus.sending(as: instance).open(SerialConsole.Attach(server: server, force: force)))
    }

    func status(_ node: RoleRunner) async throws -> IPMIConsole.Status.Reply {
        try await node.bus.ask(IPMIConsole.Status(server: server))
    }

    /// `count` lines `P0000 abcdefghij...` from `start`, deterministic.
    static func pattern(_ range: Range<Int>) -> String {
        range.map { index in
            "P" + String(index).leftPadded(4) + " " + String(repeating: Character(UnicodeScalar(UInt8(97 + index % 26))), count: 40) + "\r\n"
        }.joined()
    }

    @Test func typedLineComesBackAsEcho() async throws {
        try await IPMISimulatorLab.with { lab in
            // A short keepalive: the console-ownership check must not end our own console.
            try await PluginHarness.run(lab, keepaliveSeconds: 0.2) { node in
                #expect(try await status(node).session == "closed")
                let viewer = try await open(node, as: "viewer-a")
                try await viewer.type("hello tether\r")
                try await viewer.wait { $0.contains("ECHO: HELLO TETHER\r\n") }
                #expect(lab.serialInput == Array("hello tether\r".utf8))
                #expect(await viewer.notices.isEmpty, "the writer gets no notice")
                try await Task.sleep(for: .seconds(1.5))  // several keepalive rounds
                try await viewer.type("still here\r")
                try await viewer.wait { $0.contains("ECHO: STILL HERE\r\n") }
                let notices = await viewer.notices
                #expect(notices.isEmpty, "\(notices)")
                let state = try await status(node)
                #expect(state.session == "active" && state.sessionsOpened == 1)
                #expect(state.viewers.map(\.writer) == [true])
                await viewer.close()
            }
        }
    }

    @Test func twoViewersShareOneSessionSecondIsReadOnly() async throws {
        try await IPMISimulatorLab.with { lab in
            try await PluginHarness.run(lab) { node in
                let first = try await open(node, as: "viewer-a")
                try await first.type("one\r")
                try await first.wait { $0.contains("ECHO: ONE\r\n") }
                let second = try await open(node, as: "viewer-b")
                try await second.wait("the read-only notice") { $0.contains("[tether] read-only: viewer-a@test has the keyboard") }
                // The second viewer's keys are dropped, with a notice.
                try await second.type("intruder\r")
                try await second.wait("the input-dropped notice") { $0.contains("read-only: input dropped") }
                try await first.type("two\r")
                try await first.wait { $0.contains("ECHO: TWO\r\n") }
                try await second.wait { $0.contains("ECHO: TWO\r\n") }
                #expect(!(await first.text.contains("INTRUDER")))
                #expect(lab.serialInput == Array("one\rtwo\r".utf8))
                let state = try await status(node)
                #expect(state.sessionsOpened == 1)
                #expect(state.viewers.map(\.caller.instance.rawValue) == ["viewer-a", "viewer-b"])
                #expect(state.viewers.map(\.writer) == [true, false])
                // Both saw the same console, the second from the scrollback on.
                #expect(await second.consoleText == (await first.consoleText))

                // The writer leaves: the read-only viewer gets the keyboard.
                await first.close()
                try await second.wait("the keyboard handover") { $0.contains("[tether] you have the keyboard now") }
                try await second.type("three\r")
                try await second.wait { $0.contains("ECHO: THREE\r\n") }
                await second.close()
            }
        }
    }

    @Test func forceTakesTheKeyboardAndIsAudited() async throws {
        TakeoverRecorder.reset()
        try await IPMISimulatorLab.with { lab in
            try await PluginHarness.run(lab) { node in
                let first = try await open(node, as: "viewer-a")
                try await first.type("a\r")
                try await first.wait { $0.contains("ECHO: A\r\n") }
                let forcing = try await open(node, as: "viewer-b", force: true)
                try await first.wait("the take-over notice") { $0.contains("viewer-b@test took the keyboard (force); you are read-only now") }
                try await forcing.type("b\r")
                try await forcing.wait { $0.contains("ECHO: B\r\n") }
                try await first.type("lost\r")
                try await first.wait { $0.contains("read-only: input dropped") }
                #expect(lab.serialInput == Array("a\rb\r".utf8))
                try await IPMISimulatorLab.waitUntil("the console.takeover event") { !TakeoverRecorder.recorded.isEmpty }
                let event = try #require(TakeoverRecorder.recorded.first)
                #expect(event.scope == .writer && event.server == server)
                #expect(event.by.instance == "viewer-b" && event.previous?.instance == "viewer-a")
                await first.close()
                await forcing.close()
            }
        }
    }

    @Test func lateViewerGetsScrollbackThenLiveWithoutGapOrDuplicate() async throws {
        try await IPMISimulatorLab.with { lab in
            try await PluginHarness.run(lab) { node in
                let first = try await open(node, as: "viewer-a")
                try await first.type("\r")
                try await IPMISimulatorLab.waitUntil("the SOL session") { (try? await status(node).session) == "active" }
                let all = Self.pattern(0..<300)
                try await lab.serial.emit(Self.pattern(0..<100))
                try await first.wait(timeoutSeconds: 20) { $0.contains("P0099 ") }
                // Attach while the host keeps printing: the boundary between scrollback and live
                // falls somewhere inside lines 100..<300.
                let printing = Task {
                    for start in stride(from: 100, to: 300, by: 10) {
                        try await lab.serial.emit(Self.pattern(start..<(start + 10)))
                        try await Task.sleep(for: .milliseconds(15))
                    }
                }
                try await Task.sleep(for: .milliseconds(60))
                let late = try await open(node, as: "viewer-b")
                try await printing.value
                try await late.wait(timeoutSeconds: 30) { $0.contains("P0299 ") }
                try await first.wait(timeoutSeconds: 30) { $0.contains("P0299 ") }
                let lateText = await late.consoleText
                let firstText = await first.consoleText
                #expect(firstText.hasSuffix(all), "the first viewer saw every line once")
                #expect(lateText == firstText, "the late viewer got the same bytes: scrollback, then live")
                let log = try await status(node)
                #expect(log.logStart == 0 && log.logEnd == UInt64(firstText.utf8.count))
                await first.close()
                await late.close()
            }
        }
    }

    @Test func scrollbackKeepsOnlyTheConfiguredTail() async throws {
        try await IPMISimulatorLab.with { lab in
            try await PluginHarness.run(lab, scrollback: 2048) { node in
                let first = try await open(node, as: "viewer-a")
                try await first.type("\r")
                try await IPMISimulatorLab.waitUntil("the SOL session") { (try? await status(node).session) == "active" }
                try await lab.serial.emit(Self.pattern(0..<200))
                try await first.wait(timeoutSeconds: 30) { $0.contains("P0199 ") }
                let late = try await open(node, as: "viewer-b")
                // open returns before the plugin has registered the viewer: wait for that, so the
                // scrollback is exactly the 2048 bytes before the live lines.
                try await IPMISimulatorLab.waitUntil("the late viewer registered") { (try? await status(node).viewers.count) == 2 }
                try await lab.serial.emit(Self.pattern(200..<210))
                try await late.wait(timeoutSeconds: 20) { $0.contains("P0209 ") }
                let everything = Array((await first.consoleText).utf8)
                let lateBytes = Array((await late.consoleText).utf8)
                let liveCount = Self.pattern(200..<210).utf8.count
                #expect(lateBytes == Array(everything.suffix(2048 + liveCount)))
                let state = try await status(node)
                #expect(state.logEnd - state.logStart == 2048)
                await first.close()
                await late.close()
            }
        }
    }

    @Test func payloadHeldElsewhereIsReportedAndForceNeedsTheSetting() async throws {
        TakeoverRecorder.reset()
        try await IPMISimulatorLab.with { lab in
            let other = try LabClient.make(LabClient.configuration(port: lab.port))
            let othersConsole = try await other.openConsole()
            let othersReader = await ConsoleReader(othersConsole)
            try await PluginHarness.run(lab) { node in
                for force in [false, true] {
                    let viewer = try await open(node, as: "viewer-a", force: force)
                    try await viewer.waitUntilFinished()
                    guard case BusError.remote(let code, let message)? = await viewer.failure else {
                        Issue.record("expected a remote error, got \(String(describing: await viewer.failure))")
                        return
                    }
                    #expect(code == "console-busy")
                    #expect(message.contains("active in another session") && message.contains("allowForceTakeover: true"), "\(message)")
                    #expect(force == message.contains("force take-over is off"))
                }
                #expect(try await status(node).session == "closed")
            }
            try await PluginHarness.run(lab, allowForceTakeover: true) { node in
                let viewer = try await open(node, as: "viewer-a", force: true)
                try await viewer.type("mine\r")
                try await viewer.wait { $0.contains("ECHO: MINE\r\n") }
                try await IPMISimulatorLab.waitUntil("the console.takeover event") { !TakeoverRecorder.recorded.isEmpty }
                #expect(TakeoverRecorder.recorded.map(\.scope) == [.bmcPayload])
                await viewer.close()
            }
            await othersReader.stop()
            await other.close()
        }
    }

    @Test func sessionTakenByAnotherToolIsReopenedWhenFree() async throws {
        try await IPMISimulatorLab.with { lab in
            // ipmi_sim does not tell the evicted session: the keepalive's ownership check does.
            try await PluginHarness.run(lab, keepaliveSeconds: 0.5) { node in
                let viewer = try await open(node, as: "viewer-a")
                try await viewer.type("before\r")
                try await viewer.wait { $0.contains("ECHO: BEFORE\r\n") }
                // Another tool forces the BMC's payload away from us, then lets go.
                let other = try LabClient.make(LabClient.configuration(port: lab.port))
                let console = try await other.openConsole(force: true)
                try await viewer.wait("the session-lost notice", timeoutSeconds: 15) { $0.contains("[tether] SOL session lost") }
                #expect(try await status(node).session == "reconnecting")
                await console.close()
                await other.close()
                try await viewer.wait("the session-restored notice", timeoutSeconds: 30) { $0.contains("[tether] SOL session restored") }
                try await viewer.type("after\r")
                try await viewer.wait { $0.contains("ECHO: AFTER\r\n") }
                #expect(try await status(node).sessionsOpened == 2)
                await viewer.close()
            }
        }
    }
}
