import Foundation
import GridModel
import HTTPTypes
import Hummingbird
import Platform

/// JSON in and out of the Grid module's routes.
///
/// Bodies are read into `GridJSON` (the topology reader's own tree) rather than through the API's snake-case
/// decoder: topology fragments keep their keys exactly, and every field problem can be named by its JSON pointer.
/// Responses are written with sorted keys, like the documents themselves.
enum GridHTTP {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Compact JSON text of a tree (stored results, API responses).
    static func compact(_ value: GridJSON) -> String {
        (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    static func response(_ value: GridJSON, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: compact(value))))
    }

    /// A download: text with a content type and a file name.
    static func download(_ text: String, contentType: String, filename: String, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = contentType
        headers[.contentDisposition] = "attachment; filename=\"\(filename.replacingOccurrences(of: "\"", with: ""))\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Reads a JSON body (at most the configured JSON limit) without interpreting its keys.
    static func read(_ request: Request, _ context: AppRequestContext) async throws -> GridJSON {
        if let contentType = request.headers[.contentType]?.lowercased(), !contentType.hasPrefix("application/json") {
            throw Problem(.unsupportedMediaType, detail: "send the body as application/json")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.jsonBodyLimit)
        } catch {
            throw Problem(.payloadTooLarge, detail: "JSON bodies are limited to \(context.jsonBodyLimit) bytes")
        }
        guard buffer.readableBytes > 0 else { throw Problem(.malformedJSON, detail: "the request body is empty; send a JSON object") }
        return try parse(Data(buffer: buffer))
    }

    static func parse(_ data: Data) throws -> GridJSON {
        do {
            return try GridJSON.parse(data)
        } catch {
            throw Problem(.malformedJSON, detail: "the body is not valid JSON: check quotes, commas and brackets")
        }
    }

    /// Reads a JSON body that must be an object.
    static func readObject(_ request: Request, _ context: AppRequestContext) async throws -> [String: GridJSON] {
        guard case .object(let object) = try await read(request, context) else {
            throw Problem.invalid("/", "must be a JSON object")
        }
        return object
    }

    /// `grids[0].houses[3].battery.min_soc` → `/grids/0/houses/3/battery/min_soc`.
    static func pointer(_ path: String) -> String {
        guard !path.isEmpty else { return "/" }
        var out = ""
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                out += "/" + escape(String(rest[..<bracket]))
                rest = rest[bracket...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    out += "/" + rest[rest.index(after: rest.startIndex)..<close]
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                out += "/" + escape(String(rest))
            }
        }
        return out
    }

    private static func escape(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// A topology problem as a 422 naming every field. Issues under `documentPath` (the part of the document the
    /// request body became) are reported relative to the body at `bodyPointer`; others by their document pointer.
    static func problem(_ error: TopologyError, documentPath: String? = nil, bodyPointer: String = "") -> Problem {
        let errors = error.issues.map { issue -> Problem.FieldError in
            var field = pointer(issue.path)
            if let documentPath, issue.path == documentPath || issue.path.hasPrefix(documentPath + ".") || issue.path.hasPrefix(documentPath + "[") {
                let rest = pointer(String(issue.path.dropFirst(documentPath.count)).drop { $0 == "." }.description)
                field = bodyPointer + (rest == "/" ? "" : rest)
                if field.isEmpty { field = "/" }
            }
            return Problem.FieldError(field: field, message: issue.message)
        }
        return Problem(.validation, detail: error.description, errors: errors)
    }

    /// A simulation input problem as a 422 on `field`.
    static func invalid(_ field: String, _ error: any Error) -> Problem {
        Problem.invalid(field, "\(error)")
    }

    /// A path segment as sent by the client (names may carry spaces or other escaped characters).
    static func name(_ context: AppRequestContext, _ parameter: String) throws -> String {
        guard let raw = context.parameters.get(parameter) else { throw Problem.notFound(parameter) }
        return raw.removingPercentEncoding ?? raw
    }
}

extension GridJSON {
    var object: [String: GridJSON]? { if case .object(let o) = self { o } else { nil } }
    var array: [GridJSON]? { if case .array(let a) = self { a } else { nil } }
    var string: String? { if case .string(let s) = self { s } else { nil } }
    var number: Double? { if case .number(let n) = self { n } else { nil } }

    subscript(key: String) -> GridJSON? { object?[key] }

    static func optional(_ value: Double?) -> GridJSON { value.map(GridJSON.number) ?? .null }
    static func optional(_ value: String?) -> GridJSON { value.map(GridJSON.string) ?? .null }
    static func date(_ value: Date?) -> GridJSON { value.map { .string(ISO8601.string($0)) } ?? .null }
    static func uuid(_ value: UUID?) -> GridJSON { value.map { .string($0.uuidString.lowercased()) } ?? .null }
}
