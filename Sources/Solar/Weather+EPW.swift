import Foundation

extension Weather {
    /// Reads an EnergyPlus weather file (EPW).
    ///
    /// The `LOCATION` line gives latitude, longitude, time zone and elevation; eight header lines
    /// precede the data. Fields used: dry bulb (7th), GHI (14th), DNI (15th), DHI (16th) and
    /// wind speed (22nd).
    ///
    /// **Labels.** EPW times are local standard time and hour-ending: hour `1` holds the
    /// irradiance received between 00:00 and 01:00. Rows are relabelled with the interval start
    /// in UTC. Sub-hourly files (`DATA PERIODS` with *n* records per hour) use the minute field as
    /// the interval's end.
    ///
    /// - Parameter year: all rows are moved to this year (typical-year files mix years).
    public static func epw(contentsOf url: URL, year: Int = 2023) throws -> Weather {
        try epw(text: String(contentsOf: url, encoding: .utf8), year: year, source: url.lastPathComponent)
    }

    /// Reads EPW text; see `epw(contentsOf:year:)`.
    public static func epw(text: String, year: Int = 2023, source: String = "EPW") throws -> Weather {
        let table = DelimitedText(text)
        guard let first = table.lines.first, first.text.hasPrefix("LOCATION") else {
            throw WeatherError("line 1 does not start with LOCATION: not an EPW file")
        }
        let meta = DelimitedText.fields(first.text)
        guard meta.count >= 10 else { throw WeatherError("line 1: the LOCATION line needs 10 fields") }
        let location = Location(
            latitude: try DelimitedText.number(meta[6], line: 1, column: "latitude"),
            longitude: try DelimitedText.number(meta[7], line: 1, column: "longitude"),
            elevation: try DelimitedText.number(meta[9], line: 1, column: "elevation"),
            utcOffsetHours: try DelimitedText.number(meta[8], line: 1, column: "time zone"),
            name: String(meta[1]))
        var recordsPerHour = 1
        if let periods = table.lines.first(where: { $0.text.hasPrefix("DATA PERIODS") }) {
            let f = DelimitedText.fields(periods.text)
            if f.count > 2, let n = Int(f[2].trimmingWhitespace), n >= 1, 60 % n == 0 { recordsPerHour = n }
        }
        let step = 60 / recordsPerHour
        let names = ["dry bulb temperature", "global horizontal irradiance", "direct normal irradiance",
                     "diffuse horizontal irradiance", "wind speed"]
        let columns = [6, 13, 14, 15, 21]
        let dataStart = table.lines.firstIndex { $0.text.hasPrefix("DATA PERIODS") }.map { $0 + 1 } ?? 8
        let data = table.lines[min(dataStart, table.lines.count)...]
        var rows = HourEndingRows(location: location, count: data.count)
        for (number, text) in data {
            let f = DelimitedText.fields(text)
            guard f.count > 21, let month = Int(f[1].trimmingWhitespace), let day = Int(f[2].trimmingWhitespace),
                  let hour = Int(f[3].trimmingWhitespace) else {
                throw WeatherError("line \(WeatherError.grouped(number)): expected at least 22 fields starting with year,month,day,hour")
            }
            let minute = recordsPerHour > 1 ? (Int(f[4].trimmingWhitespace) ?? 60) - step : 0
            var values = [Double]()
            for (c, name) in zip(columns, names) {
                values.append(try DelimitedText.number(f[c], line: number, column: name))
            }
            // values arrive as temperature, GHI, DNI, DHI, wind; HourEndingRows wants irradiance first.
            rows.append(year: year, month: month, day: day, hourEnding: hour, minute: minute,
                        values: [values[1], values[2], values[3], values[0], values[4]])
        }
        guard !rows.timestamps.isEmpty else { throw WeatherError("the EPW file has no data rows after its 8 header lines") }
        return rows.weather(source: "\(source) (EPW, hour-ending local standard time → interval starts UTC)",
                            intervalSeconds: step * 60)
    }
}
