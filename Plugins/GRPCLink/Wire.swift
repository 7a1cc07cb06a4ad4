/// Short names for the generated wire types of `Proto/link.proto`.
typealias WireFrame = Tether_Link_V1_Frame
typealias WireChunk = Tether_Link_V1_Chunk
typealias WireAddress = Tether_Link_V1_Address
typealias WireDestination = Tether_Link_V1_Destination
typealias WireHello = Tether_Link_V1_Hello
typealias WireService = Tether_Link_V1_Link

/// Constants both ends of a link agree on.
enum WireProtocol {
    /// Sent in every hello, for logs on the other side.
    static let version = "tether-link/1"
    /// The request header that names the stream a Stream RPC carries.
    static let streamHeader = "tether-stream"
}
