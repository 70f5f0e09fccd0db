import Foundation

extension PVResult {
    /// The series as CSV: interval start (ISO 8601 UTC), AC and DC power in kW, POA components
    /// in W/m² and cell temperature in °C, three decimals.
    public func csvText() -> String {
        var out = "timestamp,ac_kw,dc_kw,poa_global_w_m2,poa_direct_w_m2,poa_sky_diffuse_w_m2,poa_ground_diffuse_w_m2,cell_temperature_c\n"
        out.reserveCapacity(timestamps.count * 96)
        for i in timestamps.indices {
            out += Self.iso8601(timestamps[i])
            for value in [acPower[i], dcPower[i], poaDirect[i] + poaSkyDiffuse[i] + poaGroundDiffuse[i], poaDirect[i],
                          poaSkyDiffuse[i], poaGroundDiffuse[i], cellTemperature[i]] {
                out += ","
                out += Self.fixed3(value)
            }
            out += "\n"
        }
        return out
    }

    /// Writes `csvText()` to `url` atomically.
    public func writeCSV(to url: URL) throws {
        try Data(csvText().utf8).write(to: url, options: .atomic)
    }

    /// "2023-01-01T05:00:00Z" for a millisecond timestamp (whole seconds; labels are on the minute).
    static func iso8601(_ ms: Int64) -> String {
        let seconds = Int((Double(ms) / 1000).rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let (y, m, d) = CivilTime.civilFromDays(days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }

    /// Fixed three decimals without Foundation's slow `String(format:)`.
    static func fixed3(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        let scaled = Int((abs(value) * 1000).rounded())
        let fraction = scaled % 1000
        let pad = fraction < 10 ? "00" : (fraction < 100 ? "0" : "")
        return (value < 0 && scaled != 0 ? "-" : "") + "\(scaled / 1000).\(pad)\(fraction)"
    }
}
