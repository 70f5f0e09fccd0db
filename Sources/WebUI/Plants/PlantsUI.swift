import Charts
import Foundation
import Plot

/// What every Plants page shares: the section tabs, the dataset banner (synthetic data says so), number
/// formats and fuel colours.
public enum PlantsUI {
    /// The dataset a page shows, as a banner: release, file, and a warning when it is the synthetic demo.
    public struct Source: Sendable {
        public let releaseLabel: String
        public let fileName: String?
        public let synthetic: Bool

        public init(releaseLabel: String, fileName: String?, synthetic: Bool) {
            self.releaseLabel = releaseLabel
            self.fileName = fileName
            self.synthetic = synthetic
        }
    }

    /// Year and release choices for the selector at the top of the analysis pages.
    public struct Selection: Sendable {
        public let years: [Int]
        public let year: Int?
        public let releases: [String]
        public let release: String?

        public init(years: [Int], year: Int?, releases: [String], release: String?) {
            self.years = years
            self.year = year
            self.releases = releases
            self.release = release
        }
    }

    static let tabs: [(String, String)] = [
        ("/plants", "Map"), ("/plants/list", "Plants"), ("/plants/regions", "Regions"), ("/plants/consistency", "Consistency"),
        ("/plants/datasets", "Datasets"),
    ]

    static func stylesheets() -> [String] { [ChartAssets.stylesheet, "css/plants.css"] }

    static func page(_ title: String, context: PageContext, scripts: [String] = [], _ content: Node<HTML.BodyContext>) -> String {
        Layout.render(title: title, context: context, content: .group(tabsNav(context.path), content),
                      stylesheets: ["css/plants.css"], scripts: scripts)
    }

    static func tabsNav(_ path: String) -> Node<HTML.BodyContext> {
        .nav(
            .class("plants-tabs"), .attribute(named: "aria-label", value: "Plants"),
            .ul(.forEach(tabs) { tab in
                let current = tab.0 == "/plants" ? path == "/plants" : path.hasPrefix(tab.0)
                return .li(.a(.href(tab.0), .text(tab.1), .if(current, .attribute(named: "aria-current", value: "page"))))
            })
        )
    }

    static func banner(_ sources: [Source]) -> Node<HTML.BodyContext> {
        .group(.forEach(sources) { source in
            source.synthetic
                ? .p(.class("notice notice-info synthetic-banner"), .attribute(named: "role", value: "note"),
                     .strong(.text("Synthetic demo data — not EPA data. ")),
                     .text("\(source.releaseLabel). Import EPA's eGRID files under Datasets for real figures."))
                : .p(.class("muted dataset-line"), .text("Data: \(source.releaseLabel)" + (source.fileName.map { " (\($0))" } ?? "")))
        })
    }

    /// The year/release selector: a GET form that keeps the page's other parameters.
    static func selector(_ selection: Selection, action: String, keep: [(String, String)] = []) -> Node<HTML.BodyContext> {
        .form(
            .method(.get), .action(action), .class("filters plants-selector"),
            .forEach(keep) { .input(.type(.hidden), .name($0.0), .value(AttributeText.escaped($0.1))) },
            .div(.class("field"),
                 .label(.for("year"), .text("Data year")),
                 Controls.select(name: "year", id: "year", options: selection.years.reversed().map {
                     Controls.Option(String($0), selected: $0 == selection.year)
                 })),
            .if(selection.releases.count > 1, .div(.class("field"),
                 .label(.for("release"), .text("Release")),
                 Controls.select(name: "release", id: "release", options: [Controls.Option("", "newest import", selected: selection.release == nil)]
                    + selection.releases.map { Controls.Option($0, selected: $0 == selection.release) }))),
            .button(.type(.submit), .text("Show"))
        )
    }

    // MARK: numbers

    /// 1,234,567 (no decimals) for large values; 3 significant decimals below 10.
    public static func number(_ value: Double?, decimals: Int? = nil) -> String {
        guard let value, value.isFinite else { return "—" }
        let places = decimals ?? (abs(value) >= 100 ? 0 : abs(value) >= 10 ? 1 : abs(value) >= 1 ? 2 : 3)
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.locale = Locale(identifier: "en_US")
        formatter.minimumFractionDigits = places
        formatter.maximumFractionDigits = places
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }

    public static func percent(_ fraction: Double?) -> String {
        guard let fraction, fraction.isFinite else { return "—" }
        return number(fraction * 100, decimals: 1) + " %"
    }

    // MARK: fuels

    /// PLFUELCT → chart colour token.
    public static func color(fuelCategory: String?) -> ChartColor {
        switch fuelCategory?.uppercased() {
        case "COAL": .coal
        case "OIL": .oil
        case "GAS": .gas
        case "NUCLEAR": .nuclear
        case "HYDRO": .hydro
        case "BIOMASS": .biomass
        case "WIND": .wind
        case "SOLAR": .solar
        case "GEOTHERMAL": .geothermal
        case "OFSL": .otherFossil
        default: .other
        }
    }

    public static func fuelLabel(_ category: String?) -> String {
        switch category?.uppercased() {
        case "OFSL": "Other fossil"
        case "OTHF": "Other"
        case nil, "": "Unknown"
        case let value?: value.prefix(1) + value.dropFirst().lowercased()
        }
    }

    /// The eleven fuel categories in EPA's order, as PLFUELCT codes.
    public static let fuelCategories = ["COAL", "OIL", "GAS", "NUCLEAR", "HYDRO", "BIOMASS", "WIND", "SOLAR", "GEOTHERMAL", "OFSL", "OTHF"]

    static func legend() -> Node<HTML.BodyContext> {
        .ul(.class("fuel-legend"), .attribute(named: "aria-label", value: "Fuel colours"),
            .forEach(fuelCategories) { fuel in
                .li(.span(.class("swatch c-\(color(fuelCategory: fuel).rawValue)"), .attribute(named: "aria-hidden", value: "true")),
                    .text(fuelLabel(fuel)))
            })
    }

    /// Escapes text for SVG written by hand (the same escapes as attribute values).
    static func xml(_ text: String) -> String { AttributeText.escaped(text) }

    /// `/plants/list?state=TX&year=2023` from parameters, skipping empty ones.
    public static func link(_ path: String, _ parameters: [(String, String?)]) -> String {
        var components = URLComponents()
        components.path = path
        let items = parameters.compactMap { name, value in value.flatMap { $0.isEmpty ? nil : URLQueryItem(name: name, value: $0) } }
        components.queryItems = items.isEmpty ? nil : items
        return (components.string ?? path).replacingOccurrences(of: "+", with: "%2B")
    }
}
