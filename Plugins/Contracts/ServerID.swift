/// The name of one managed server (`lab-01`, `web-01`), unique within an installation.
public typealias ServerID = String
