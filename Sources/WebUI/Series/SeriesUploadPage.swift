import Foundation
import Plot

/// Step 1 of the upload wizard: choose a file. The form posts it as multipart/form-data (works without
/// JavaScript); series-upload.js adds a progress bar for large files.
public enum SeriesUploadPage {
    public struct Model: Sendable {
        public let limitBytes: Int
        /// Your recent imports, live.
        public let recentImports: [JobRow]

        public init(limitBytes: Int, recentImports: [JobRow]) {
            self.limitBytes = limitBytes
            self.recentImports = recentImports
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(title: "Upload series", context: context, content: .group(
            .p(.a(.href("/series"), .text("← All series"))),
            .h1(.text("Upload a CSV file")),
            SeriesWizard.steps(current: 1),
            .section(
                .class("card"),
                .p(.text("Meter, SCADA or sensor exports: a timestamp column and one or more value columns. "
                         + "Delimiter, decimal comma, encoding, header rows and timestamp format are detected; "
                         + "you check and correct them on the next step before anything is imported.")),
                .form(
                    .method(.post), .action("/series/upload"), .class("stacked"), .id("series-upload-form"),
                    .attribute(named: "enctype", value: "multipart/form-data"),
                    // Before the file: the server checks the token before it stores a byte.
                    Layout.csrfField(context),
                    .label(.for("upload-file"), .text("CSV file (at most \(SeriesFormat.bytes(model.limitBytes)))")),
                    .input(.type(.file), .name("file"), .id("upload-file"), .required(true),
                           .attribute(named: "accept", value: ".csv,.txt,.tsv,text/csv,text/plain")),
                    .element(named: "progress", nodes: [
                        .attribute(named: "max", value: "1"), .attribute(named: "value", value: "0"), .id("upload-progress"),
                        .attribute(named: "hidden", value: "hidden"), .attribute(named: "aria-label", value: "upload progress"),
                    ]),
                    .p(.id("upload-status"), .class("muted"), .attribute(named: "role", value: "status")),
                    .button(.type(.submit), .class("primary"), .text("Upload and preview"))
                )
            ),
            .h2(.text("Your recent imports")),
            JobsTable.render(model.recentImports, context: context, showCancel: true),
            SeriesWizard.script(context)
        ))
    }
}

/// Pieces shared by the wizard's steps.
enum SeriesWizard {
    static let titles = ["File", "Settings and preview", "Import", "Result"]

    static func steps(current: Int) -> Node<HTML.BodyContext> {
        .element(named: "ol", nodes: [
            .class("toc"), .attribute(named: "aria-label", value: "Upload steps"),
            .group(titles.enumerated().map { index, title in
                .element(named: "li", nodes: [
                    .if(index + 1 == current, .attribute(named: "aria-current", value: "step")),
                    index + 1 == current ? .element(named: "strong", text: "\(index + 1). \(title)") : .text("\(index + 1). \(title)"),
                ])
            }),
        ])
    }

    static func script(_ context: PageContext) -> Node<HTML.BodyContext> {
        .script(.attribute(named: "type", value: "module"), .src(context.asset("js/series-upload.js")))
    }
}
