/// Why a weather file could not be read, phrased so the user knows what to fix.
public struct WeatherError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The explanation, e.g. `line 18,223, column "GHI (W/m^2)": "12,5,3" is not a number`.
    public let description: String

    public init(_ description: String) { self.description = description }

    static func badValue(line: Int, column: String, value: String, expected: String = "a number") -> WeatherError {
        WeatherError("line \(grouped(line)), column \"\(column)\": \"\(value)\" is not \(expected)")
    }

    static func missingColumn(_ what: String, header: [String]) -> WeatherError {
        WeatherError("no \(what) column; the header has: \(header.joined(separator: ", "))")
    }

    /// 18223 → "18,223", as people read line numbers.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}
