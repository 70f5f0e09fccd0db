import Foundation

/// Writes series as CSV that ``CSVReader`` reads back exactly: ISO 8601 UTC timestamps and values in their
/// shortest round-trip form (`0.1`, `-0.0`, `1e-05`, `inf`), NaN as an empty cell.
public enum CSVExport {
    /// `time,<header>,…` then one row per timestamp of the aligned series.
    public static func csv(_ aligned: AlignedSeries, headers: [String], delimiter: CSVDelimiter = .comma) -> String {
        precondition(headers.count == aligned.columns.count, "one header per column")
        let d = delimiter.rawValue
        var out = (["time"] + headers).map { quoted($0, delimiter) }.joined(separator: d) + "\n"
        out.reserveCapacity(aligned.timestamps.count * (24 + 10 * headers.count))
        for (i, t) in aligned.timestamps.enumerated() {
            out += isoUTC(t)
            for column in aligned.columns {
                out += d
                let v = column[i]
                if !v.isNaN { out += v.description }
            }
            out += "\n"
        }
        return out
    }

    /// `2024-01-31T13:45:00Z`, with `.250` milliseconds only when they are not zero.
    public static func isoUTC(_ t: Int64) -> String {
        let day = CivilDate.floorDiv(t, CivilDate.millisPerDay)
        let (y, m, d) = CivilDate.date(days: day)
        let ms = t - day * CivilDate.millisPerDay
        func pad(_ v: Int64, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        var s = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(ms / 3_600_000, 2)):\(pad(ms / 60_000 % 60, 2)):\(pad(ms / 1000 % 60, 2))"
        if ms % 1000 != 0 { s += "." + pad(ms % 1000, 3) }
        return s + "Z"
    }

    private static func quoted(_ field: String, _ delimiter: CSVDelimiter) -> String {
        guard field.contains(delimiter.rawValue) || field.contains("\"") || field.contains("\n") || field.contains("\r")
        else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
