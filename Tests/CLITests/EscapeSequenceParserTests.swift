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

    @Test func breakHelpAndDoubleTilde() {
        #expect(run(["~B"]) == [.sendBreak])
        #expect(run(["~~"]) == [.send(Array("~".utf8))])
        #expect(run(["~x"]) == [.send(Array("~x".utf8))])
    }
}
