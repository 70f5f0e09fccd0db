import Foundation
import PlantData

/// Every cell of a sheet row as a JSON array in the sheet's column order (`[1,2023,"AL","Barry",…]`), read
/// back with the sheet's codes (stored once per sheet in `plant_sheets.codes`): how the rows keep the columns
/// their typed fields do not carry. Missing cells (blank, `--`) are `null`, meaning "no data", as in the file.
/// Writing the codes once per sheet instead of once per cell halves what an import stores.
public enum PlantCells {
    /// Encodes one row. Hand-written rather than `JSONEncoder`: an import writes millions of cells.
    static func encode(_ table: SheetTable, row: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(table.columns.count * 10)
        out.append(UInt8(ascii: "["))
        for (c, column) in table.columns.enumerated() {
            if c > 0 { out.append(UInt8(ascii: ",")) }
            switch column.values {
            case .numbers(let values):
                appendNumber(values[row], to: &out)
            case .texts(let values):
                if let text = values[row] { appendString(text, to: &out) } else { out.append(contentsOf: "null".utf8) }
            }
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Encodes every row of `table`, in slices on all cores (the slowest step of preparing a large sheet).
    static func encodeAll(_ table: SheetTable) -> [String] {
        let count = table.rowCount
        let slices = count < 2048 ? 1 : ProcessInfo.processInfo.activeProcessorCount
        return [String](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: slices) { slice in
                for row in (count * slice / slices)..<(count * (slice + 1) / slices) {
                    (out.baseAddress! + row).initialize(to: encode(table, row: row))
                }
            }
            initialized = count
        }
    }

    static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        if value == value.rounded(), abs(value) < 1e15 {
            out.append(contentsOf: String(Int(value)).utf8)
        } else if value.isFinite {
            out.append(contentsOf: value.description.utf8)
        } else {
            out.append(contentsOf: "null".utf8)
        }
    }

    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                        hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Reads a stored row back: numbers and texts by code, in the order of `codes` (the sheet's), with
    /// codes the row lacks as `.missing`. Also reads the earlier form, an object keyed by code.
    public static func decode(_ text: String, codes: [String]) -> [(code: String, value: CellValue)] {
        let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8))
        if let array = parsed as? [Any] {
            return codes.enumerated().map { c, code in (code, c < array.count ? value(array[c]) : .missing) }
        }
        guard let object = parsed as? [String: Any] else { return [] }
        var out: [(String, CellValue)] = codes.map { code in (code, value(object[code])) }
        let known = Set(codes)
        for key in object.keys.sorted() where !known.contains(key) { out.append((key, value(object[key]))) }
        return out
    }

    private static func value(_ any: Any?) -> CellValue {
        switch any {
        case let text as String: .text(text)
        case let number as NSNumber: .number(number.doubleValue)
        default: .missing
        }
    }
}
