import Foundation
import Plot

/// One series as list pages show it.
public struct SeriesRow: Sendable {
    public let id: String
    public let name: String
    public let unit: String
    public let kind: String
    public let source: String
    public let tags: [String: String]
    public let points: Int
    public let first: Date?
    public let last: Date?
    public let bytesPerPoint: Double

    public init(id: String, name: String, unit: String, kind: String, source: String, tags: [String: String], points: Int,
                first: Date?, last: Date?, bytesPerPoint: Double) {
        self.id = id
        self.name = name
        self.unit = unit
        self.kind = kind
        self.source = source
        self.tags = tags
        self.points = points
        self.first = first
        self.last = last
        self.bytesPerPoint = bytesPerPoint
    }
}

/// All series, searchable by name, tags and unit, with the way in to uploads and synthetic data.
public enum SeriesListPage {
    public struct Model: Sendable {
        public let series: [SeriesRow]
        /// `search`, `tags`, `unit` as given.
        public let filter: [String: String]
        public let nextPage: String?
        public let canWrite: Bool
        public let syntheticKinds: [String]

        public init(series: [SeriesRow], filter: [String: String], nextPage: String?, canWrite: Bool, syntheticKinds: [String]) {
            self.series = series
            self.filter = filter
            self.nextPage = nextPage
            self.canWrite = canWrite
            self.syntheticKinds = syntheticKinds
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(title: "Series", context: context, content: .group(
            .h1(.text("Series")),
            .if(model.canWrite, .p(.a(.href("/series/upload"), .text("Upload a CSV file →")))),
            .form(
                .method(.get), .action("/series"), .class("filters"),
                .attribute(named: "aria-label", value: "Filter series"),
                field("search", "Name contains", placeholder: "load", model),
                field("tags", "Tags", placeholder: "site:north", model),
                field("unit", "Unit", placeholder: "kW", model),
                .button(.type(.submit), .text("Filter"))
            ),
            table(model.series),
            .unwrap(model.nextPage) { next in .p(.a(.href(AttributeText.escaped(next)), .text("Older series →"))) },
            .if(model.canWrite, syntheticForm(model, context: context))
        ))
    }

    static func field(_ name: String, _ label: String, placeholder: String, _ model: Model) -> Node<HTML.FormContext> {
        .div(
            .class("field"),
            .label(.for("filter-\(name)"), .text(label)),
            .input(.type(.text), .name(name), .id("filter-\(name)"), .value(AttributeText.escaped(model.filter[name] ?? "")),
                   .placeholder(placeholder))
        )
    }

    static func table(_ rows: [SeriesRow]) -> Node<HTML.BodyContext> {
        guard !rows.isEmpty else { return .p(.class("empty"), .text("No series match.")) }
        return .table(
            .class("data"),
            .caption(.class("visually-hidden"), .text("Series")),
            .thead(.tr(.th(.text("Name")), .th(.text("Unit")), .th(.text("Kind")), .th(.text("Source")), .th(.text("Tags")),
                       .th(.text("Points")), .th(.text("From")), .th(.text("To")), .th(.text("Bytes/point")))),
            .tbody(.forEach(rows) { row in
                .tr(
                    .td(.a(.href("/series/\(row.id)"), .text(row.name))),
                    .td(.text(row.unit)),
                    .td(.text(row.kind)),
                    .td(.text(row.source)),
                    .td(.text(row.tags.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))),
                    .td(.text(SeriesFormat.count(row.points))),
                    .td(.text(Format.timestamp(row.first))),
                    .td(.text(Format.timestamp(row.last))),
                    .td(.text(String(format: "%.2f", row.bytesPerPoint)))
                )
            })
        )
    }

    static func syntheticForm(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .h2(.text("Generate a synthetic series")),
            .p(.class("muted"), .text("Realistic demo data from a seed: the same seed gives the same values everywhere.")),
            .form(
                .method(.post), .action("/series/synthetic"), .class("row"),
                Layout.csrfField(context),
                .label(.for("synthetic-kind"), .text("Kind")),
                Controls.select(name: "kind", id: "synthetic-kind", options: model.syntheticKinds.map { Controls.Option($0) }),
                .label(.for("synthetic-from"), .text("From")),
                .input(.type(.text), .name("from"), .id("synthetic-from"), .value("2025-01-01T00:00:00Z"), .required(true)),
                .label(.for("synthetic-to"), .text("To")),
                .input(.type(.text), .name("to"), .id("synthetic-to"), .value("2026-01-01T00:00:00Z"), .required(true)),
                .label(.for("synthetic-step"), .text("Step")),
                .input(.type(.text), .name("step"), .id("synthetic-step"), .value("15m"), .required(true),
                       .attribute(named: "size", value: "5")),
                .label(.for("synthetic-seed"), .text("Seed")),
                .input(.type(.number), .name("seed"), .id("synthetic-seed"), .value("1"), .attribute(named: "min", value: "0")),
                .button(.type(.submit), .class("primary"), .text("Generate"))
            )
        )
    }
}

/// Number formats of the series pages.
public enum SeriesFormat {
    /// `1234567` → `1,234,567`.
    public static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    public static func value(_ v: Double?) -> String {
        guard let v, v.isFinite else { return "—" }
        if v == v.rounded() && abs(v) < 1e15 { return String(Int64(v)) }
        return String(format: "%.4g", v)
    }

    public static func bytes(_ n: Int) -> String {
        if n >= 1 << 20 { return String(format: "%.1f MiB", Double(n) / Double(1 << 20)) }
        if n >= 1 << 10 { return String(format: "%.1f KiB", Double(n) / Double(1 << 10)) }
        return "\(n) B"
    }
}
