/// The `ssh`-style escape sequences of `tether server console --terminal`, as a pure state
/// machine: `~.` quits, `~?` prints help, `~B` sends a break, `~~` types one `~`. An escape
/// is recognised only at the start of a line (after Enter) or of the session, so a `~` in the
/// middle of a command is typed as is. A control sequence (`ESC [ ... final`) does not move
/// off the start of a line: the terminal itself sends one when the server asks where the
/// cursor is (busybox ash does after every prompt), and that answer can arrive between the
/// user's Enter and `~.`.
public struct EscapeSequenceParser: Sendable {
    /// What the console should do with a chunk of keyboard input.
    public enum Action: Sendable, Equatable {
        /// Send these bytes to the server.
        case send([UInt8])
        case quit
        case help
        case sendBreak
    }

    private enum State {
        case lineStart
        case midLine
        case afterTilde
        /// After ESC; `lineStart` says where the sequence began.
        case escape(lineStart: Bool)
        /// Inside `ESC [`, until its final byte (0x40...0x7E).
        case controlSequence(lineStart: Bool)
    }

    private var state = State.lineStart

    public init() {}

    /// Feeds keyboard bytes; returns what to do, in order. Bytes held back (a `~` at the
    /// start of a line, waiting for the next key) come out with the next call.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Action] {
        var actions: [Action] = []
        var pending: [UInt8] = []
        func flush() {
            if !pending.isEmpty { actions.append(.send(pending)) }
            pending = []
        }
        for byte in bytes {
            switch state {
            case .afterTilde:
                switch byte {
                case UInt8(ascii: "."):
                    flush()
                    actions.append(.quit)
                    return actions
                case UInt8(ascii: "?"):
                    flush()
                    actions.append(.help)
                    state = .lineStart
                case UInt8(ascii: "B"):
                    flush()
                    actions.append(.sendBreak)
                    state = .lineStart
                case UInt8(ascii: "~"):
                    pending.append(byte)
                    state = .midLine
                default:
                    pending.append(UInt8(ascii: "~"))
                    pending.append(byte)
                    state = Self.isLineEnd(byte) ? .lineStart : .midLine
                }
            case .escape(let atLineStart):
                pending.append(byte)
                state = byte == UInt8(ascii: "[") ? .controlSequence(lineStart: atLineStart) : .midLine
            case .controlSequence(let atLineStart):
                pending.append(byte)
                if (0x40...0x7E).contains(byte) { state = atLineStart ? .lineStart : .midLine }
            case .lineStart where byte == UInt8(ascii: "~"):
                state = .afterTilde
            case .lineStart where byte == 0x1B, .midLine where byte == 0x1B:
                pending.append(byte)
                if case .lineStart = state { state = .escape(lineStart: true) } else { state = .escape(lineStart: false) }
            case .lineStart, .midLine:
                pending.append(byte)
                state = Self.isLineEnd(byte) ? .lineStart : .midLine
            }
        }
        flush()
        return actions
    }

    private static func isLineEnd(_ byte: UInt8) -> Bool { byte == 0x0D || byte == 0x0A }

    /// The help text `~?` prints.
    public static let help = """
        \r
        Supported escape sequences (at the start of a line):\r
          ~.  end the console session\r
          ~B  send a serial break\r
          ~?  this help\r
          ~~  type a single ~\r

        """
}
