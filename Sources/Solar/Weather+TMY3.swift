import Foundation

extension Weather {
    /// Reads a TMY3 file (NSRDB 1991–2005 layout, as pvlib's `723170TYA.CSV`).
    ///
    /// Line 1 holds the station metadata (`USAF,name,state,TZ,latitude,longitude,elevation`),
    /// line 2 the column names; columns are found by name (`GHI (W/m^2)`, `DNI (W/m^2)`,
    /// `DHI (W/m^2)`, `Dry-bulb (C)`, `Wspd (m/s)`), so reduced files work too.
    ///
    /// **Labels.** TMY3 times are local *standard* time and hour-ending (`01:00` is the average
    /// over 00:00–01:00; `24:00` closes the day). Each row is relabelled with its interval start
    /// (`hour − 1`) and converted to UTC with the header's offset.
    ///
    /// - Parameter year: TMY3 months come from different years; all rows are moved to this year so
    ///   the series is one ascending calendar year (pvlib's `coerce_year`). In a leap year
    ///   29 February is absent, since TMY3 has no such day.
    public static func tmy3(contentsOf url: URL, year: Int = 2023) throws -> Weather {
        try tmy3(text: String(contentsOf: url, encoding: .utf8), year: year, source: url.lastPathComponent)
    }

    /// Reads TMY3 text; see `tmy3(contentsOf:year:)`.
    public static func tmy3(text: String, year: Int = 2023, source: String = "TMY3") throws -> Weather {
        let table = DelimitedText(text)
        guard table.lines.count > 2 else { throw WeatherError("a TMY3 file needs 2 header lines and data rows") }
        let meta = DelimitedText.fields(table.lines[0].text)
        guard meta.count >= 7 else {
            throw WeatherError("line 1 is not TMY3 metadata (USAF,name,state,TZ,latitude,longitude,elevation)")
        }
        let location = Location(
            latitude: try DelimitedText.number(meta[4], line: 1, column: "latitude"),
            longitude: try DelimitedText.number(meta[5], line: 1, column: "longitude"),
            elevation: try DelimitedText.number(meta[6], line: 1, column: "elevation"),
            utcOffsetHours: try DelimitedText.number(meta[3], line: 1, column: "TZ"),
            name: String(meta[1]))
        let header = DelimitedText.fields(table.lines[1].text).map { String($0) }
        func column(_ prefix: String) throws -> Int {
            guard let i = header.firstIndex(where: { $0.hasPrefix(prefix) }) else {
                throw WeatherError.missingColumn("\"\(prefix)…\"", header: header)
            }
            return i
        }
        let columns = try ["Date", "Time", "GHI", "DNI", "DHI", "Dry-bulb", "Wspd"].map(column)
        var rows = HourEndingRows(location: location, count: table.lines.count - 2)
        for (number, text) in table.lines.dropFirst(2) {
            let f = DelimitedText.fields(text)
            guard f.count > columns.max()! else {
                throw WeatherError("line \(WeatherError.grouped(number)) has \(f.count) fields, expected \(header.count)")
            }
            let date = f[columns[0]].split(separator: "/")
            let time = f[columns[1]].split(separator: ":")
            guard date.count == 3, let month = Int(date[0]), let day = Int(date[1]), time.count >= 1,
                  let hour = Int(time[0]) else {
                throw WeatherError.badValue(line: number, column: header[columns[0]],
                                            value: "\(f[columns[0]]) \(f[columns[1]])", expected: "MM/DD/YYYY HH:MM")
            }
            var values = [Double]()
            for c in columns.dropFirst(2) {
                values.append(try DelimitedText.number(f[c], line: number, column: header[c]))
            }
            rows.append(year: year, month: month, day: day, hourEnding: hour, values: values)
        }
        return rows.weather(source: "\(source) (TMY3, hour-ending local standard time → interval starts UTC)")
    }
}

/// Collects hour-ending rows (TMY3, EPW) as interval-start UTC labels.
struct HourEndingRows {
    let location: Location
    var timestamps: [Int64] = []
    var ghi: [Double] = [], dni: [Double] = [], dhi: [Double] = [], tempAir: [Double] = [], wind: [Double] = []

    init(location: Location, count: Int) {
        self.location = location
        timestamps.reserveCapacity(count)
    }

    /// `values` are GHI, DNI, DHI, air temperature, wind speed.
    mutating func append(year: Int, month: Int, day: Int, hourEnding: Int, minute: Int = 0, values: [Double]) {
        timestamps.append(CivilTime.unixMilliseconds(year: year, month: month, day: day, hour: hourEnding - 1,
                                                     minute: minute, utcOffsetHours: location.utcOffsetHours))
        ghi.append(values[0])
        dni.append(values[1])
        dhi.append(values[2])
        tempAir.append(values[3])
        wind.append(values[4])
    }

    func weather(source: String, intervalSeconds: Int = 3600) -> Weather {
        Weather(location: location, timestamps: timestamps, intervalSeconds: intervalSeconds, ghi: ghi, dni: dni,
                dhi: dhi, tempAir: tempAir, windSpeed: wind, source: source)
    }
}
