import Foundation
import Logging

extension SOLBenchmark {
    /// One round through our ``IPMIClient`` (suite policy `strongest`: 3 on ipmi_sim).
    func measureOurs(_ simulator: SOLBenchSimulator) async throws -> SOLBenchMeasurement {
        do { return try await measureOursOnce(simulator) } catch { throw SOLBenchError.failed("tether IPMIClient: \(error)") }
    }

    private func measureOursOnce(_ simulator: SOLBenchSimulator) async throws -> SOLBenchMeasurement {
        var logger = Logger(label: "bench-sol")
        logger.logLevel = .warning
        let client = try IPMIClient(
            configuration: .init(
                host: "127.0.0.1", port: simulator.port, username: SOLBenchSimulator.username, password: SOLBenchSimulator.password,
                keepaliveInterval: nil),
            logger: logger)
        let console: SOLConsole
        do { console = try await client.openConsole() } catch {
            await client.close()
            throw error
        }
        let collector = SOLBenchCollector()
        let reader = Task { for try await chunk in console.inbound { collector.append(chunk) } }
        defer { reader.cancel() }
        do {
            try await synchronize(collector) { try await console.write([$0]) }
            var echoes: [Duration] = []
            for index in 0..<(warmupKeystrokes + keystrokes) {
                let target = collector.count + 1
                let start = ContinuousClock.now
                async let accepted: Void = console.write([Self.key(index)])
                let arrived = try await collector.reach(target, timeout: echoTimeout)
                try await accepted
                if index >= warmupKeystrokes { echoes.append(arrived - start) }
            }
            let bulkTime = try await bulk(simulator, into: collector)
            await console.close()
            await client.close()
            return SOLBenchMeasurement(client: "tether IPMIClient", bulkBytes: bulkBytes, bulkTime: bulkTime, echoes: echoes)
        } catch {
            await console.close()
            await client.close()
            throw error
        }
    }

    /// One round through `ipmitool -I lanplus -C 3 sol activate`, driven over a pseudo-terminal.
    func measureIPMITool(_ simulator: SOLBenchSimulator) async throws -> SOLBenchMeasurement {
        do { return try await measureIPMIToolOnce(simulator) } catch { throw SOLBenchError.failed("ipmitool: \(error)") }
    }

    private func measureIPMIToolOnce(_ simulator: SOLBenchSimulator) async throws -> SOLBenchMeasurement {
        let terminal = try SOLBenchTerminal()
        let collector = SOLBenchCollector()
        terminal.startReading(into: collector)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ipmitoolPath)
        process.arguments = [
            "-I", "lanplus", "-C", "3", "-H", "127.0.0.1", "-p", "\(simulator.port)", "-U", SOLBenchSimulator.username,
            "-P", SOLBenchSimulator.password, "sol", "activate",
        ]
        let handle = FileHandle(fileDescriptor: terminal.secondary, closeOnDealloc: false)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        terminal.closeSecondary()
        defer {
            if process.isRunning { process.terminate() }
            terminal.closePrimary()
        }
        try await collector.waitFor("SOL Session operational", timeout: .seconds(15))
        try await synchronize(collector) { terminal.type([$0]) }
        var echoes: [Duration] = []
        for index in 0..<(warmupKeystrokes + keystrokes) {
            let target = collector.count + 1
            let start = ContinuousClock.now
            terminal.type([Self.key(index)])
            let arrived = try await collector.reach(target, timeout: echoTimeout)
            if index >= warmupKeystrokes { echoes.append(arrived - start) }
        }
        let bulkTime = try await bulk(simulator, into: collector)
        // ipmitool's escape: newline, then ~. deactivates the payload and exits (bounded: 5 s).
        terminal.type(Array("\r~.".utf8))
        for _ in 0..<100 where process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        return SOLBenchMeasurement(client: "ipmitool -C 3 (pty)", bulkBytes: bulkBytes, bulkTime: bulkTime, echoes: echoes)
    }

    /// Types a key until its echo comes back (at most 5 tries, 2 s each): ipmi_sim now and
    /// then loses the first keystroke after an activation, and ipmitool reads the terminal
    /// only some time after printing its banner. Measuring starts once the path echoes.
    private func synchronize(_ collector: SOLBenchCollector, type: (UInt8) async throws -> Void) async throws {
        for _ in 0..<5 {
            let target = collector.count + 1
            try await type(UInt8(ascii: "0"))
            if (try? await collector.reach(target, timeout: .seconds(2))) != nil { return }
        }
        throw SOLBenchError.timeout("the first keystroke's echo (5 tries of 2 s)")
    }

    /// The host prints `bulkBytes`; the time until the last of them reached the client.
    private func bulk(_ simulator: SOLBenchSimulator, into collector: SOLBenchCollector) async throws -> Duration {
        let target = collector.count + bulkBytes
        let start = ContinuousClock.now
        try await simulator.serial.emit(bulk)
        return try await collector.reach(target, timeout: bulkTimeout) - start
    }
}
