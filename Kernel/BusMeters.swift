import CoreMetrics
import Synchronization

/// The bus's own metrics: messages by topic and kind, ask latency. Counters are created once
/// per topic and kept, so the hot path pays a dictionary lookup, not a factory call.
final class BusMeters: Sendable {
    private let counters = Mutex<[String: CoreMetrics.Counter]>([:])
    private let askLatency = CoreMetrics.Timer(label: "tether_bus_ask_duration", preferredDisplayUnit: .seconds)

    func count(_ topic: Topic, _ kind: Envelope.Kind) {
        let key = "\(kind.rawValue) \(topic.rawValue)"
        let counter = counters.withLock { counters in
            if let existing = counters[key] { return existing }
            let made = CoreMetrics.Counter(
                label: "tether_bus_messages_total", dimensions: [("topic", topic.rawValue), ("kind", kind.rawValue)])
            counters[key] = made
            return made
        }
        counter.increment()
    }

    func recordAsk(since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let (seconds, attoseconds) = elapsed.components
        askLatency.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
