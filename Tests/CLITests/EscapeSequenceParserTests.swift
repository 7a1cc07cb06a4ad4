import Testing

@testable import CLI

@Suite struct EscapeSequenceParserTests {
    func run(_ chunks: [String]) -> [EscapeSequenceParser.Action] {
        var parser = EscapeSequenceParser()
        return chunks.flatMap { parser.feed(Array($0.utf8)) }
    }

    @Test func tildeDotAtSessionStartQuits() {
        #expect(run(["~."]) == [.quit])
    }

    @Test func tildeDotAfterEnterQuitsAndSendsWhatCameBefore() {
        #expect(run(["ls\r~.more"]) == [.send(Array("ls\r".utf8)), .quit])
    }

    @Test func tildeInTheMiddleOfALineIsTyped() {
        #expect(run(["echo ~.x"]) == [.send(Array("echo ~.x".utf8))])
    }

    @Test func sequencesSplitAcrossReadsStillWork() {
        #expect(run(["a\n~", "."]) == [.send(Array("a\n".utf8)), .quit])
        #expect(run(["~", "?", "x"]) == [.help, .send(Array("x".utf8))])
    }

    /// The terminal's answer to a cursor-position query (busybox asks after every prompt) may
    /// arrive between Enter and `~.`: it is sent on, and `~.` still quits.
    @Test func aTerminalReportBetweenEnterAndTildeDotStillQuits() {
        let report = "\u{1B}[24;9R"
        #expect(run(["ls\r", report, "~."]) == [.send(Array("ls\r".utf8)), .send(Array(report.utf8)), .quit])
        #expect(run(["ls\r" + report + "~."]) == [.send(Array(("ls\r" + report).utf8)), .quit])
        // after a sequence in the middle of a line, ~. is still typed
        #expect(run(["ab" + report + "~."]) == [.send(Array(("ab" + report + "~.").utf8))])
        // ESC followed by anything but [ (Alt+key) moves off the line start
        #expect(run(["\u{1B}x~."]) == [.send(Array("\u{1B}x~.".utf8))])
    }

    @Test func breakHelpAndDoubleTilde() {
        #expect(run(["~B"]) == [.sendBreak])
        #expect(run(["~~"]) == [.send(Array("~".utf8))])
        #expect(run(["~x"]) == [.send(Array("~x".utf8))])
    }
}
