import Foundation

/// Which instant of its interval a timestamp names.
public enum IntervalLabel: String, Sendable, Codable, CaseIterable {
    /// The timestamp is the interval's start (this library's own convention).
    case start
    /// The timestamp is the interval's end (hour-ending data such as TMY3, EPW, many loggers).
    case end
}

extension Weather {
    /// Reads a plain delimited series: a timestamp column and GHI, DNI, DHI, air temperature and
    /// wind speed columns, recognised by name (`ghi`, `GHI (W/m2)`, `global_horizontal`,
    /// `dni`/`direct normal`/`beam`, `dhi`/`diffuse`, `temp_air`/`temperature`/`dry bulb`/`t2m`,
    /// `wind_speed`/`wind`/`ws`). `,`, `;` and tab delimiters are detected; with `;` a decimal
    /// comma is accepted.
    ///
    /// Timestamps are ISO 8601 (`2023-06-01T12:00:00Z`, `2023-06-01 12:00+02:00`, `2023/06/01 12:00`)
    /// or Unix seconds/milliseconds. Timestamps without an offset are local time of
    /// `location.timeZoneIdentifier` when set (daylight saving honoured; in a repeated hour the
    /// second pass is read as standard time), else of `location.utcOffsetHours`.
    ///
    /// Missing columns: if DNI or DHI is absent it is derived from GHI (closure with the other, or
    /// the Erbs decomposition when both are absent); temperature defaults to 20 °C and wind to
    /// 0 m/s, as pvlib's ModelChain does.
    ///
    /// - Parameters:
    ///   - labels: whether the file's timestamps are interval starts (default) or ends.
    ///   - intervalSeconds: the step; inferred from the most common spacing when nil.
    public static func csv(contentsOf url: URL, location: Location, labels: IntervalLabel = .start,
                           intervalSeconds: Int? = nil) throws -> Weather {
        try csv(text: String(contentsOf: url, encoding: .utf8), location: location, labels: labels,
                intervalSeconds: intervalSeconds, source: url.lastPathComponent)
    }

    /// Reads plain CSV text; see `csv(contentsOf:location:labels:intervalSeconds:)`.
    public static func csv(text: String, location: Location, labels: IntervalLabel = .start,
                           intervalSeconds: Int? = nil, source: String = "CSV") throws -> Weather {
        let table = DelimitedText(text)
        guard let headerLine = table.lines.first else { throw WeatherError("the CSV file is empty") }
        let delimiter: Character = [";", "\t", ","].max { a, b in
            headerLine.text.filter { $0 == a }.count < headerLine.text.filter { $0 == b }.count
        } ?? ","
        let header = DelimitedText.fields(headerLine.text, delimiter: delimiter).map { String($0.trimmingWhitespace) }
        let columns = CSVColumns(header: header)
        guard let ghiColumn = columns.ghi else { throw WeatherError.missingColumn("GHI", header: header) }
        let zone = location.timeZoneIdentifier.flatMap(TimeZone.init(identifier:))
        var times: [Int64] = []
        var values: [[Double]] = Array(repeating: [], count: 5)
        for (number, text) in table.lines.dropFirst() {
            let f = DelimitedText.fields(text, delimiter: delimiter)
            guard f.count >= header.count else {
                throw WeatherError("line \(WeatherError.grouped(number)) has \(f.count) fields, the header has \(header.count)")
            }
            guard let stamp = TimestampText.parse(f[columns.time]) else {
                throw WeatherError.badValue(line: number, column: header[columns.time], value: String(f[columns.time]),
                                            expected: "a timestamp (ISO 8601 or Unix seconds)")
            }
            times.append(stamp.unixMilliseconds(location: location, zone: zone, after: times.last))
            for (k, column) in [ghiColumn, columns.dni, columns.dhi, columns.temperature, columns.wind].enumerated() {
                guard let column else { continue }
                values[k].append(try DelimitedText.number(f[column], line: number, column: header[column],
                                                          decimalComma: delimiter == ";"))
            }
        }
        guard !times.isEmpty else { throw WeatherError("the CSV file has a header but no rows") }
        let step = intervalSeconds ?? Self.commonSpacingSeconds(times)
        if labels == .end { times = times.map { $0 - Int64(step) * 1000 } }
        var weather = Weather(
            location: location, timestamps: times, intervalSeconds: step, ghi: values[0],
            dni: columns.dni == nil ? values[0].map { _ in .nan } : values[1],
            dhi: columns.dhi == nil ? values[0].map { _ in .nan } : values[2],
            tempAir: columns.temperature == nil ? values[0].map { _ in 20 } : values[3],
            windSpeed: columns.wind == nil ? values[0].map { _ in 0 } : values[4],
            source: "\(source) (CSV, interval \(labels.rawValue)s)")
        if columns.dni == nil || columns.dhi == nil { weather.completeIrradianceComponents() }
        return weather
    }

    /// The most frequent positive spacing between consecutive timestamps, in seconds.
    static func commonSpacingSeconds(_ times: [Int64]) -> Int {
        var counts: [Int64: Int] = [:]
        for (a, b) in zip(times, times.dropFirst()) where b > a { counts[b - a, default: 0] += 1 }
        let ms = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? 3_600_000
        return Int(ms / 1000)
    }
}

/// Which header names mean which quantity.
struct CSVColumns {
    var time = 0
    var ghi: Int?, dni: Int?, dhi: Int?, temperature: Int?, wind: Int?

    init(header: [String]) {
        let lower = header.map { $0.lowercased() }
        time = lower.firstIndex { ($0.contains("time") || $0.contains("date") || $0.contains("stamp"))
            && !$0.contains("zone") } ?? 0
        for (i, name) in lower.enumerated() where i != time {
            // "GHI (W/m^2)" → "ghi"; "temp_air [C]" → "tempair"
            let key = String(name.prefix { $0 != "(" && $0 != "[" }.filter { $0.isLetter || $0.isNumber })
            func starts(_ prefixes: String...) -> Bool { prefixes.contains { key.hasPrefix($0) } }
            func has(_ parts: String...) -> Bool { parts.contains { key.contains($0) } }
            if ghi == nil, starts("ghi") || has("globalhoriz") || key == "global" {
                ghi = i
            } else if dni == nil, starts("dni", "bni") || has("directnormal", "beamnormal") || key == "beam" {
                dni = i
            } else if dhi == nil, starts("dhi") || has("diffusehoriz") || key == "diffuse" {
                dhi = i
            } else if temperature == nil, !has("dew"),
                      starts("temp", "tair", "airtemp", "drybulb", "tamb", "t2m") || key == "t" {
                temperature = i
            } else if wind == nil, starts("wind", "wspd", "ws") {
                wind = i
            }
        }
    }
}
