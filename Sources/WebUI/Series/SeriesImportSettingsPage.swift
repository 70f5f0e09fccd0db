import Foundation
import Plot

/// Step 2 of the upload wizard: the detected settings as a form, the file's first rows as read with them, and
/// the column choices. "Update preview" re-reads with the changes; "Import" queues the job.
public enum SeriesImportSettingsPage {
    public struct Column: Sendable {
        /// 1-based column number.
        public let number: Int
        public let header: String
        public let name: String
        public let unit: String
        public let kind: String
        public let include: Bool

        public init(number: Int, header: String, name: String, unit: String, kind: String, include: Bool) {
            self.number = number
            self.header = header
            self.name = name
            self.unit = unit
            self.kind = kind
            self.include = include
        }
    }

    public struct Issue: Sendable {
        public let line: Int
        public let message: String

        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    public struct Model: Sendable {
        public let uploadID: String
        public let filename: String
        public let size: Int
        /// Current value of every setting, by parameter name (`delimiter`, `timezone`, …).
        public let parameters: [String: String]
        /// The layout the columns were read with; a changed layout re-detects columns.
        public let layoutSignature: String
        public let tags: String
        public let columns: [Column]
        public let rawRows: [[String]]
        public let previewTimes: [String]
        /// Per previewed series: header text and values (already formatted).
        public let previewSeries: [(title: String, values: [String])]
        public let issues: [Issue]
        public let notes: [String]
        public let error: String?
        public let options: [String: [(value: String, label: String)]]
        public let kinds: [String]

        public init(uploadID: String, filename: String, size: Int, parameters: [String: String], layoutSignature: String,
                    tags: String, columns: [Column], rawRows: [[String]], previewTimes: [String],
                    previewSeries: [(title: String, values: [String])], issues: [Issue], notes: [String], error: String?,
                    options: [String: [(value: String, label: String)]], kinds: [String]) {
            self.uploadID = uploadID
            self.filename = filename
            self.size = size
            self.parameters = parameters
            self.layoutSignature = layoutSignature
            self.tags = tags
            self.columns = columns
            self.rawRows = rawRows
            self.previewTimes = previewTimes
            self.previewSeries = previewSeries
            self.issues = issues
            self.notes = notes
            self.error = error
            self.options = options
            self.kinds = kinds
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(title: "Import settings", context: context, content: .group(
            .p(.a(.href("/series/upload"), .text("← Choose another file"))),
            .h1(.text("Check the settings")),
            SeriesWizard.steps(current: 2),
            .p(.text("\(model.filename) · \(SeriesFormat.bytes(model.size))")),
            .unwrap(model.error) { error in
                .div(.class("notice notice-error"), .attribute(named: "role", value: "alert"), .text(error))
            },
            .if(!model.notes.isEmpty, .div(
                .class("notice notice-info"), .attribute(named: "role", value: "status"),
                .ul(.forEach(model.notes) { .li(.text($0)) })
            )),
            .form(
                .method(.post), .action("/series/upload/\(model.uploadID)"),
                Layout.csrfField(context),
                .input(.type(.hidden), .name("layout"), .value(AttributeText.escaped(model.layoutSignature))),
                .fieldset(
                    .element(named: "legend", text: "File format"),
                    select("encoding", "Encoding", model),
                    select("delimiter", "Delimiter", model),
                    select("decimal", "Decimal separator", model),
                    select("thousands", "Thousands separator", model),
                    text("header_row", "Header row (or none)", model),
                    text("units_row", "Units row (or none)", model),
                    text("data_start_row", "First data row", model)
                ),
                .fieldset(
                    .element(named: "legend", text: "Time"),
                    text("timestamp_column", "Timestamp column", model),
                    text("time_column", "Separate time column (or none)", model),
                    select("timestamp_format", "Timestamp format", model),
                    text("timezone", "Time zone of local times", model),
                    select("nonexistent", "Times in a DST gap", model),
                    select("repeated", "Times in a repeated hour", model)
                ),
                .fieldset(
                    .element(named: "legend", text: "Bad rows"),
                    select("policy", "When a row cannot be read", model),
                    .div(.class("field"),
                         .label(.for("set-tags"), .text("Tags for the new series (key:value, …)")),
                         .input(.type(.text), .name("tags"), .id("set-tags"), .value(AttributeText.escaped(model.tags))))
                ),
                columns(model),
                .div(
                    .class("actions"),
                    .button(.type(.submit), .name("action"), .value("preview"), .text("Update preview")),
                    .button(.type(.submit), .name("action"), .value("import"), .class("primary"), .text("Import"))
                )
            ),
            preview(model),
            raw(model)
        ))
    }

    static func select(_ name: String, _ label: String, _ model: Model) -> Node<HTML.FormContext> {
        let current = model.parameters[name] ?? ""
        return .div(
            .class("field"),
            .label(.for("set-\(name)"), .text(label)),
            Controls.select(name: name, id: "set-\(name)", options: (model.options[name] ?? []).map { option in
                Controls.Option(option.value, option.label, selected: option.value == current)
            })
        )
    }

    static func text(_ name: String, _ label: String, _ model: Model) -> Node<HTML.FormContext> {
        .div(
            .class("field"),
            .label(.for("set-\(name)"), .text(label)),
            .input(.type(.text), .name(name), .id("set-\(name)"), .value(AttributeText.escaped(model.parameters[name] ?? "")))
        )
    }

    static func columns(_ model: Model) -> Node<HTML.FormContext> {
        .group(
            .h2(.text("Columns")),
            .input(.type(.hidden), .name("column_numbers"),
                   .value(model.columns.map { String($0.number) }.joined(separator: ","))),
            .table(
                .class("data"),
                .caption(.class("visually-hidden"), .text("Value columns")),
                .thead(.tr(.th(.text("Import")), .th(.text("Column")), .th(.text("Series name")), .th(.text("Unit")),
                           .th(.text("Kind")))),
                .tbody(.forEach(model.columns) { column in
                    .tr(
                        .td(.input(.type(.checkbox), .name("c\(column.number)_include"), .id("c\(column.number)-include"),
                                   .value("on"), .checked(column.include),
                                   .attribute(named: "aria-label", value: AttributeText.escaped("import column \(column.header)")))),
                        .td(.text("\(column.number): \(column.header)")),
                        .td(.input(.type(.text), .name("c\(column.number)_name"), .value(AttributeText.escaped(column.name)),
                                   .attribute(named: "aria-label", value: AttributeText.escaped("name of column \(column.header)")))),
                        .td(.input(.type(.text), .name("c\(column.number)_unit"), .value(AttributeText.escaped(column.unit)),
                                   .attribute(named: "size", value: "6"),
                                   .attribute(named: "aria-label", value: AttributeText.escaped("unit of column \(column.header)")))),
                        .td(Controls.select(name: "c\(column.number)_kind", id: "c\(column.number)-kind",
                                            options: model.kinds.map { Controls.Option($0, selected: $0 == column.kind) }))
                    )
                })
            )
        )
    }

    static func preview(_ model: Model) -> Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .h2(.text("First rows as they will be imported (UTC)")),
            .if(model.previewTimes.isEmpty, .p(.class("empty"), .text("No row could be read with these settings."))),
            .if(!model.previewTimes.isEmpty, .table(
                .class("data"),
                .thead(.tr(.th(.text("Time (UTC)")), .forEach(model.previewSeries) { .th(.text($0.title)) })),
                .tbody(.forEach(Array(model.previewTimes.enumerated())) { index, time in
                    .tr(.td(.code(.text(time))), .forEach(model.previewSeries) { series in
                        .td(.text(index < series.values.count ? series.values[index] : ""))
                    })
                })
            )),
            .if(!model.issues.isEmpty, .group(
                .h3(.text("Rows that cannot be read")),
                .ul(.forEach(model.issues.prefix(20)) { .li(.text($0.message)) })
            ))
        )
    }

    static func raw(_ model: Model) -> Node<HTML.BodyContext> {
        .details(
            .summary(.text("The file's first lines, split into fields")),
            .table(
                .class("data"),
                .tbody(.forEach(Array(model.rawRows.prefix(15).enumerated())) { index, row in
                    .tr(.th(.text(String(index + 1))), .forEach(row) { .td(.text($0)) })
                })
            )
        )
    }
}
