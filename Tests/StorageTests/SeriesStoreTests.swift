import FluentKit
import Foundation
import Series
import Testing
@testable import Storage
import TestSupport

/// The chunk store on SQLite and (with POWERHOUSE_TEST_DATABASE_URL) PostgreSQL.
@Suite struct SeriesStoreTests {
    let now = Date(timeIntervalSince1970: 1_767_225_600)
    /// 2026-01-05T00:00:00Z, a Monday.
    let t0: Int64 = 1_767_571_200_000
    let minute: Int64 = 60_000

    /// `count` one-minute points from `t0`, value = index, with NaN every 97th point.
    func minutes(_ count: Int, from start: Int64? = nil, value: (Int) -> Double = { Double($0) }) -> SeriesData {
        let first = start ?? t0
        return SeriesData(
            timestamps: (0..<count).map { first + Int64($0) * minute },
            values: (0..<count).map { $0 % 97 == 5 ? .nan : value($0) })
    }

    func metadata(_ name: String, tags: [String: String] = [:], unit: String = "kW") -> SeriesMetadata {
        SeriesMetadata(id: "", name: name, unit: unit, kind: .power, source: .upload, tags: tags,
                       regularity: .fixed(stepMillis: 60_000), timeZone: "Europe/Berlin")
    }

    @Test func roundTripKeepsEveryBitIncludingNaN() async throws {
        try await TestDatabase.withDatabase { database in
            // Arrange: 3 weeks of minutes → 3+ chunks of 7-day blocks, extreme values and NaN.
            var data = minutes(30_000)
            data = SeriesData(timestamps: data.timestamps, values: data.values.enumerated().map { i, v in
                i == 10 ? -.infinity : i == 11 ? 1e308 : i == 12 ? -0.0 : v
            })
            let store = SeriesStore(database.db)

            // Act
            let created = try await store.create(PreparedSeries(metadata: metadata("load"), data: data), ownerID: nil, now: now)
            let info = try #require(try await store.find(id: created.id))
            let back = try await store.read(info)

            // Assert
            #expect(back.isIdentical(to: data))
            #expect(info.pointCount == 30_000)
            #expect(info.firstTimestamp == t0 && info.lastTimestamp == t0 + 29_999 * minute)
            #expect(info.chunkCount == 3, "three 7-day blocks from a Monday")
            #expect(info.bytesPerPoint > 0 && info.bytesPerPoint < 8)
            #expect(info.regularity == .fixed(stepMillis: 60_000))
            #expect(info.timeZone == "Europe/Berlin")
            let slice = try await store.read(info, range: (t0 + 100 * minute)..<(t0 + 20_100 * minute))
            #expect(slice.isIdentical(to: data.slice(from: t0 + 100 * minute, to: t0 + 20_100 * minute)))
        }
    }

    @Test func appendOverwriteAndDeleteRanges() async throws {
        try await TestDatabase.withDatabase { database in
            // Arrange
            let store = SeriesStore(database.db)
            let base = minutes(20_000)
            let created = try await store.create(PreparedSeries(metadata: metadata("m"), data: base), ownerID: nil, now: now)

            // Act 1: append after the end, correcting the last stored point too.
            let appended = minutes(1_001, from: t0 + 19_999 * minute) { 1_000_000 + Double($0) }
            let afterAppend = try #require(try await store.write(id: created.id, points: appended, now: now))
            // Assert 1
            #expect(afterAppend.series.pointCount == 21_000)
            var expected = base.merging(appended)
            #expect(try await store.read(afterAppend.series).isIdentical(to: expected))

            // Act 2: overwrite [5000, 15000) with 10 points (drops the rest of the range).
            let range = (t0 + 5_000 * minute)..<(t0 + 15_000 * minute)
            let replacement = SeriesData(timestamps: (0..<10).map { range.lowerBound + Int64($0) * 1000 * minute },
                                         values: (0..<10).map { -Double($0) })
            let afterOverwrite = try #require(try await store.overwrite(id: created.id, range: range, with: replacement, now: now))
            // Assert 2
            expected = SeriesStore.removing(range, from: expected).merging(replacement)
            #expect(try await store.read(afterOverwrite.series).isIdentical(to: expected))
            #expect(afterOverwrite.series.pointCount == 21_000 - 10_000 + 10)

            // Act 3: delete a range spanning whole blocks and parts of others.
            let cut = (t0 + 1_000 * minute)..<(t0 + 19_000 * minute)
            let afterDelete = try #require(try await store.deleteRange(id: created.id, range: cut, now: now))
            // Assert 3
            let countBefore = expected.count
            expected = SeriesStore.removing(cut, from: expected)
            #expect(try await store.read(afterDelete.series).isIdentical(to: expected))
            #expect(afterDelete.series.pointCount == expected.count)
            #expect(afterDelete.removed == countBefore - expected.count)
            #expect(afterDelete.series.version == 4)
        }
    }

    @Test func pointsOffTheStepMakeTheSeriesIrregular() async throws {
        try await TestDatabase.withDatabase { database in
            let store = SeriesStore(database.db)
            let created = try await store.create(PreparedSeries(metadata: metadata("m"), data: minutes(10)), ownerID: nil, now: now)
            let odd = SeriesData(timestamps: [t0 + 30_000], values: [1])
            let outcome = try #require(try await store.write(id: created.id, points: odd, now: now))
            #expect(outcome.series.regularity == .irregular)
            #expect(outcome.series.pointCount == 11)
        }
    }

    @Test func aggregationFromSummariesMatchesRawAggregation() async throws {
        try await TestDatabase.withDatabase { database in
            // Arrange: 5 weeks of minutes; weekly chunks fit into monthly buckets, daily buckets need decoding.
            let store = SeriesStore(database.db)
            let data = minutes(50_400) { Double($0 % 1440) / 10 }
            let info = try await store.create(PreparedSeries(metadata: metadata("m"), data: data), ownerID: nil, now: now)
            let from = t0, to = t0 + 50_400 * minute
            for (interval, function) in [(AggregationInterval.month, AggregationFunction.max), (.day, .mean), (.week, .count)] {
                var aggregator = try #require(Aggregator(interval: interval, function: function, timeZone: "Europe/Berlin", from: from, to: to))
                // Act
                try await store.aggregate(info, into: &aggregator)
                // Assert
                let raw = try #require(data.aggregated(interval, function, timeZone: "Europe/Berlin", from: from, to: to))
                let got = aggregator.result()
                #expect(got.timestamps == raw.timestamps)
                #expect(got.counts == raw.counts)
                for (a, b) in zip(got.values, raw.values) { #expect(a.isNaN && b.isNaN || abs(a - b) <= 1e-9 * max(1, abs(b))) }
            }
        }
    }

    @Test func statisticsComeFromSummaries() async throws {
        try await TestDatabase.withDatabase { database in
            let store = SeriesStore(database.db)
            let data = minutes(20_000)
            let info = try await store.create(PreparedSeries(metadata: metadata("m"), data: data), ownerID: nil, now: now)
            let stats = try await store.statistics(info)
            let values = data.values.filter { !$0.isNaN }
            #expect(stats.pointCount == 20_000)
            #expect(stats.valueCount == values.count)
            #expect(stats.min == values.min() && stats.max == values.max())
            #expect(stats.first?.value == 0 && stats.last?.value == 19_999)
        }
    }

    @Test func listFiltersBySearchTagsAndUnitAndPages() async throws {
        try await TestDatabase.withDatabase { database in
            // Arrange
            let store = SeriesStore(database.db)
            let empty = SeriesData()
            let a = try await store.create(PreparedSeries(metadata: metadata("North Load", tags: ["site": "north"]), data: empty), ownerID: nil, now: now)
            _ = try await store.create(PreparedSeries(metadata: metadata("South load", tags: ["site": "south"]), data: empty), ownerID: nil, now: now)
            _ = try await store.create(PreparedSeries(metadata: metadata("Temperature", tags: ["site": "north"], unit: "°C"), data: empty), ownerID: nil, now: now.addingTimeInterval(1))

            // Act / Assert
            #expect(try await store.list(SeriesFilter(search: "LOAD"), before: nil, limit: 10).count == 2)
            let north = try await store.list(SeriesFilter(tags: ["site": "north"]), before: nil, limit: 10)
            #expect(Set(north.map(\.name)) == ["North Load", "Temperature"])
            #expect(try await store.list(SeriesFilter(tags: ["site": "north"], unit: "kW"), before: nil, limit: 10).map(\.id) == [a.id])
            let first = try await store.list(SeriesFilter(), before: nil, limit: 2)
            let rest = try await store.list(SeriesFilter(), before: (first[1].createdAt, first[1].id), limit: 2)
            #expect(Set((first + rest).map(\.id)).count == 3)
            #expect(first[0].name == "Temperature", "newest first")
        }
    }

    @Test func deleteRemovesChunksAndTags() async throws {
        try await TestDatabase.withDatabase { database in
            let store = SeriesStore(database.db)
            let info = try await store.create(PreparedSeries(metadata: metadata("x", tags: ["a": "b"]), data: minutes(20_000)), ownerID: nil, now: now)
            #expect(try await store.delete(id: info.id))
            #expect(try await store.find(id: info.id) == nil)
            let sql = database.sql
            #expect(try await sql.raw("SELECT COUNT(*) AS n FROM series_chunks").first()?.decode(column: "n", as: Int.self) == 0)
            #expect(try await sql.raw("SELECT COUNT(*) AS n FROM series_tags").first()?.decode(column: "n", as: Int.self) == 0)
            #expect(try await store.delete(id: info.id) == false)
        }
    }

    @Test func uploadPartsComeBackInOrder() async throws {
        try await TestDatabase.withDatabase { database in
            let uploads = UploadRepository(database.db)
            let upload = try await uploads.create(ownerID: nil, purpose: "test", filename: "a.csv", contentType: "text/csv", now: now)
            let parts = (0..<3).map { index in [UInt8](repeating: UInt8(index), count: 1000 + index) }
            for (index, part) in parts.enumerated() { try await uploads.appendPart(uploadID: upload.id, index: index, bytes: part) }
            _ = try await uploads.complete(id: upload.id, size: 3003, sha256: "x", partCount: 3, now: now)
            for (index, part) in parts.enumerated() {
                #expect(try await uploads.part(uploadID: upload.id, index: index) == Data(part))
            }
            #expect(try await uploads.part(uploadID: upload.id, index: 3) == nil)
            #expect(try await uploads.find(id: upload.id)?.state == .complete)
            #expect(try await uploads.delete(id: upload.id))
            #expect(try await uploads.part(uploadID: upload.id, index: 0) == nil)
        }
    }
}
