import Kernel

/// Messages the link tests send across a link.
enum LinkTest {
    /// Answered with the text, the answering node and the caller the handler saw.
    struct Echo: Request {
        static let topic: Topic = "linktest.echo"
        var text: String

        struct Reply: Codable, Sendable, Equatable {
            var text: String
            var node: NodeID
            var caller: String
        }
    }

    /// A byte stream that sends back everything it receives, then ends.
    struct Loop: StreamRequest {
        static let topic: Topic = "linktest.loop"
    }

    /// A byte stream whose handler writes "ready" and then never reads.
    struct Stall: StreamRequest {
        static let topic: Topic = "linktest.stall"
    }

    /// A byte stream whose handler returns at once, closing both its directions.
    struct Quit: StreamRequest {
        static let topic: Topic = "linktest.quit"
    }

    /// Served by nobody.
    struct Nobody: StreamRequest {
        static let topic: Topic = "linktest.nobody"
    }
}
