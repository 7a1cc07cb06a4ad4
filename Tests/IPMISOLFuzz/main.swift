import IPMISOL
import FuzzMain

// The libFuzzer target for every parser of BMC input (`IPMIPacketFuzzing.parse`):
// `Scripts/fuzz IPMISOLFuzz` (see FuzzMain).
FuzzMain.run { IPMIPacketFuzzing.parse(Array($0)) }
