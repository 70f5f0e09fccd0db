import Foundation
import Plot

/// Steps 3 and 4 of the upload wizard: the import job with live progress, then its result with the new series
/// and the skipped-row report (or the error and a way back to the settings).
public enum SeriesImportPage {
    public struct CreatedSeries: Sendable {
        public let id: String
        public let name: String
        public let unit: String
        public let points: Int

        public init(id: String, name: String, unit: String, points: Int) {
            self.id = id
            self.name = name
            self.unit = unit
            self.points = points
        }
    }

    public struct Model: Sendable {
        public let job: JobRow
        public let filename: String?
        public let series: [CreatedSeries]
        /// Report lines (label, value) once the import succeeded.
        public let report: [(label: String, value: String)]
        public let skippedRows: Int
        public let reportURL: String?
        /// Back to step 2 with the same file, when the import failed and the file is still there.
        public let retryURL: String?

        public init(job: JobRow, filename: String?, series: [CreatedSeries], report: [(label: String, value: String)],
                    skippedRows: Int, reportURL: String?, retryURL: String?) {
            self.job = job
            self.filename = filename
            self.series = series
            self.report = report
            self.skippedRows = skippedRows
            self.reportURL = reportURL
            self.retryURL = retryURL
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let finished = ["succeeded", "failed", "cancelled"].contains(model.job.state)
        return Layout.render(title: "Import", context: context, content: .group(
            .p(.a(.href("/series"), .text("← All series"))),
            .h1(.text("Import \(model.filename ?? "")")),
            SeriesWizard.steps(current: finished ? 4 : 3),
            .div(
                .id("series-import"), .attribute(named: "data-job-id", value: model.job.id),
                .attribute(named: "data-finished", value: finished ? "true" : "false"),
                JobsTable.render([model.job], context: context, showCancel: true)
            ),
            .if(!finished, .p(.class("muted"), .text("The import runs in the background; this page follows it. "),
                              .a(.href("/series/imports/\(model.job.id)"), .text("Reload")), .text(" to see the result."))),
            .if(model.job.state == "succeeded", result(model)),
            .if(model.job.state == "failed" || model.job.state == "cancelled", .div(
                .class("notice notice-error"), .attribute(named: "role", value: "alert"),
                .p(.text(model.job.error ?? model.job.message ?? "The import did not finish.")),
                .p(.text("Nothing was imported.")),
                .unwrap(model.retryURL) { url in .p(.a(.href(url), .text("Change the settings and try again →"))) }
            )),
            SeriesWizard.script(context)
        ))
    }

    static func result(_ model: Model) -> Node<HTML.BodyContext> {
        .group(
            .section(
                .class("card"),
                .h2(.text("New series")),
                .table(
                    .class("data"),
                    .thead(.tr(.th(.text("Name")), .th(.text("Unit")), .th(.text("Points")))),
                    .tbody(.forEach(model.series) { series in
                        .tr(.td(.a(.href("/series/\(series.id)"), .text(series.name))), .td(.text(series.unit)),
                            .td(.text(SeriesFormat.count(series.points))))
                    })
                )
            ),
            .section(
                .class("card"),
                .h2(.text("Report")),
                .table(.class("data"), .tbody(.forEach(model.report) { line in .tr(.th(.text(line.label)), .td(.text(line.value))) })),
                .unwrap(model.reportURL) { url in
                    .p(.a(.href(url), .text(model.skippedRows > 0
                        ? "Download the \(SeriesFormat.count(model.skippedRows)) skipped rows (CSV)" : "Skipped rows (none)")))
                }
            )
        )
    }
}
