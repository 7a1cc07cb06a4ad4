import Contracts

extension IPMIConsole.Attach: ServerScoped {}
extension IPMIConsole.Status: ServerScoped {}
