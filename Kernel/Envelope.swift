/// What a ``Link`` carries between nodes: a message, an ask, a reply, a failure or a stream
/// opening, with its routing facts.
public struct Envelope: Sendable {
    /// What the envelope is.
    public enum Kind: String, Sendable, Codable {
        case send, ask, reply, failure, open
    }

    public var kind: Kind
    public var topic: Topic
    /// The sending instance; the receiving link overwrites `from.node` with its
    /// authenticated peer.
    public var from: Address
    public var to: Destination
    /// Pairs an ask with its reply or failure; zero for sends.
    public var correlation: UInt64
    public var metadata: [String: String]
    public var body: Body

    public init(
        kind: Kind, topic: Topic, from: Address, to: Destination, correlation: UInt64 = 0,
        metadata: [String: String] = [:], body: Body
    ) {
        self.kind = kind
        self.topic = topic
        self.from = from
        self.to = to
        self.correlation = correlation
        self.metadata = metadata
        self.body = body
    }

    /// The caller as the receiving handler sees it.
    public var caller: Caller { Caller(from: from, metadata: metadata) }
}
