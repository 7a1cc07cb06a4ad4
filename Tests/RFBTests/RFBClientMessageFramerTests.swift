import Testing
@testable import RFB

@Suite struct RFBClientMessageFramerTests {
    static let setPixelFormat: [UInt8] = [0, 0, 0, 0] + RFBFixtures.pixelFormat
    static let setEncodings: [UInt8] = [2, 0] + Bytes.uint16(3) + Bytes.uint32(0) + Bytes.uint32(1) + Bytes.uint32(0xFFFF_FF21)
    static let updateRequest: [UInt8] = [3, 0] + Bytes.uint16(0) + Bytes.uint16(0) + Bytes.uint16(720) + Bytes.uint16(400)
    static let keyEvent: [UInt8] = [4, 1, 0, 0] + Bytes.uint32(0x61)
    static let pointerEvent: [UInt8] = [5, 1] + Bytes.uint16(10) + Bytes.uint16(20)
    static let cutText: [UInt8] = [6, 0, 0, 0] + Bytes.uint32(5) + Bytes.ascii("hello")
    static let extendedCutText: [UInt8] = [6, 0, 0, 0] + Bytes.uint32(UInt32(bitPattern: -4)) + Bytes.uint32(0x0100_0001)
    static let continuousUpdates: [UInt8] = [150, 1] + Bytes.uint16(0) + Bytes.uint16(0) + Bytes.uint16(720) + Bytes.uint16(400)
    static let fence: [UInt8] = [248, 0, 0, 0] + Bytes.uint32(0x8000_0000) + [3, 0xAA, 0xBB, 0xCC]
    static let xvp: [UInt8] = [250, 0, 1, 2]
    static let setDesktopSize: [UInt8] = [251, 0] + Bytes.uint16(800) + Bytes.uint16(600) + [1, 0] + [UInt8](repeating: 0, count: 16)
    static let qemuKey: [UInt8] = [255, 0] + Bytes.uint16(1) + Bytes.uint32(0x61) + Bytes.uint32(0x1E)
    static let qemuAudioEnable: [UInt8] = [255, 1] + Bytes.uint16(0)
    static let qemuAudioFormat: [UInt8] = [255, 1] + Bytes.uint16(2) + [3, 2] + Bytes.uint32(44100)

    static let all: [(RFBClientMessage.Kind, [UInt8])] = [
        (.setPixelFormat, setPixelFormat), (.setEncodings, setEncodings),
        (.framebufferUpdateRequest, updateRequest), (.keyEvent, keyEvent), (.pointerEvent, pointerEvent),
        (.clientCutText, cutText), (.extendedClientCutText, extendedCutText),
        (.enableContinuousUpdates, continuousUpdates), (.clientFence, fence), (.xvp, xvp),
        (.setDesktopSize, setDesktopSize), (.qemuExtendedKeyEvent, qemuKey),
        (.qemuAudio, qemuAudioEnable), (.qemuAudio, qemuAudioFormat),
    ]

    static func drain(_ framer: inout RFBClientMessageFramer) throws(RFBFramingError) -> [RFBClientMessage] {
        var messages: [RFBClientMessage] = []
        while let message = try framer.nextMessage() { messages.append(message) }
        return messages
    }

    @Test func splitsAConcatenatedStreamIntoMessages() throws {
        var framer = RFBClientMessageFramer()
        framer.append(Self.all.flatMap(\.1))
        let messages = try Self.drain(&framer)
        #expect(messages == Self.all.map { RFBClientMessage(kind: $0.0, bytes: $0.1) })
        #expect(framer.bufferedByteCount == 0)
    }

    @Test func sameResultWhenFedOneByteAtATime() throws {
        var framer = RFBClientMessageFramer()
        var messages: [RFBClientMessage] = []
        for byte in Self.all.flatMap(\.1) {
            framer.append([byte])
            messages += try Self.drain(&framer)
        }
        #expect(messages.map(\.bytes) == Self.all.map(\.1))
    }

    @Test func incompleteMessageWaits() throws {
        var framer = RFBClientMessageFramer()
        framer.append(Self.cutText.dropLast())
        #expect(try framer.nextMessage() == nil)
        framer.append([Self.cutText.last ?? 0])
        #expect(try framer.nextMessage()?.kind == .clientCutText)
    }

    @Test func unknownTypeIsRejectedAndStaysRejected() {
        var framer = RFBClientMessageFramer()
        framer.append([7, 0, 0, 0])
        #expect(throws: RFBFramingError.unknownMessageType(7)) { try framer.nextMessage() }
        framer.append(Self.keyEvent)
        #expect(throws: RFBFramingError.unknownMessageType(7)) { try framer.nextMessage() }
    }

    @Test func tooManyEncodingsAreRejectedFromTheHeader() {
        var framer = RFBClientMessageFramer(limits: .init(maximumEncodingCount: 64))
        framer.append([2, 0] + Bytes.uint16(65))
        let error = #expect(throws: RFBFramingError.self) { try framer.nextMessage() }
        #expect(error == .lengthLimitExceeded(message: "SetEncodings", field: "encoding count", value: 65, limit: 64))
    }

    @Test func hugeCutTextIsRejectedFromTheHeader() {
        var framer = RFBClientMessageFramer()
        framer.append([6, 0, 0, 0] + Bytes.uint32(0x7FFF_FFFF))
        let error = #expect(throws: RFBFramingError.self) { try framer.nextMessage() }
        #expect(error?.description == "viewer sent ClientCutText with length 2147483647, above the limit of 1048576")
    }

    @Test func mostNegativeCutTextLengthDoesNotTrap() {
        var framer = RFBClientMessageFramer()
        framer.append([6, 0, 0, 0] + Bytes.uint32(0x8000_0000))
        #expect(throws: RFBFramingError.self) { try framer.nextMessage() }
    }

    @Test func extendedCutTextNeedsItsHeader() {
        var framer = RFBClientMessageFramer()
        framer.append([6, 0, 0, 0] + Bytes.uint32(UInt32(bitPattern: -2)))
        #expect(throws: RFBFramingError.self) { try framer.nextMessage() }
    }

    @Test func invalidBitsPerPixelIsRejected() {
        var framer = RFBClientMessageFramer()
        var message = Self.setPixelFormat
        message[4] = 24
        framer.append(message)
        let error = #expect(throws: RFBFramingError.self) { try framer.nextMessage() }
        #expect(error?.description.contains("bits-per-pixel 24") == true)
    }

    @Test func oversizedFenceAndEmptyDesktopLayoutAreRejected() {
        var fence = RFBClientMessageFramer()
        fence.append([248, 0, 0, 0] + Bytes.uint32(0) + [65])
        #expect(throws: RFBFramingError.self) { try fence.nextMessage() }
        var desktop = RFBClientMessageFramer()
        desktop.append([251, 0] + Bytes.uint16(800) + Bytes.uint16(600) + [0, 0])
        #expect(throws: RFBFramingError.self) { try desktop.nextMessage() }
    }

    @Test func unknownQEMUSubtypesAndAudioOperationsAreRejected() {
        var subtype = RFBClientMessageFramer()
        subtype.append([255, 9])
        #expect(throws: RFBFramingError.unknownQEMUSubtype(9)) { try subtype.nextMessage() }
        var audio = RFBClientMessageFramer()
        audio.append([255, 1, 0, 7])
        #expect(throws: RFBFramingError.unknownQEMUAudioOperation(7)) { try audio.nextMessage() }
    }
}
