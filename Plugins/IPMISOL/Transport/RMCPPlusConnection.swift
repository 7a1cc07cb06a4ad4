import Logging
import NIOCore

/// Runs one RMCP+ session over one UDP socket: feeds datagrams and timer expiries into
/// ``RMCPPlusSession/StateMachine`` (and the SOL state machine while a console is
/// attached) and carries out the actions they return. Holds no protocol logic itself.
actor RMCPPlusConnection {
    var session: RMCPPlusSession.StateMachine
    let socket: UDPDatagramSocket
    let logger: Logger
    private var receiveTask: Task<Void, Never>?
    private var sessionTimer: Task<Void, Never>?
    private var establishWaiter: CheckedContinuation<RMCPPlusSession.Established, any Error>?
    private var closeWaiters: [CheckedContinuation<Void, Never>] = []
    private var responseWaiters: [CheckedContinuation<IPMIResponse, any Error>] = []
    private(set) var established: RMCPPlusSession.Established?
    private(set) var failure: IPMIError?
    private(set) var isClosed = false
    var sol: SOLAttachment?
    /// The last SOL sequence number of the console detached last (the next one starts after it).
    var lastDetachedSOLSequence: UInt8?

    init(configuration: RMCPPlusSession.Configuration, socket: UDPDatagramSocket, logger: Logger) {
        self.session = RMCPPlusSession.StateMachine(configuration: configuration)
        self.socket = socket
        self.logger = logger
    }

    /// True while requests can be sent.
    var isUsable: Bool { established != nil && failure == nil && !isClosed }

    /// Runs discovery and the RAKP handshake.
    func establish() async throws -> RMCPPlusSession.Established {
        let datagrams = socket.datagrams
        receiveTask = Task { [weak self] in
            for await datagram in datagrams {
                await self?.receive(datagram)
            }
        }
        return try await withCheckedThrowingContinuation { continuation in
            establishWaiter = continuation
            execute(session.handle(.start))
        }
    }

    /// Sends one IPMI request and returns the response, whatever its completion code.
    func request(_ request: IPMIRequest) async throws -> IPMIResponse {
        try await withCheckedThrowingContinuation { continuation in
            responseWaiters.append(continuation)
            execute(session.handle(.sendRequest(request)))
        }
    }

    /// Sends Close Session (bounded by the retransmission limit) and releases the socket.
    func close() async {
        if !isClosed && failure == nil {
            await withCheckedContinuation { continuation in
                closeWaiters.append(continuation)
                execute(session.handle(.close))
            }
        }
        detachSOL(reason: .closed(reason: "the IPMI session was closed"))
        sessionTimer?.cancel()
        receiveTask?.cancel()
        socket.close()
    }

    private func receive(_ datagram: [UInt8]) {
        execute(session.handle(.datagramReceived(datagram)))
    }

    private func sessionTimerFired(_ token: UInt64) {
        execute(session.handle(.timerFired(token: token)))
    }

    func execute(_ actions: [RMCPPlusSession.Action]) {
        for action in actions {
            switch action {
            case .send(let bytes):
                socket.send(bytes)
            case .armTimer(let token, let delay):
                sessionTimer?.cancel()
                sessionTimer = Task { [weak self] in
                    try? await Task.sleep(for: delay)
                    guard !Task.isCancelled else { return }
                    await self?.sessionTimerFired(token)
                }
            case .established(let info):
                established = info
                establishWaiter?.resume(returning: info)
                establishWaiter = nil
            case .deliverResponse(let response, _):
                if !responseWaiters.isEmpty {
                    responseWaiters.removeFirst().resume(returning: response)
                }
            case .requestFailed(_, let error):
                if !responseWaiters.isEmpty {
                    responseWaiters.removeFirst().resume(throwing: error)
                }
            case .deliverSOL(let payload):
                receiveSOL(payload)
            case .failed(let error):
                logger.debug("ipmi session failed", metadata: ["ipmi.error": "\(error)"])
                failure = error
                sessionTimer?.cancel()
                establishWaiter?.resume(throwing: error)
                establishWaiter = nil
                finishClosing()
                detachSOL(reason: error)
            case .closed:
                isClosed = true
                sessionTimer?.cancel()
                finishClosing()
            }
        }
    }

    private func finishClosing() {
        let waiters = closeWaiters
        closeWaiters = []
        for waiter in waiters {
            waiter.resume()
        }
    }
}
