import Foundation
import XMLCoder

/// Which cell styles of `xl/styles.xml` display numbers as dates. Only used to tell the user that a
/// column is date-formatted: cell values are always read as the numbers they hold.
enum XlsxStyles {
    private struct StyleSheet: Decodable {
        struct NumFmts: Decodable { let numFmt: [NumFmt]? }
        struct NumFmt: Decodable { let numFmtId: Int; let formatCode: String }
        struct CellXfs: Decodable { let xf: [Xf]? }
        struct Xf: Decodable { let numFmtId: Int? }
        let numFmts: NumFmts?
        let cellXfs: CellXfs?
    }

    /// Indexes (the `s` attribute of cells) of date styles.
    static func dateStyles(_ data: Data) -> Set<Int> {
        guard let sheet = try? XMLDecoder().decode(StyleSheet.self, from: data) else { return [] }
        var custom: [Int: String] = [:]
        for f in sheet.numFmts?.numFmt ?? [] { custom[f.numFmtId] = f.formatCode }
        var out: Set<Int> = []
        for (index, xf) in (sheet.cellXfs?.xf ?? []).enumerated() {
            guard let id = xf.numFmtId else { continue }
            if custom[id].map(isDateFormat) ?? isBuiltInDate(id) { out.insert(index) }
        }
        return out
    }

    private static func isBuiltInDate(_ id: Int) -> Bool {
        (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }

    /// A format is a date format when, outside quoted text and `[…]` sections, it uses y, m, d, h or s.
    private static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false, inBracket = false
        for ch in code.lowercased() {
            switch ch {
            case "\"": inQuote.toggle()
            case "[": inBracket = true
            case "]": inBracket = false
            case "y", "m", "d", "h", "s": if !inQuote && !inBracket { return true }
            default: break
            }
        }
        return false
    }
}
