import Foundation
import Yams

/// Prints a command's result as a human table or stable JSON/YAML for scripts.
struct OutputPrinter {
    let format: OutputFormat

    func print<Value: Encodable>(_ value: Value, table: () -> [[String]]) throws {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            Swift.print(String(decoding: try encoder.encode(value), as: UTF8.self))
        case .yaml:
            Swift.print(try YAMLEncoder().encode(value), terminator: "")
        case .table:
            let rows = table()
            guard let width = rows.map(\.count).max() else { return }
            let columns = (0..<width).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
            for row in rows {
                let cells = row.enumerated().map { index, cell in
                    index == row.count - 1 ? cell : cell.padding(toLength: columns[index], withPad: " ", startingAt: 0)
                }
                Swift.print(cells.joined(separator: "  "))
            }
        }
    }
}
