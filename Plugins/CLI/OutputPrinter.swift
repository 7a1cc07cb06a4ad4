import Foundation
import Yams

/// Prints a command's result as a human table or stable JSON/YAML for scripts.
struct OutputPrinter {
    let format: OutputFormat

    /// The encoder of `-o json`: sorted keys, readable, slashes as is.
    static var jsonEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    func print<Value: Encodable>(_ value: Value, table: () -> [[String]]) throws {
        switch format {
        case .json:
            Swift.print(String(decoding: try Self.jsonEncoder.encode(value), as: UTF8.self))
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
