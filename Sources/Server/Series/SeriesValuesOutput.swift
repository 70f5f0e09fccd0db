import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Platform
import Series

/// Writes value responses: the chart contract `{"times": [ISO…], "series": [{"id","name","unit","values"}]}`
/// (written by hand: a year of points through JSONEncoder would cost more than the query) or CSV.
enum SeriesValuesOutput {
    static func response(_ series: [ComputedSeries], query: SeriesValueQuery, etag: String) throws -> Response {
        let aligned = SeriesValues.align(series)
        var headers: HTTPFields = [.eTag: etag, .cacheControl: "private, no-cache"]
        switch query.format {
        case .csv:
            let names = series.map { $0.unit.isEmpty ? $0.info.name : "\($0.info.name) [\($0.unit)]" }
            headers[.contentType] = "text/csv; charset=utf-8"
            let filename = series.count == 1 ? safeFilename(series[0].info.name) : "series"
            headers[.contentDisposition] = "attachment; filename=\"\(filename).csv\""
            return Response(status: .ok, headers: headers,
                            body: .init(byteBuffer: ByteBuffer(string: CSVExport.csv(aligned, headers: names))))
        case .json:
            headers[.contentType] = "application/json; charset=utf-8"
            return Response(status: .ok, headers: headers,
                            body: .init(byteBuffer: ByteBuffer(string: json(aligned, series, query: query))))
        }
    }

    static func json(_ aligned: AlignedSeries, _ series: [ComputedSeries], query: SeriesValueQuery) -> String {
        var out = "{\"times\":["
        out.reserveCapacity(aligned.timestamps.count * (26 + 12 * series.count) + 200)
        for (i, t) in aligned.timestamps.enumerated() {
            if i > 0 { out += "," }
            out += "\"" + CSVExport.isoUTC(t) + "\""
        }
        out += "],\"series\":["
        for (k, computed) in series.enumerated() {
            if k > 0 { out += "," }
            out += "{\"id\":\"\(computed.info.id.uuidString.lowercased())\",\"name\":\(quoted(computed.info.name)),"
            out += "\"unit\":\(quoted(computed.unit)),\"kind\":\"\(computed.info.kind.rawValue)\",\"values\":["
            for (i, v) in aligned.columns[k].enumerated() {
                if i > 0 { out += "," }
                out += v.isFinite ? v.description : "null"
            }
            out += "]}"
        }
        out += "]"
        if let interval = query.interval {
            out += ",\"interval\":\"\(interval.rawValue)\",\"agg\":\"\(query.function?.rawValue ?? (query.convert == .energy ? "sum" : "mean"))\""
            out += ",\"time_zone\":\(quoted(query.timeZone ?? series.first?.info.timeZone ?? "UTC"))"
        }
        if let convert = query.convert { out += ",\"convert\":\"\(convert.rawValue)\"" }
        if let points = query.points { out += ",\"points\":\(points),\"mode\":\"\((query.mode ?? .lttb).rawValue)\"" }
        out += "}"
        return out
    }

    static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func safeFilename(_ name: String) -> String {
        let kept = name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }
        return kept.isEmpty ? "series" : String(kept.prefix(80))
    }

    /// A validator that changes whenever any of the series changes or the query differs.
    static func etag(_ series: [(id: UUID, version: Int)], request: Request) -> String {
        var hasher = SHA256()
        for item in series { hasher.update(data: Data("\(item.id.uuidString)#\(item.version);".utf8)) }
        hasher.update(data: Data((request.uri.query ?? "").utf8))
        let digest = hasher.finalize().prefix(12).map { String(format: "%02x", $0) }.joined()
        return "\"\(digest)\""
    }

    /// 304 when the client already holds this version.
    static func notModified(_ request: Request, etag: String) -> Response? {
        guard let sent = request.headers[.ifNoneMatch] else { return nil }
        let tags = sent.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "") }
        guard tags.contains(etag) || tags.contains("*") else { return nil }
        return Response(status: .notModified, headers: [.eTag: etag])
    }
}
