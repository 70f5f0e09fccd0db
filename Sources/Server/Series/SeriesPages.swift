import FluentKit
import Foundation
import Hummingbird
import Platform
import Series
import Storage
import WebUI

/// The series pages: list, detail (chart, statistics, exports, edits) and the upload wizard
/// (file → settings and preview → import with live progress → result). Every form works without JavaScript.
enum SeriesPages {
    static let notices: [String: PageContext.Notice] = [
        "series-created": .init(.success, "The series was created."),
        "series-updated": .init(.success, "The series was saved."),
        "series-deleted": .init(.success, "The series was deleted."),
    ]

    static func page(_ request: Request, _ context: AppRequestContext) -> PageContext {
        PageSupport.context(request, context, notice: request.uri.queryParameters.get("done").flatMap { notices[$0] })
    }

    static func add(to routes: Routes) {
        let platform = routes.platform

        routes.add(Endpoint(.get, "/series", access: .permission(.seriesRead), kind: .page, summary: "Series", tag: "web")) {
            request, context in
            let identity = try context.requireIdentity()
            let query = Query(request)
            var filter: [String: String] = [:]
            for name in ["search", "tags", "unit"] { filter[name] = try query.string(name, maxLength: 1000) }
            let tags = (try? SeriesInput.tagFilter(filter["tags"])) ?? [:]
            let before = try query.string("before").map(JobRoutes.decodeJobCursor)
            let found = try await SeriesStore(platform.database.db).list(
                SeriesFilter(search: filter["search"], tags: tags, unit: filter["unit"]), before: before, limit: 51)
            let shown = Array(found.prefix(50))
            var next: String?
            if found.count > 50, let last = shown.last {
                var components = URLComponents()
                components.path = "/series"
                components.queryItems = filter.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
                    + [URLQueryItem(name: "before", value: "\(last.createdAt.timeIntervalSince1970)|\(last.id.uuidString)")]
                next = components.string
            }
            let model = SeriesListPage.Model(
                series: shown.map(row), filter: filter, nextPage: next, canWrite: identity.can(.seriesWrite),
                syntheticKinds: Synthetic.Profile.allCases.map(\.rawValue))
            return PageSupport.html(SeriesListPage.render(model, context: page(request, context)))
        }

        routes.add(Endpoint(.post, "/series/synthetic", access: .permission(.seriesWrite), kind: .page,
                            summary: "Generate a synthetic series (form)", tag: "web", audit: "series.create")) { request, context in
            let identity = try context.requireIdentity()
            let form = try await PageSupport.form([String: String].self, request, context)
            try PageSupport.checkCSRF(form["csrf_token"], request, context)
            return try await refusalsAsPage(request, context, platform: platform) {
                guard let from = form["from"].flatMap(ISO8601.date), let to = form["to"].flatMap(ISO8601.date) else {
                    throw Problem.invalid("/from", "from and to must be ISO 8601 timestamps such as 2025-01-01T00:00:00Z")
                }
                let body = SeriesInput.SyntheticRequest(
                    kind: form["kind"] ?? "", from: from, to: to, step: form["step"], seed: form["seed"].flatMap { UInt64($0) },
                    name: nil, tags: nil, timeZone: nil)
                let info = try await SeriesActions.synthetic(body, identity: identity, context: context, platform: platform)
                return PageSupport.redirect("/series/\(info.id)?done=series-created")
            }
        }

        SeriesWizardPages.add(to: routes)

        routes.add(Endpoint(.get, "/series/:id", access: .permission(.seriesRead), kind: .page, summary: "One series", tag: "web")) {
            request, context in
            let identity = try context.requireIdentity()
            let info = try await SeriesActions.find(try context.uuid(what: "series"), platform: platform)
            let store = SeriesStore(platform.database.db)
            let stats = try await store.statistics(info)
            var query = SeriesValueQuery()
            query.points = 800
            let chart = try await SeriesValues.compute(info, query, points: 800, store: store)
            let model = SeriesDetailPage.Model(
                series: row(info), timeZone: info.timeZone,
                regularity: info.regularity.stepMillis.map { "every \(stepText($0))" } ?? "irregular",
                valueCount: stats.valueCount, bytes: info.byteCount, chunkCount: info.chunkCount, min: stats.min, max: stats.max,
                mean: stats.mean, chartTimes: chart.data.timestamps, chartValues: chart.data.values,
                importJobID: info.importJobID?.uuidString.lowercased(), canWrite: identity.can(.seriesWrite),
                kinds: QuantityKind.allCases.map(\.rawValue))
            return PageSupport.html(SeriesDetailPage.render(model, context: page(request, context)))
        }

        routes.add(Endpoint(.post, "/series/:id", access: .permission(.seriesWrite), kind: .page,
                            summary: "Change a series (form)", tag: "web", audit: "series.update")) { request, context in
            let id = try context.uuid(what: "series")
            let form = try await PageSupport.form([String: String].self, request, context)
            try PageSupport.checkCSRF(form["csrf_token"], request, context)
            return try await refusalsAsPage(request, context, platform: platform) {
                let tags = try SeriesInput.tagFilter(form["tags"].flatMap { $0.isEmpty ? nil : $0 })
                let body = SeriesInput.UpdateSeries(
                    name: form["name"], unit: form["unit"], kind: form["kind"], tags: tags,
                    timeZone: form["time_zone"].flatMap { $0.isEmpty ? nil : $0 })
                _ = try await SeriesActions.update(id, body, context: context, platform: platform)
                return PageSupport.redirect("/series/\(id.uuidString.lowercased())?done=series-updated")
            }
        }

        routes.add(Endpoint(.post, "/series/:id/delete", access: .permission(.seriesWrite), kind: .page,
                            summary: "Delete a series (form)", tag: "web", audit: "series.delete")) { request, context in
            let id = try context.uuid(what: "series")
            let form = try await PageSupport.form(WebRoutes.CSRFForm.self, request, context)
            try PageSupport.checkCSRF(form.csrfToken, request, context)
            try await SeriesActions.delete(id, context: context, platform: platform)
            return PageSupport.redirect("/series?done=series-deleted")
        }
    }

    /// Runs a form action; a refusal (validation, conflict) becomes the error page and a failure audit entry.
    static func refusalsAsPage(_ request: Request, _ context: AppRequestContext, platform: PlatformServices,
                               _ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let problem as Problem where [400, 409, 422].contains(problem.statusCode) {
            await platform.auditor.recordRefusal(context: context, outcome: .failure, objectType: "series",
                                                 objectID: context.parameters.get("id"), detail: problem.detail ?? problem.title)
            context.auditTrail.recorded = true
            return PageSupport.errorPage(problem, request, context)
        }
    }

    static func row(_ info: SeriesInfo) -> SeriesRow {
        SeriesRow(id: info.id.uuidString.lowercased(), name: info.name, unit: info.unit, kind: info.kind.rawValue,
                  source: info.source.rawValue, tags: info.tags, points: info.pointCount,
                  first: info.firstTimestamp.map(SeriesTime.date), last: info.lastTimestamp.map(SeriesTime.date),
                  bytesPerPoint: info.bytesPerPoint)
    }

    /// `900000` → `15 min`.
    static func stepText(_ millis: Int64) -> String {
        for (unit, size) in [("d", Int64(86_400_000)), ("h", 3_600_000), ("min", 60_000), ("s", 1000)] where millis % size == 0 {
            return "\(millis / size) \(unit)"
        }
        return "\(millis) ms"
    }
}
