import FuzzMain

// The libFuzzer target for the Redfish decoding (`FuzzDecoding.run`): `Scripts/fuzz RedfishFuzz`
// (see FuzzMain); the corpus starts from the Redfish shapes in Seeds/.
FuzzMain.run { FuzzDecoding.run($0) }
