import FluentKit
import Foundation
import Hummingbird
import Platform
import Series
import Storage

/// The series API: list, create, inspect, change and delete series; read values; write points (telemetry).
enum SeriesRoutes {
    static func add(to routes: Routes) {
        let platform = routes.platform

        routes.add(
            Endpoint(.get, "/api/v1/series", access: .permission(.seriesRead), summary: "Series, newest first", tag: "series",
                     parameters: [
                        .init("search", "string", "part of the name, any case"),
                        .init("tags", "string", "key:value pairs, comma-separated; all must match"),
                        .init("unit", "string", "exact unit, such as kW"), .init("kind", "string", "quantity kind"),
                        .init("source", "string", "upload, simulation, telemetry or synthetic"),
                        .init("limit", "integer", "page size, 1–200"), .init("cursor", "string", "from next_cursor"),
                     ],
                     response: "SeriesPage")
        ) { request, _ in
            let query = Query(request)
            let filter = try SeriesFilter(
                search: query.string("search"), tags: SeriesInput.tagFilter(query.string("tags", maxLength: 1000)),
                unit: query.string("unit"), kind: query.enum("kind", QuantityKind.self),
                source: query.enum("source", SeriesSource.self))
            let limit = try query.limit()
            let before = try query.cursor().map(JobRoutes.decodeJobCursor)
            let items = try await SeriesStore(platform.database.db).list(filter, before: before, limit: limit + 1)
            return try .json(Page(fetched: items.map(SeriesView.init), limit: limit, cursorOf: {
                "\($0.createdAt.timeIntervalSince1970)|\($0.id.uuidString)"
            }))
        }

        routes.add(
            Endpoint(.post, "/api/v1/series", access: .permission(.seriesWrite),
                     summary: "Create an empty series (for telemetry pushed to /points)", tag: "series",
                     audit: "series.create", request: "CreateSeries", response: "Series", status: 201)
        ) { request, context in
            let identity = try context.requireIdentity()
            let body = try await JSONBody.decode(SeriesInput.CreateSeries.self, from: request, context: context)
            var check = SeriesInput.Checker()
            check.name(body.name)
            check.unit(body.unit)
            let kind = check.kind(body.kind) ?? .other
            check.tags(body.tags)
            check.timeZone(body.timeZone)
            if let step = body.stepSeconds, !(0.001...31_622_400).contains(step) { check.fail("/step_seconds", "must be from 0.001 to 31622400") }
            try check.done()
            let regularity: Regularity = body.stepSeconds.map { .fixed(stepMillis: Int64(($0 * 1000).rounded())) } ?? .irregular
            let metadata = SeriesMetadata(
                id: "", name: body.name.trimmingCharacters(in: .whitespaces), unit: body.unit ?? "", kind: kind,
                source: .telemetry, tags: body.tags ?? [:], regularity: regularity, timeZone: body.timeZone ?? "UTC")
            let info = try await SeriesActions.create(
                PreparedSeries(metadata: metadata, data: SeriesData()), identity: identity, context: context,
                platform: platform, detail: "empty, for telemetry")
            return try .json(SeriesView(info), status: .created, headers: [.location: "/api/v1/series/\(info.id)"])
        }

        routes.add(
            Endpoint(.post, "/api/v1/series/synthetic", access: .permission(.seriesWrite),
                     summary: "Generate a realistic series (household_load, pv, temperature, vibration) from a seed",
                     tag: "series", audit: "series.create", request: "SyntheticSeries", response: "Series", status: 201)
        ) { request, context in
            let identity = try context.requireIdentity()
            let body = try await JSONBody.decode(SeriesInput.SyntheticRequest.self, from: request, context: context)
            let info = try await SeriesActions.synthetic(body, identity: identity, context: context, platform: platform)
            return try .json(SeriesView(info), status: .created, headers: [.location: "/api/v1/series/\(info.id)"])
        }

        routes.add(
            Endpoint(.get, "/api/v1/series/values", access: .permission(.seriesRead),
                     summary: "Several series on one time axis (the chart data source): {times, series: [{id, name, unit, values}]}",
                     tag: "series",
                     parameters: [.init("ids", "string", "series ids, comma-separated (at most 20)")] + SeriesValueQuery.parameters,
                     response: "AlignedValues")
        ) { request, _ in
            guard let text = try Query(request).string("ids", maxLength: 20 * 37) else {
                throw Problem.badQuery("ids", "is required: series ids separated by commas")
            }
            var ids: [UUID] = []
            for part in text.split(separator: ",") {
                guard let id = UUID(uuidString: part.trimmingCharacters(in: .whitespaces)) else {
                    throw Problem.badQuery("ids", "\"\(part)\" is not a series id")
                }
                if !ids.contains(id) { ids.append(id) }
            }
            guard (1...20).contains(ids.count) else { throw Problem.badQuery("ids", "name 1 to 20 series") }
            let query = try SeriesValueQuery(request)
            let store = SeriesStore(platform.database.db)
            var infos: [SeriesInfo] = []
            for id in ids {
                guard let info = try await store.find(id: id) else { throw Problem.notFound("series \(id)") }
                infos.append(info)
            }
            return try await values(infos, query: query, request: request, store: store)
        }

        routes.add(
            Endpoint(.get, "/api/v1/series/:id", access: .permission(.seriesRead),
                     summary: "One series with statistics over all its points", tag: "series", response: "SeriesDetail")
        ) { _, context in
            let info = try await SeriesActions.find(try context.uuid(what: "series"), platform: platform)
            let stats = try await SeriesStore(platform.database.db).statistics(info)
            return try .json(SeriesDetailView(series: SeriesView(info), statistics: SeriesStatisticsView(stats)))
        }

        routes.add(
            Endpoint(.patch, "/api/v1/series/:id", access: .permission(.seriesWrite),
                     summary: "Change a series' name, unit, kind, tags or time zone", tag: "series", audit: "series.update",
                     request: "UpdateSeries", response: "Series")
        ) { request, context in
            let id = try context.uuid(what: "series")
            let body = try await JSONBody.decode(SeriesInput.UpdateSeries.self, from: request, context: context)
            return try .json(SeriesView(try await SeriesActions.update(id, body, context: context, platform: platform)))
        }

        routes.add(
            Endpoint(.delete, "/api/v1/series/:id", access: .permission(.seriesWrite),
                     summary: "Delete a series and all its points", tag: "series", audit: "series.delete")
        ) { _, context in
            try await SeriesActions.delete(try context.uuid(what: "series"), context: context, platform: platform)
            return .noContent()
        }

        routes.add(
            Endpoint(.get, "/api/v1/series/:id/values", access: .permission(.seriesRead),
                     summary: "Values of one series: raw, aggregated by calendar interval, converted, downsampled; JSON or CSV",
                     tag: "series", parameters: SeriesValueQuery.parameters, response: "AlignedValues")
        ) { request, context in
            let query = try SeriesValueQuery(request)
            let info = try await SeriesActions.find(try context.uuid(what: "series"), platform: platform)
            return try await values([info], query: query, request: request, store: SeriesStore(platform.database.db))
        }

        routes.add(
            Endpoint(.post, "/api/v1/series/:id/points", access: .permission(.seriesWrite),
                     summary: "Write points (JSON {times, values} or text/csv); a stored point with the same time is replaced. With from and to, every point in that range is replaced",
                     tag: "series", audit: "series.write_points",
                     parameters: [
                        .init("from", "string", "with to: replace this range (ISO 8601, inclusive)"),
                        .init("to", "string", "end of the replaced range (exclusive)"),
                        .init("column", "string", "CSV: the value column (number from 1, or header) when there are several"),
                     ],
                     request: "Points", response: "PointsWrite")
        ) { request, context in
            let id = try context.uuid(what: "series")
            let query = Query(request)
            let from = try query.date("from").map(SeriesTime.millis)
            let to = try query.date("to").map(SeriesTime.millis)
            guard (from == nil) == (to == nil) else { throw Problem.badQuery(from == nil ? "from" : "to", "from and to go together") }
            if let from, let to, from >= to { throw Problem.badQuery("to", "must be later than from") }
            _ = try await SeriesActions.find(id, platform: platform)
            let points = try await pointsBody(request, context: context)
            let range = from.flatMap { from in to.map { from..<$0 } }
            return try .json(try await SeriesActions.writePoints(id, points, replacing: range, context: context, platform: platform))
        }

        routes.add(
            Endpoint(.delete, "/api/v1/series/:id/points", access: .permission(.seriesWrite),
                     summary: "Delete the points in a time range", tag: "series", audit: "series.delete_points",
                     parameters: [
                        .init("from", "string", "start, ISO 8601 (inclusive; required)"),
                        .init("to", "string", "end, ISO 8601 (exclusive; required)"),
                     ],
                     response: "PointsWrite")
        ) { request, context in
            let id = try context.uuid(what: "series")
            let query = Query(request)
            guard let from = try query.date("from").map(SeriesTime.millis) else { throw Problem.badQuery("from", "is required") }
            guard let to = try query.date("to").map(SeriesTime.millis) else { throw Problem.badQuery("to", "is required") }
            guard from < to else { throw Problem.badQuery("to", "must be later than from") }
            return try .json(try await SeriesActions.deletePoints(id, range: from..<to, context: context, platform: platform))
        }
    }

    /// Computes, aligns and writes values, or answers 304 when the client's copy is current.
    static func values(_ infos: [SeriesInfo], query: SeriesValueQuery, request: Request, store: SeriesStore) async throws
        -> Response
    {
        let etag = SeriesValuesOutput.etag(infos.map { ($0.id, $0.version) }, request: request)
        if let cached = SeriesValuesOutput.notModified(request, etag: etag) { return cached }
        // Each series gets its share of the points, so that the aligned answer stays within `points`.
        let share = query.points.map { max(2, $0 / infos.count) }
        var computed: [ComputedSeries] = []
        for info in infos { computed.append(try await SeriesValues.compute(info, query, points: share, store: store)) }
        return try SeriesValuesOutput.response(computed, query: query, etag: etag)
    }

    /// Points from a JSON body (`{times, values}`) or a CSV body (timestamp column and one value column).
    static func pointsBody(_ request: Request, context: AppRequestContext) async throws -> SeriesData {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.hasPrefix("text/csv") || type.hasPrefix("text/plain") else {
            return try SeriesInput.points(try await JSONBody.decode(SeriesInput.Points.self, from: request, context: context))
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.jsonBodyLimit)
        } catch {
            throw Problem(.payloadTooLarge, detail: "point bodies are limited to \(context.jsonBodyLimit) bytes; use an import for files")
        }
        let bytes = Array(buffer.readableBytesView)
        return try await SeriesProblems.mapping {
            var values = request.uri.queryParameters.reduce(into: [String: String]()) { $0[String($1.key)] = String($1.value) }
            if let column = values.removeValue(forKey: "column") { values["columns"] = column }
            values["policy"] = "reject"
            let overrides = try CSVSettingsOverrides(values: values.filter { CSVSettingsOverrides.names.contains($0.key) })
            let (settings, _) = try SeriesImporter.settings(sample: bytes, isComplete: true, overrides: overrides)
            let result = try CSVReader.read(bytes, settings: settings)
            guard result.series.count == 1, let only = result.series.first else {
                throw Problem.badQuery("column", "the CSV has \(result.series.count) value columns; name one with column=")
            }
            return only.data
        }
    }
}
