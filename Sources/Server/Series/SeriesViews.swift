import Foundation
import Platform
import Series
import Storage

/// A series as the API shows it: timestamps as ISO 8601 UTC, sizes with bytes per point.
struct SeriesView: Codable, Sendable {
    struct RegularityView: Codable, Sendable {
        /// The fixed step in milliseconds; null for irregular series.
        let stepMs: Int64?
    }

    let id: UUID
    let name: String
    let unit: String
    let kind: QuantityKind
    let source: SeriesSource
    let tags: [String: String]
    let ownerId: UUID?
    let regularity: RegularityView
    let timeZone: String
    let pointCount: Int
    let first: Date?
    let last: Date?
    let bytes: Int
    let bytesPerPoint: Double
    let chunkCount: Int
    let version: Int
    let importJobId: UUID?
    let createdAt: Date
    let updatedAt: Date

    init(_ info: SeriesInfo) {
        id = info.id
        name = info.name
        unit = info.unit
        kind = info.kind
        source = info.source
        tags = info.tags
        ownerId = info.ownerID
        regularity = RegularityView(stepMs: info.regularity.stepMillis)
        timeZone = info.timeZone
        pointCount = info.pointCount
        first = info.firstTimestamp.map(SeriesTime.date)
        last = info.lastTimestamp.map(SeriesTime.date)
        bytes = info.byteCount
        bytesPerPoint = (info.bytesPerPoint * 1000).rounded() / 1000
        chunkCount = info.chunkCount
        version = info.version
        importJobId = info.importJobID
        createdAt = info.createdAt
        updatedAt = info.updatedAt
    }
}

/// Totals over a whole series (from chunk summaries).
struct SeriesStatisticsView: Codable, Sendable {
    let pointCount: Int
    let valueCount: Int
    let min: Double?
    let max: Double?
    let mean: Double?
    let firstValue: Double?
    let lastValue: Double?

    init(_ stats: SeriesStatistics) {
        pointCount = stats.pointCount
        valueCount = stats.valueCount
        min = stats.min.flatMap(SeriesTime.finite)
        max = stats.max.flatMap(SeriesTime.finite)
        mean = stats.mean.flatMap(SeriesTime.finite)
        firstValue = stats.first.flatMap { SeriesTime.finite($0.value) }
        lastValue = stats.last.flatMap { SeriesTime.finite($0.value) }
    }
}

struct SeriesDetailView: Encodable {
    let series: SeriesView
    let statistics: SeriesStatisticsView
}

/// Milliseconds since 1970 UTC, as the Series core counts, to and from the API's dates.
enum SeriesTime {
    static func date(_ millis: Int64) -> Date { Date(timeIntervalSince1970: Double(millis) / 1000) }
    static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    /// JSON has no NaN or infinity.
    static func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }
}

/// What the preview endpoint detected and read.
struct ImportPreviewView: Encodable {
    struct Column: Encodable {
        /// 1-based column number.
        let number: Int
        let header: String
        let name: String
        let unit: String
        let kind: QuantityKind
        let include: Bool
    }

    struct PreviewSeries: Encodable {
        let name: String
        let unit: String
        let values: [Double?]
    }

    struct Rows: Encodable {
        let times: [String]
        let series: [PreviewSeries]
    }

    /// Query parameters for `POST /api/v1/series/imports` that reproduce these settings; change what is wrong.
    let parameters: [String: String]
    /// The complete settings as the CSV core sees them (0-based column indices).
    let settings: CSVSettings
    let byteOrderMark: Bool
    let ambiguousDayMonth: Bool
    let notes: [String]
    let columns: [Column]
    /// The first records as split into fields, header area included.
    let rawRows: [[String]]
    /// The first data rows parsed with the settings.
    let preview: Rows
    /// Rows of the preview that could not be read, with line, column and value.
    let issues: [CSVIssue]
    /// Bytes examined, and whether they were the whole file.
    let sampleBytes: Int
    let completeFile: Bool
}

/// Answer to `POST /api/v1/series/imports`: the queued job and where to follow it.
struct ImportAcceptedView: Encodable {
    let job: JobView
    let upload: UploadView
    let parameters: [String: String]
    /// `GET` for the import's state and, when done, its series and report.
    let status: String
    /// Server-Sent Events of the job's progress.
    let events: String
}

struct UploadView: Encodable {
    let id: UUID
    let filename: String?
    let size: Int
    let sha256: String?

    init(_ upload: Upload) {
        id = upload.id
        filename = upload.filename
        size = upload.size
        sha256 = upload.sha256
    }
}

/// An import job with its outcome.
struct ImportView: Encodable {
    let job: JobView
    let series: [SeriesView]
    /// Counts, settings used and DST handling (null until the import succeeded).
    let report: JSONValue?
    /// The skipped rows as CSV (header only when none were skipped); null until the import succeeded.
    let skippedRowsUrl: String?
}

/// Answer of point writes and deletions.
struct PointsWriteView: Encodable {
    let series: SeriesView
    let written: Int
    let removed: Int
}
