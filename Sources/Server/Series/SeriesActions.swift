import FluentKit
import Foundation
import Platform
import Series
import Storage

/// Series changes shared by the API and the pages, each in one transaction with its audit entry.
enum SeriesActions {
    static func find(_ id: UUID, platform: PlatformServices) async throws -> SeriesInfo {
        guard let info = try await SeriesStore(platform.database.db).find(id: id) else { throw Problem.notFound("series \(id)") }
        return info
    }

    static func create(
        _ prepared: PreparedSeries, identity: Identity, context: AppRequestContext, platform: PlatformServices,
        detail: String
    ) async throws -> SeriesInfo {
        let now = platform.clock.now
        return try await platform.database.db.transaction { tx in
            let info = try await SeriesStore(tx).create(prepared, ownerID: identity.user.id, now: now)
            try await platform.auditor.record(on: tx, context: context, objectType: "series", objectID: info.id.uuidString,
                                              detail: detail)
            return info
        }
    }

    static func synthetic(_ body: SeriesInput.SyntheticRequest, identity: Identity, context: AppRequestContext,
                          platform: PlatformServices) async throws -> SeriesInfo {
        var check = SeriesInput.Checker()
        let profile = Synthetic.Profile(rawValue: body.kind)
        if profile == nil {
            check.fail("/kind", "must be one of \(Synthetic.Profile.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let step = SeriesInput.stepMillis(body.step ?? "15m")
        if step == nil { check.fail("/step", "must be a duration such as 30s, 1m, 15m, 1h or 1d") }
        let from = SeriesTime.millis(body.from), to = SeriesTime.millis(body.to)
        if from >= to { check.fail("/to", "must be later than from") }
        if let step, from < to, (to - from) / step > 10_000_000 { check.fail("/to", "more than 10,000,000 points; use a longer step or a shorter period") }
        check.name(body.name)
        check.tags(body.tags)
        check.timeZone(body.timeZone)
        try check.done()
        guard let profile, let step else { throw Problem.invalid("/kind", "unknown") }
        let seed = body.seed ?? 1
        let series = Synthetic.series(profile, id: "", from: from, to: to, stepMillis: step, seed: seed)
        var metadata = series.metadata
        metadata.name = body.name ?? "\(profile.rawValue) (seed \(seed))"
        metadata.tags.merge(body.tags ?? [:]) { $1 }
        metadata.timeZone = body.timeZone ?? "UTC"
        return try await create(
            PreparedSeries(metadata: metadata, data: series.data), identity: identity, context: context, platform: platform,
            detail: "synthetic \(profile.rawValue), \(series.data.count) points")
    }

    static func update(_ id: UUID, _ body: SeriesInput.UpdateSeries, context: AppRequestContext,
                       platform: PlatformServices) async throws -> SeriesInfo {
        var check = SeriesInput.Checker()
        check.name(body.name)
        check.unit(body.unit)
        let kind = check.kind(body.kind)
        check.tags(body.tags)
        check.timeZone(body.timeZone)
        try check.done()
        let now = platform.clock.now
        return try await platform.database.db.transaction { tx in
            guard let info = try await SeriesStore(tx).update(
                id: id, name: body.name?.trimmingCharacters(in: .whitespaces), unit: body.unit, kind: kind, tags: body.tags,
                timeZone: body.timeZone, now: now)
            else { throw Problem.notFound("series \(id)") }
            let changed = [body.name.map { _ in "name" }, body.unit.map { _ in "unit" }, kind.map { _ in "kind" },
                           body.tags.map { _ in "tags" }, body.timeZone.map { _ in "time zone" }].compactMap { $0 }
            try await platform.auditor.record(on: tx, context: context, objectType: "series", objectID: id.uuidString,
                                              detail: changed.joined(separator: ", "))
            return info
        }
    }

    static func delete(_ id: UUID, context: AppRequestContext, platform: PlatformServices) async throws {
        try await platform.database.db.transaction { tx in
            guard let info = try await SeriesStore(tx).find(id: id) else { throw Problem.notFound("series \(id)") }
            try await SeriesStore(tx).delete(id: id)
            try await platform.auditor.record(on: tx, context: context, objectType: "series", objectID: id.uuidString,
                                              detail: "\(info.name), \(info.pointCount) points")
        }
    }

    /// Writes points (new timestamps wins over stored ones), or replaces the range when one is given.
    static func writePoints(_ id: UUID, _ points: SeriesData, replacing range: Range<Int64>?, context: AppRequestContext,
                            platform: PlatformServices) async throws -> PointsWriteView {
        if let range, let outside = points.timestamps.first(where: { !range.contains($0) }) {
            throw Problem.invalid("/times", "\(CSVExport.isoUTC(outside)) lies outside from–to; overwriting replaces exactly that range")
        }
        let now = platform.clock.now
        let outcome = try await platform.database.db.transaction { tx in
            let store = SeriesStore(tx)
            let result = if let range { try await store.overwrite(id: id, range: range, with: points, now: now) }
                         else { try await store.write(id: id, points: points, now: now) }
            guard let result else { throw Problem.notFound("series \(id)") }
            let what = range.map { "replaced \(CSVExport.isoUTC($0.lowerBound))–\(CSVExport.isoUTC($0.upperBound)) with" } ?? "wrote"
            try await platform.auditor.record(on: tx, context: context, objectType: "series", objectID: id.uuidString,
                                              detail: "\(what) \(points.count) points")
            return result
        }
        return PointsWriteView(series: SeriesView(outcome.series), written: points.count, removed: outcome.removed)
    }

    static func deletePoints(_ id: UUID, range: Range<Int64>, context: AppRequestContext,
                             platform: PlatformServices) async throws -> PointsWriteView {
        let now = platform.clock.now
        let outcome = try await platform.database.db.transaction { tx in
            guard let result = try await SeriesStore(tx).deleteRange(id: id, range: range, now: now) else {
                throw Problem.notFound("series \(id)")
            }
            try await platform.auditor.record(
                on: tx, context: context, objectType: "series", objectID: id.uuidString,
                detail: "deleted \(result.removed) points in \(CSVExport.isoUTC(range.lowerBound))–\(CSVExport.isoUTC(range.upperBound))")
            return result
        }
        return PointsWriteView(series: SeriesView(outcome.series), written: 0, removed: outcome.removed)
    }
}
