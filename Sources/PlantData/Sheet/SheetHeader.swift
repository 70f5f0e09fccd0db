import Foundation

/// The header of an eGRID sheet: either two rows (long descriptions, then short codes, the first
/// of which carries the year: `SEQPLT23`) or one row of codes (EPA's explorer files and build
/// workbooks, with a `Year` column or no year at all).
struct SheetHeader: Sendable {
    var codes: [String]
    var descriptions: [String]?
    /// Number of rows the header takes (1 or 2).
    var rowCount: Int

    /// A code is a short identifier: letters, digits and `_`, starting with a letter.
    static func isCode(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.properties.isAlphabetic, s.count <= 24 else { return false }
        return s.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" }
    }

    /// `true` when every non-blank cell of the row is a code: the row is the code row.
    static func isCodeRow(_ cells: [String]) -> Bool {
        let filled = cells.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return !filled.isEmpty && filled.allSatisfy(isCode)
    }

    /// Kind and two-digit year from the sequence code (`SEQPLT23` → plant, 2023; `SEQGEN16` → generator, 2016).
    static func kindAndYear(fromSequenceCode code: String) -> (SheetKind, Int?)? {
        let upper = code.uppercased()
        // Longest stems first so that SEQST does not shadow nothing and SEQSRL wins over SEQS…
        for kind in SheetKind.allCases.sorted(by: { $0.sequenceStem.count > $1.sequenceStem.count }) {
            guard upper.hasPrefix(kind.sequenceStem) else { continue }
            if let year = yearSuffix(upper.dropFirst(kind.sequenceStem.count)) { return (kind, year) }
        }
        return nil
    }

    /// Kind and year from a worksheet name such as `PLNT23`, `SRL21`, `US19`, or a name that says
    /// what it is (`Unit_File`, `Plant data`).
    static func kindAndYear(fromSheetName name: String) -> (SheetKind, Int?)? {
        let upper = name.uppercased().trimmingCharacters(in: .whitespaces)
        for kind in SheetKind.allCases.sorted(by: { $0.sheetNameStem.count > $1.sheetNameStem.count }) {
            guard upper.hasPrefix(kind.sheetNameStem) else { continue }
            if let year = yearSuffix(upper.dropFirst(kind.sheetNameStem.count)) { return (kind, year) }
        }
        let words: [(String, SheetKind)] = [
            ("UNIT", .unit), ("GENERATOR", .generator), ("PLANT", .plant), ("SUBREGION", .subregion),
            ("NERC", .nercRegion), ("BALANCING", .balancingAuthority), ("STATE", .state),
        ]
        for (word, kind) in words where upper.contains(word) { return (kind, nil) }
        return nil
    }

    /// What follows a stem: nothing (`.some(nil)`: kind without year), `23` or `2023`; `nil` when
    /// it is anything else, so that `STATE` is not taken for `ST` + `ATE`.
    private static func yearSuffix(_ rest: Substring) -> Int?? {
        if rest.isEmpty { return .some(nil) }
        if rest.count == 2, let yy = Int(rest) { return .some(2000 + yy) }
        if rest.count == 4, let yyyy = Int(rest) { return .some(yyyy) }
        return nil
    }

    /// Kind from the codes present, for files whose first code is not a sequence code.
    static func kind(fromCodes codes: Set<String>) -> SheetKind? {
        if codes.contains("PLNGENAN") || codes.contains("SEQPLT") { return .plant }
        if codes.contains("UNITID") { return .unit }
        if codes.contains("GENID") { return .generator }
        for level in RegionLevel.allCases where codes.contains(level.prefix + "NGENAN") || codes.contains(level.prefix + "NAMEPCAP") {
            return level.sheetKind
        }
        return nil
    }

    /// A four-digit year (1990–2099) in a file name, e.g. `access_unit_file_2021.xlsx` → 2021.
    static func year(fromFileName name: String) -> Int? {
        let scalars = Array(name.unicodeScalars)
        var i = 0
        while i + 4 <= scalars.count {
            let window = scalars[i..<(i + 4)]
            let isDigits = window.allSatisfy { ("0"..."9").contains($0) }
            let before = i == 0 || !("0"..."9").contains(scalars[i - 1])
            let after = i + 4 == scalars.count || !("0"..."9").contains(scalars[i + 4])
            if isDigits && before && after, let y = Int(String(String.UnicodeScalarView(window))), (1990...2099).contains(y) {
                return y
            }
            i += 1
        }
        return nil
    }
}
