import Foundation
import Plot

/// `/plants/datasets`: upload an eGRID file, the imported files (versions by year and release), recent
/// import jobs; and `/plants/consistency`: plants vs EPA's region sheets.
public enum PlantDatasetsPage {
    public struct Dataset: Sendable {
        public let id: String
        public let fileName: String?
        public let releaseLabel: String
        public let years: [Int]
        public let sheets: String
        public let rows: String
        public let sha256: String
        public let importedAt: Date
        public let importedBy: String
        public let synthetic: Bool
        public let warnings: [String]
        /// Answers for its years now (the newest import of each year and sheet kind).
        public let current: Bool

        public init(id: String, fileName: String?, releaseLabel: String, years: [Int], sheets: String, rows: String, sha256: String,
                    importedAt: Date, importedBy: String, synthetic: Bool, warnings: [String], current: Bool) {
            self.id = id
            self.fileName = fileName
            self.releaseLabel = releaseLabel
            self.years = years
            self.sheets = sheets
            self.rows = rows
            self.sha256 = sha256
            self.importedAt = importedAt
            self.importedBy = importedBy
            self.synthetic = synthetic
            self.warnings = warnings
            self.current = current
        }
    }

    public struct Model: Sendable {
        public let datasets: [Dataset]
        public let jobs: [JobRow]
        public let canImport: Bool
        public let uploadLimit: Int

        public init(datasets: [Dataset], jobs: [JobRow], canImport: Bool, uploadLimit: Int) {
            self.datasets = datasets
            self.jobs = jobs
            self.canImport = canImport
            self.uploadLimit = uploadLimit
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        PlantsUI.page("eGRID datasets", context: context, .group(
            .h1(.text("eGRID datasets")),
            .if(model.canImport, .section(
                .class("card"),
                .h2(.text("Import a file")),
                .p(.text("EPA's eGRID workbook (.xlsx, all sheets at once) or one sheet saved as CSV — plant (PLNT), generator (GEN), unit (UNT), state, balancing authority, subregion, NERC or US. Up to \(PlantsUI.number(Double(model.uploadLimit) / 1_048_576, decimals: 0)) MB. The same file twice changes nothing; a file with a bad cell is rejected with its line, column and value.")),
                .form(
                    .method(.post), .action("/plants/imports"), .class("stacked plants-upload"),
                    .attribute(named: "enctype", value: "multipart/form-data"),
                    Layout.csrfField(context),
                    .label(.for("release"), .text("Release label (optional)")),
                    .input(.type(.text), .name("release"), .id("release"), .attribute(named: "maxlength", value: "200"),
                           .attribute(named: "placeholder", value: "2023 rev. June 2025")),
                    .label(.for("import-year"), .text("Data year (only if the file does not state it)")),
                    .input(.type(.number), .name("year"), .id("import-year"), .attribute(named: "min", value: "1990"), .attribute(named: "max", value: "2100")),
                    .label(.for("file"), .text("File")),
                    .input(.type(.file), .name("file"), .id("file"), .attribute(named: "required", value: "required"),
                           .attribute(named: "accept", value: ".csv,.txt,.tsv,.xlsx")),
                    .button(.type(.submit), .class("primary"), .text("Import"))
                ),
                .p(.class("muted"), .text("Or from a shell: powerhouse import egrid FILE… [--year Y] [--release LABEL], or POST the file's bytes to /api/v1/plants/imports."))
            )),
            .section(
                .h2(.text("Import jobs")),
                JobsTable.render(model.jobs, context: context, showCancel: true)
            ),
            .section(
                .h2(.text("Imported files")),
                model.datasets.isEmpty ? .p(.class("empty"), .text("Nothing imported yet.")) : .table(
                    .class("data"),
                    .thead(.tr(.th(.text("Release")), .th(.text("File")), .th(.text("Years")), .th(.text("Sheets")), .th(.text("Rows")),
                               .th(.text("SHA-256")), .th(.text("Imported")), .th(.span(.class("visually-hidden"), .text("Actions"))))),
                    .tbody(.forEach(model.datasets) { d in
                        .tr(
                            .td(.text(d.releaseLabel), .if(d.synthetic, .span(.class("badge synthetic"), .text(" synthetic"))),
                                .if(!d.current, .span(.class("muted"), .text(" (superseded)")))),
                            .td(.text(d.fileName ?? "—")),
                            .td(.text(d.years.map(String.init).joined(separator: ", "))),
                            .td(.text(d.sheets)),
                            .td(.text(d.rows), .unwrap(d.warnings.isEmpty ? nil : d.warnings) { warnings in
                                .element(named: "details", nodes: [.element(named: "summary", text: "\(warnings.count) notes"),
                                                                   .ul(.forEach(warnings) { .li(.text($0)) })])
                            }),
                            .td(.code(.attribute(named: "title", value: d.sha256), .text(String(d.sha256.prefix(12)) + "…"))),
                            .td(.time(.datetime(Format.isoTimestamp(d.importedAt)), .text(Format.timestamp(d.importedAt))), .text(" by \(d.importedBy)")),
                            .td(.class("actions"), .if(model.canImport, .form(
                                .method(.post), .action("/plants/datasets/\(d.id)/delete"), .class("inline"),
                                Layout.csrfField(context),
                                .button(.type(.submit), .class("small danger"),
                                        .attribute(named: "data-confirm", value: AttributeText.escaped("Delete \(d.fileName ?? "this dataset") and all its rows?")),
                                        .text("Delete")))))
                        )
                    })
                )
            )
        ))
    }

    // MARK: consistency

    public struct Difference: Sendable {
        public let level: String
        public let region: String
        public let column: String
        public let published: Double?
        public let computed: Double?
        public let relative: Double?
        public let status: String

        public init(level: String, region: String, column: String, published: Double?, computed: Double?, relative: Double?, status: String) {
            self.level = level
            self.region = region
            self.column = column
            self.published = published
            self.computed = computed
            self.relative = relative
            self.status = status
        }
    }

    public struct ConsistencyModel: Sendable {
        public let selection: PlantsUI.Selection
        public let sources: [PlantsUI.Source]
        public let consistent: Bool
        /// (status, count).
        public let counts: [(String, Int)]
        /// Per level: (level, cells compared, differing).
        public let levels: [(String, Int, Int)]
        public let differences: [Difference]
        public let rollups: [Difference]
        public let unmatched: [String]
        public let message: String?

        public init(selection: PlantsUI.Selection, sources: [PlantsUI.Source], consistent: Bool, counts: [(String, Int)],
                    levels: [(String, Int, Int)], differences: [Difference], rollups: [Difference], unmatched: [String], message: String?) {
            self.selection = selection
            self.sources = sources
            self.consistent = consistent
            self.counts = counts
            self.levels = levels
            self.differences = differences
            self.rollups = rollups
            self.unmatched = unmatched
            self.message = message
        }
    }

    public static func renderConsistency(_ model: ConsistencyModel, context: PageContext) -> String {
        PlantsUI.page("Consistency", context: context, .group(
            .h1(.text("Consistency \(model.selection.year.map(String.init) ?? "")")),
            .p(.text("EPA builds its region sheets by summing the plant sheet (missing values skipped) and recomputing rates from the sums. With both loaded for a year, the plants are aggregated here and compared with EPA's figures column by column; each region level is also summed and compared with EPA's US row. Differences within the rounding of the published values count as agreement.")),
            PlantsUI.banner(model.sources),
            .if(!model.selection.years.isEmpty, PlantsUI.selector(model.selection, action: "/plants/consistency")),
            .unwrap(model.message) { .p(.class("notice notice-info"), .text($0)) },
            .if(model.message == nil, .group(
                .p(.class(model.consistent ? "notice notice-success" : "notice notice-error"),
                   .text(model.consistent ? "Consistent: every compared cell agrees within rounding." : "Differences beyond rounding were found (listed below).")),
                .section(.class("cards"), .forEach(model.counts) { count in
                    .div(.class("card stat"), .h3(.text(count.0)), .p(.class("stat-value"), .text(String(count.1))))
                }),
                .if(!model.levels.isEmpty, .table(.class("data"),
                    .thead(.tr(.th(.text("Compared")), .th(.class("num"), .text("Cells")), .th(.class("num"), .text("Differing")))),
                    .tbody(.forEach(model.levels) { level in
                        .tr(.td(.text(level.0)), .td(.class("num"), .text(String(level.1))), .td(.class("num"), .text(String(level.2))))
                    }))),
                differenceTable("Plants vs EPA's region sheets", model.differences, computedTitle: "From plants"),
                differenceTable("Region levels summed vs EPA's US row", model.rollups, computedTitle: "Sum"),
                .if(!model.unmatched.isEmpty, .p(.class("muted"), .text("Regions of the plants that EPA's sheets lack: " + model.unmatched.prefix(50).joined(separator: ", "))))
            ))
        ))
    }

    static func differenceTable(_ title: String, _ rows: [Difference], computedTitle: String) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text(title)),
            rows.isEmpty ? .p(.class("empty"), .text("No differences beyond rounding.")) : .table(
                .class("data"),
                .thead(.tr(.th(.text("Level")), .th(.text("Region")), .th(.text("Column")), .th(.class("num"), .text("EPA")),
                           .th(.class("num"), .text(computedTitle)), .th(.class("num"), .text("Difference")), .th(.text("Status")))),
                .tbody(.forEach(rows.prefix(500)) { row in
                    .tr(.td(.text(row.level)), .td(.text(row.region)), .td(.code(.text(row.column))),
                        .td(.class("num"), .text(PlantsUI.number(row.published, decimals: 3))),
                        .td(.class("num"), .text(PlantsUI.number(row.computed, decimals: 3))),
                        .td(.class("num"), .text(row.relative.map { PlantsUI.number($0 * 100, decimals: 4) + " %" } ?? "—")),
                        .td(.text(row.status.replacingOccurrences(of: "_", with: " "))))
                })
            )
        )
    }
}
