import Foundation
import Solar

/// Where a run's weather comes from: the PV model and the heat pumps are driven by it.
public enum RunWeather: Sendable, Equatable {
    /// A weather file's text: TMY3, EPW or plain CSV, recognised by its content (as `powerhouse pv` does).
    case file(text: String, name: String)
    /// Solar's seeded synthetic weather (clear sky × a stochastic clearness index): offline, reproducible.
    case synthetic(seed: UInt64)

    /// What kind of weather file `text` is: `tmy3`, `epw` or `csv`.
    public static func format(of text: String) -> String {
        let head = text.prefix(4096)
        if head.hasPrefix("LOCATION") { return "epw" }
        if head.split(whereSeparator: \.isNewline).dropFirst().first?.hasPrefix("Date (MM/DD/YYYY)") == true { return "tmy3" }
        return "csv"
    }

    /// Reads a weather file for calendar year `year` (typical-year files are moved to it). A plain CSV has no site
    /// header: it needs `site`, and its naive timestamps are read in `site.timeZoneIdentifier`.
    public static func read(text: String, name: String, year: Int, site: Location?) throws -> Weather {
        switch format(of: text) {
        case "epw": return try .epw(text: text, year: year, source: name)
        case "tmy3": return try .tmy3(text: text, year: year, source: name)
        default:
            guard let site else {
                throw WeatherError("\(name) is a plain CSV weather file without a site: give the grid a location (latitude, longitude)")
            }
            return try .csv(text: text, location: site, source: name)
        }
    }

    /// Whether the source is a typical year that may be moved to any calendar year (TMY3, EPW, synthetic).
    var isTypicalYear: Bool {
        if case .file(let text, _) = self { return RunWeather.format(of: text) != "csv" }
        return true
    }
}
