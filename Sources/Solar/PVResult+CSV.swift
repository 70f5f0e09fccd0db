import Foundation

extension PVResult {
    /// The CSV header of `csvText()`.
    public static let csvHeader =
        "timestamp,ac_kw,dc_kw,poa_global_w_m2,poa_direct_w_m2,poa_sky_diffuse_w_m2,poa_ground_diffuse_w_m2,cell_temperature_c"

    /// The series as CSV: interval start (ISO 8601 UTC), AC and DC power in kW, POA components
    /// in W/m² and cell temperature in °C, three decimals.
    public func csvText() -> String {
        // Bytes, not String concatenation or String(format:): a year at 15 minutes is 280,000 numbers.
        var out = [UInt8]()
        out.reserveCapacity(timestamps.count * 100)
        out += Array(Self.csvHeader.utf8)
        out.append(10)
        for i in timestamps.indices {
            out += Array(Self.iso8601(timestamps[i]).utf8)
            for value in [acPower[i], dcPower[i], poaDirect[i] + poaSkyDiffuse[i] + poaGroundDiffuse[i], poaDirect[i],
                          poaSkyDiffuse[i], poaGroundDiffuse[i], cellTemperature[i]] {
                out.append(44)
                Self.appendFixed3(value, to: &out)
            }
            out.append(10)
        }
        return String(decoding: out, as: UTF8.self)
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

    /// Fixed three decimals; empty for NaN.
    static func fixed3(_ value: Double) -> String {
        var bytes = [UInt8]()
        appendFixed3(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendFixed3(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite else { return }
        let scaled = Int((abs(value) * 1000).rounded())
        if value < 0 && scaled != 0 { out.append(45) }
        out += Array(String(scaled / 1000).utf8)
        let fraction = scaled % 1000
        out += [46, UInt8(48 + fraction / 100), UInt8(48 + fraction / 10 % 10), UInt8(48 + fraction % 10)]
    }
}
