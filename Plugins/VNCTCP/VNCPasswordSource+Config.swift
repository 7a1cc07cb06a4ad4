import Kernel

extension VNCPasswordSource {
    /// The source for one `servers` entry: at most one of `password` and `passwordFile`.
    /// - Throws: `GraphicalConsoleConfigError` when both are set or one is empty.
    public init(password: String?, passwordFile: String?, at path: String, context: PluginContext) throws {
        switch (password, passwordFile) {
        case (.some, .some):
            throw GraphicalConsoleConfigError("\(path): set password or passwordFile, not both")
        case (.some(let password), nil):
            guard !password.isEmpty else { throw GraphicalConsoleConfigError("\(path).password is empty; omit it when the BMC needs none") }
            self = .value(password)
        case (nil, .some(let file)):
            guard !file.isEmpty else { throw GraphicalConsoleConfigError("\(path).passwordFile is empty") }
            self = .file(context.resolvePath(file))
        case (nil, nil):
            self = .none
        }
    }
}
