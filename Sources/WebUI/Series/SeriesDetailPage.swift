import Charts
import Foundation
import Plot

/// One series: a zoomable chart (re-requesting data at the chart's width), statistics, exports and edits.
public enum SeriesDetailPage {
    public struct Model: Sendable {
        public let series: SeriesRow
        public let timeZone: String
        public let regularity: String
        public let valueCount: Int
        public let bytes: Int
        public let chunkCount: Int
        public let min: Double?
        public let max: Double?
        public let mean: Double?
        /// The initial chart: downsampled points over the whole series.
        public let chartTimes: [Int64]
        public let chartValues: [Double]
        public let importJobID: String?
        public let canWrite: Bool
        public let kinds: [String]

        public init(series: SeriesRow, timeZone: String, regularity: String, valueCount: Int, bytes: Int, chunkCount: Int,
                    min: Double?, max: Double?, mean: Double?, chartTimes: [Int64], chartValues: [Double],
                    importJobID: String?, canWrite: Bool, kinds: [String]) {
            self.series = series
            self.timeZone = timeZone
            self.regularity = regularity
            self.valueCount = valueCount
            self.bytes = bytes
            self.chunkCount = chunkCount
            self.min = min
            self.max = max
            self.mean = mean
            self.chartTimes = chartTimes
            self.chartValues = chartValues
            self.importJobID = importJobID
            self.canWrite = canWrite
            self.kinds = kinds
        }

        var id: String { series.id }
        var name: String { series.name }
        var unit: String { series.unit }
        var kind: String { series.kind }
        var source: String { series.source }
        var tags: [String: String] { series.tags }
        var points: Int { series.points }
        var first: Date? { series.first }
        var last: Date? { series.last }
        var bytesPerPoint: Double { series.bytesPerPoint }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(title: model.name, context: context, content: .group(
            .p(.a(.href("/series"), .text("← All series"))),
            .h1(.text(model.name)),
            chart(model),
            .section(
                .class("cards"), .attribute(named: "aria-label", value: "Statistics"),
                stat("Points", SeriesFormat.count(model.points), "\(SeriesFormat.count(model.valueCount)) with a value"),
                stat("Minimum", unit(SeriesFormat.value(model.min), model.unit), "over all points"),
                stat("Mean", unit(SeriesFormat.value(model.mean), model.unit), "over all points"),
                stat("Maximum", unit(SeriesFormat.value(model.max), model.unit), "over all points"),
                stat("Storage", String(format: "%.2f B/point", model.bytesPerPoint),
                     "\(SeriesFormat.bytes(model.bytes)) in \(model.chunkCount) chunks (raw: 16 B/point)")
            ),
            .section(
                .class("card"),
                .h2(.text("About")),
                .table(
                    .class("data"),
                    .tbody(
                        .tr(.th(.text("Unit")), .td(.text(model.unit.isEmpty ? "—" : model.unit))),
                        .tr(.th(.text("Kind")), .td(.text(model.kind))),
                        .tr(.th(.text("Source")), .td(.text(model.source))),
                        .tr(.th(.text("Regularity")), .td(.text(model.regularity))),
                        .tr(.th(.text("Time zone")), .td(.text(model.timeZone))),
                        .tr(.th(.text("From")), .td(.text(Format.timestamp(model.first)))),
                        .tr(.th(.text("To")), .td(.text(Format.timestamp(model.last)))),
                        .tr(.th(.text("Tags")), .td(.text(tagText(model.tags).isEmpty ? "—" : tagText(model.tags)))),
                        .unwrap(model.importJobID) { job in
                            .tr(.th(.text("Imported by")), .td(.a(.href("/series/imports/\(job)"), .text("import \(job.prefix(8))"))))
                        }
                    )
                )
            ),
            exports(model),
            .if(model.canWrite, edit(model, context: context))
        ))
    }

    static func chart(_ model: Model) -> Node<HTML.BodyContext> {
        guard model.chartTimes.count >= 2 else { return .p(.class("empty"), .text("This series has no points yet.")) }
        let zone = TimeZone(identifier: model.timeZone) ?? TimeZone(identifier: "UTC")!
        let chart = Chart(
            id: "series-chart", title: model.name,
            summary: "\(model.name) in \(model.unit.isEmpty ? "its own unit" : model.unit), drag to zoom.",
            kind: .line, x: .time(model.chartTimes, timeZone: zone),
            series: [ChartSeries(id: model.id, name: model.name, unit: model.unit, values: model.chartValues)],
            options: ChartOptions(showsCaption: false, dataSource: "/api/v1/series/values?ids=\(model.id)&mode=lttb"))
        return .section(.class("card"), .component(chart))
    }

    static func exports(_ model: Model) -> Node<HTML.BodyContext> {
        let base = "/api/v1/series/\(model.id)/values"
        var links: [(String, String)] = [
            ("All points (CSV)", "\(base)?format=csv"),
            ("All points (JSON)", "\(base)?format=json"),
            ("Hourly means (CSV)", "\(base)?interval=1h&agg=mean&format=csv"),
            ("Daily means (CSV)", "\(base)?interval=1d&agg=mean&format=csv"),
            ("Monthly min/max: max (CSV)", "\(base)?interval=1mo&agg=max&format=csv"),
        ]
        if model.kind == "power" { links.append(("Daily energy (CSV)", "\(base)?interval=1d&convert=energy&format=csv")) }
        if model.kind == "energy" { links.append(("Hourly mean power (CSV)", "\(base)?interval=1h&convert=power&format=csv")) }
        return .section(
            .class("card"),
            .h2(.text("Export")),
            .p(.class("muted"), .text("Calendar buckets follow local midnight in \(model.timeZone); add &tz=… to use another zone.")),
            .ul(.forEach(links) { label, href in .li(.a(.href(AttributeText.escaped(href)), .text(label))) })
        )
    }

    static func edit(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .h2(.text("Change")),
            .form(
                .method(.post), .action("/series/\(model.id)"), .class("stacked"),
                Layout.csrfField(context),
                .label(.for("edit-name"), .text("Name")),
                .input(.type(.text), .name("name"), .id("edit-name"), .value(AttributeText.escaped(model.name)), .required(true)),
                .label(.for("edit-unit"), .text("Unit")),
                .input(.type(.text), .name("unit"), .id("edit-unit"), .value(AttributeText.escaped(model.unit))),
                .label(.for("edit-kind"), .text("Kind")),
                Controls.select(name: "kind", id: "edit-kind", options: model.kinds.map { Controls.Option($0, selected: $0 == model.kind) }),
                .label(.for("edit-tags"), .text("Tags (key:value, comma-separated)")),
                .input(.type(.text), .name("tags"), .id("edit-tags"), .value(AttributeText.escaped(tagText(model.tags)))),
                .label(.for("edit-zone"), .text("Time zone of origin")),
                .input(.type(.text), .name("time_zone"), .id("edit-zone"), .value(AttributeText.escaped(model.timeZone))),
                .button(.type(.submit), .class("primary"), .text("Save"))
            ),
            .form(
                .method(.post), .action("/series/\(model.id)/delete"), .class("inline"),
                Layout.csrfField(context),
                .button(.type(.submit), .class("danger"),
                        .attribute(named: "data-confirm", value: AttributeText.escaped("Delete \(model.name) and all its points?")),
                        .text("Delete series"))
            )
        )
    }

    static func stat(_ title: String, _ value: String, _ detail: String) -> Node<HTML.BodyContext> {
        .div(.class("card stat"), .h3(.text(title)), .p(.class("stat-value"), .text(value)), .p(.class("stat-detail"), .text(detail)))
    }

    static func unit(_ value: String, _ unit: String) -> String { value == "—" || unit.isEmpty ? value : "\(value) \(unit)" }

    static func tagText(_ tags: [String: String]) -> String {
        tags.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: ", ")
    }
}
