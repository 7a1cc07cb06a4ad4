import Kernel
import NIOCore

extension ConsoleHub {
    /// Per-viewer delivery state: notices for this viewer only, and its parked reader.
    struct Mailbox: Sendable {
        var duplex: Duplex
        var notices: [String] = []
        var waiter: CheckedContinuation<Void, Never>?
        var ended = false
        var lastDropNotice: ContinuousClock.Instant?
    }

    /// What the pump writes next.
    enum Delivery: Sendable {
        case notice(String)
        case output(ConsoleLog.Read)
    }

    /// Largest chunk handed to one viewer write.
    static let deliveryChunk = 16 * 1024
    /// Read-only viewers hear at most this often that their input was dropped.
    static let dropNoticeInterval = Duration.seconds(10)

    static func notice(_ text: String) -> String { "\r\n[tether] \(text)\r\n" }

    func register(_ options: Options, duplex: Duplex, caller: Caller) -> ConsoleViewers.ID {
        let previous = viewers.writer.flatMap { viewers.viewer($0) }
        let (id, handover) = viewers.attach(caller.from, force: options.force, observeOnly: options.readOnly)
        mailboxes[id] = Mailbox(duplex: duplex)
        if let handover, let from = handover.from, let previous {
            post(Self.notice("\(caller.from) took the keyboard (force); you are read-only now"), to: from)
            Task { await self.audit(.writer, by: caller, previous: previous.caller) }
        }
        if !viewers.isWriter(id) {
            let holder = viewers.writer.flatMap { viewers.viewer($0) }.map { "\($0.caller) has the keyboard" } ?? "observing"
            post(Self.notice("read-only: \(holder); attach with force to take it over"), to: id)
        }
        logger.info("console viewer attached", metadata: [
            "ipmi.server": "\(server)", "console.viewer": "\(id)", "console.caller": "\(caller.from)",
            "console.writer": "\(viewers.isWriter(id))",
        ])
        return id
    }

    func unregister(_ id: ConsoleViewers.ID) {
        end(id)
        mailboxes[id] = nil
        if let handover = viewers.detach(id), let to = handover.to {
            post(Self.notice("you have the keyboard now"), to: to)
        }
        logger.info("console viewer detached", metadata: ["ipmi.server": "\(server)", "console.viewer": "\(id)"])
    }

    /// Ends a viewer's pump.
    func end(_ id: ConsoleViewers.ID) {
        mailboxes[id]?.ended = true
        wake(id)
    }

    func post(_ notice: String, to id: ConsoleViewers.ID) {
        mailboxes[id]?.notices.append(notice)
        wake(id)
    }

    func broadcast(_ notice: String) {
        for id in mailboxes.keys { post(notice, to: id) }
    }

    func wake(_ id: ConsoleViewers.ID) {
        mailboxes[id]?.waiter?.resume()
        mailboxes[id]?.waiter = nil
    }

    /// New console output: every parked viewer reads on.
    func append(_ bytes: [UInt8]) {
        log.append(bytes)
        for id in mailboxes.keys { wake(id) }
    }

    /// The next thing for viewer `id` after `offset`; waits for it; nil once the viewer ended.
    func next(_ id: ConsoleViewers.ID, after offset: UInt64) async -> Delivery? {
        while true {
            guard let box = mailboxes[id], !box.ended else { return nil }
            if !box.notices.isEmpty {
                return .notice(mailboxes[id]?.notices.removeFirst() ?? "")
            }
            let read = log.read(from: offset, limit: Self.deliveryChunk)
            if !read.bytes.isEmpty || read.skipped > 0 { return .output(read) }
            await withCheckedContinuation { mailboxes[id]?.waiter = $0 }
        }
    }

    /// Writes the log (from `offset`) and this viewer's notices until it ends or stops reading.
    nonisolated func pump(_ id: ConsoleViewers.ID, from offset: UInt64, to outbound: ByteStreamWriter) async {
        var offset = offset
        while let delivery = await next(id, after: offset) {
            var bytes: [UInt8]
            switch delivery {
            case .notice(let text):
                bytes = Array(text.utf8)
            case .output(let read):
                bytes = read.skipped > 0 ? Array(Self.notice("\(read.skipped) bytes of console output skipped (this viewer fell behind)").utf8) : []
                bytes += read.bytes
                offset = read.nextOffset
            }
            do {
                try await outbound.write(ByteBuffer(bytes: bytes))
            } catch {
                return
            }
        }
    }

    /// Feeds what the viewer types to the console while it is the writer.
    nonisolated func readInput(_ id: ConsoleViewers.ID, from inbound: ByteStreamReader) async {
        do {
            for try await buffer in inbound {
                await input(Array(buffer.readableBytesView), from: id)
            }
        } catch {
            // The viewer's side failed: same as detaching.
        }
    }

    func input(_ bytes: [UInt8], from id: ConsoleViewers.ID) async {
        guard !bytes.isEmpty, mailboxes[id] != nil else { return }
        guard viewers.isWriter(id) else {
            let now = ContinuousClock.now
            if let last = mailboxes[id]?.lastDropNotice, now - last < Self.dropNoticeInterval { return }
            mailboxes[id]?.lastDropNotice = now
            let holder = viewers.writer.flatMap { viewers.viewer($0) }.map { "\($0.caller) has the keyboard" } ?? "no keyboard"
            post(Self.notice("read-only: input dropped (\(holder); attach with force to take it over)"), to: id)
            return
        }
        guard case .active(let console) = session else {
            post(Self.notice("input dropped: the SOL session is \(session.name)"), to: id)
            return
        }
        do {
            try await console.write(bytes)
        } catch {
            post(Self.notice("input not delivered: \(error)"), to: id)
        }
    }
}
