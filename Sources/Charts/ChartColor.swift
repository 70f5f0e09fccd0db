/// A colour token; charts.css maps token `x` to the custom property `--chart-x` for light and dark themes.
///
/// Series are coloured through classes (`c-solar`), never inline styles, so the CSP's
/// `style-src 'self'` holds and the theme can change without re-rendering.
public struct ChartColor: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
    /// The token name: lower-case letters, digits and `-` only.
    public let rawValue: String

    /// A token from any string; characters outside `a-z 0-9 -` are dropped so it is always a safe class name.
    public init(rawValue: String) {
        let allowed = rawValue.lowercased().unicodeScalars.filter {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
        let token = String(String.UnicodeScalarView(allowed))
        self.rawValue = token.isEmpty ? "p8" : token
    }

    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    /// The CSS class that sets this colour on a series (`c-solar`).
    var className: String { "c-" + rawValue }

    /// The default colour-blind-safe palette (Okabe & Ito), in the order series receive it.
    public static let palette: [ChartColor] = (1...8).map { ChartColor(rawValue: "p\($0)") }

    /// The palette colour for the series at `index`, cycling after eight.
    public static func palette(_ index: Int) -> ChartColor {
        palette[((index % palette.count) + palette.count) % palette.count]
    }

    // Energy roles, so the same flow has the same colour on every page.
    public static let load: ChartColor = "load"
    public static let solar: ChartColor = "solar"
    public static let grid: ChartColor = "grid"
    public static let export: ChartColor = "export"
    public static let battery: ChartColor = "battery"
    public static let temperature: ChartColor = "temperature"
    /// Limits and alarms (transformer rating, thresholds).
    public static let limit: ChartColor = "limit"
    /// De-emphasised context (previous period, baseline).
    public static let muted: ChartColor = "muted"

    // eGRID fuel categories.
    public static let coal: ChartColor = "coal"
    public static let oil: ChartColor = "oil"
    public static let gas: ChartColor = "gas"
    public static let nuclear: ChartColor = "nuclear"
    public static let hydro: ChartColor = "hydro"
    public static let biomass: ChartColor = "biomass"
    public static let wind: ChartColor = "wind"
    public static let geothermal: ChartColor = "geothermal"
    public static let otherFossil: ChartColor = "other-fossil"
    public static let other: ChartColor = "other"
}
