import Kernel

/// Messages used by the kernel tests.
enum Echo {
    struct Say: Request {
        static let topic: Topic = "test.echo.say"
        var text: String
        struct Reply: Codable, Sendable, Equatable {
            var text: String
            var by: String
        }
    }

    /// Same topic as `Say`, different shape: what version skew or a bug looks like.
    struct SayWrongly: Request {
        static let topic: Topic = "test.echo.say"
        var number: Int
        struct Reply: Codable, Sendable { var count: Int }
    }

    struct Note: Message {
        static let topic: Topic = "test.echo.note"
        var text: String
    }

    struct Hang: Request {
        static let topic: Topic = "test.hang"
        var key: String
        struct Reply: Codable, Sendable {}
    }

    struct Stream: StreamRequest {
        static let topic: Topic = "test.stream"
        var mode: String
    }

    struct Nobody: Request {
        static let topic: Topic = "test.nobody"
        struct Reply: Codable, Sendable {}
    }
}
