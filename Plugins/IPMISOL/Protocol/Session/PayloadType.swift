/// RMCP+ payload types (IPMI v2.0 table 13-16).
enum PayloadType: UInt8, Sendable {
    case ipmiMessage = 0x00
    case sol = 0x01
    case oemExplicit = 0x02
    case openSessionRequest = 0x10
    case openSessionResponse = 0x11
    case rakpMessage1 = 0x12
    case rakpMessage2 = 0x13
    case rakpMessage3 = 0x14
    case rakpMessage4 = 0x15
}
