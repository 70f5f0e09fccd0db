import Foundation
import Hummingbird

/// Streams the file out of a `multipart/form-data` request body (a browser form with `<input type=file>`)
/// without holding it in memory, so a page can hand it straight to ``UploadStore``.
///
/// ```swift
/// var form = try MultipartFileReader(request)            // 415 unless multipart/form-data
/// guard let file = try await form.nextFile() else { … }   // small fields before the file are in `form.fields`
/// try PageSupport.checkCSRF(form.fields["csrf_token"], …)  // put the token field before the file input
/// let upload = try await platform.uploads.store(form.fileContents(), owner: …, filename: file.filename)
/// ```
///
/// Text fields must come before the file field (browsers send fields in document order); fields after it are
/// not read. Text fields are limited to 64 KB each.
public final class MultipartFileReader {
    public struct FilePart: Sendable {
        public let field: String
        public let filename: String
        public let contentType: String?
    }

    /// Text fields read so far (those before the file).
    public private(set) var fields: [String: String] = [:]

    private var iterator: RequestBody.AsyncIterator
    private var buffer: [UInt8] = []
    private var exhausted = false
    private let delimiter: [UInt8]
    private var fileDone = false
    static let maxFieldBytes = 64 << 10

    public init(_ request: Request) throws {
        let type = request.headers[.contentType] ?? ""
        guard type.lowercased().hasPrefix("multipart/form-data"),
            let boundary = Self.parameter("boundary", in: type), !boundary.isEmpty, boundary.count <= 200
        else {
            throw Problem(.unsupportedMediaType, detail: "send the file as multipart/form-data (a form with enctype=\"multipart/form-data\")")
        }
        delimiter = Array("\r\n--\(boundary)".utf8)
        // The body starts with "--boundary": a leading CRLF lets the first boundary match like the others.
        buffer = [0x0D, 0x0A]
        iterator = request.body.makeAsyncIterator()
    }

    /// Reads parts up to the first file and returns its description; nil when the form has no file.
    public func nextFile() async throws -> FilePart? {
        while true {
            guard try await skipToDelimiter(), let headers = try await partHeaders() else { return nil }
            let disposition = headers["content-disposition"] ?? ""
            guard let name = Self.parameter("name", in: disposition) else { continue }
            if let filename = Self.parameter("filename", in: disposition) {
                return FilePart(field: name, filename: filename, contentType: headers["content-type"])
            }
            var value: [UInt8] = []
            while true {
                if let end = find(delimiter, in: buffer) {
                    value += buffer[..<end]
                    buffer.removeFirst(end)
                    break
                }
                let keep = max(0, buffer.count - delimiter.count)
                value += buffer[..<keep]
                buffer.removeFirst(keep)
                guard value.count <= Self.maxFieldBytes else { throw Problem(.payloadTooLarge, detail: "form field \(name) is too long") }
                guard try await fill() else { throw Problem(.badRequest, detail: "the form data ends in the middle of field \(name)") }
            }
            fields[name] = String(decoding: value, as: UTF8.self)
        }
    }

    /// The bytes of the file found by `nextFile`, up to its closing boundary.
    public func fileContents() -> AsyncThrowingStream<ByteBuffer, any Error> {
        AsyncThrowingStream { [self] in try await self.nextFileChunk() }
    }

    private func nextFileChunk() async throws -> ByteBuffer? {
        while !fileDone {
            if let end = find(delimiter, in: buffer) {
                fileDone = true
                let chunk = ByteBuffer(bytes: buffer[..<end])
                buffer.removeFirst(end)
                return chunk.readableBytes > 0 ? chunk : nil
            }
            // Everything but a possible delimiter start at the end can go.
            let keep = buffer.count - (delimiter.count - 1)
            if keep > 0 {
                let chunk = ByteBuffer(bytes: buffer[..<keep])
                buffer.removeFirst(keep)
                return chunk
            }
            guard try await fill() else { throw Problem(.badRequest, detail: "the upload ended before the file was complete") }
        }
        return nil
    }

    /// Moves past the next delimiter; false at the closing delimiter or the end of the body.
    private func skipToDelimiter() async throws -> Bool {
        while true {
            if let start = find(delimiter, in: buffer) {
                buffer.removeFirst(start + delimiter.count)
                while buffer.count < 2 { guard try await fill() else { return false } }
                return !(buffer[0] == 0x2D && buffer[1] == 0x2D)  // "--": the closing delimiter
            }
            buffer.removeFirst(max(0, buffer.count - delimiter.count))
            guard try await fill() else { return false }
        }
    }

    /// The headers of the part whose delimiter was just passed, lower-cased names.
    private func partHeaders() async throws -> [String: String]? {
        let end: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]
        while true {
            if let position = find(end, in: buffer) {
                let text = String(decoding: buffer[..<position], as: UTF8.self)
                buffer.removeFirst(position + 4)
                var headers: [String: String] = [:]
                for line in text.split(separator: "\r\n") {
                    let parts = line.split(separator: ":", maxSplits: 1)
                    guard parts.count == 2 else { continue }
                    headers[parts[0].trimmingCharacters(in: .whitespaces).lowercased()] = parts[1].trimmingCharacters(in: .whitespaces)
                }
                return headers
            }
            guard buffer.count < 16 << 10 else { throw Problem(.badRequest, detail: "a form part's headers are too long") }
            guard try await fill() else { return nil }
        }
    }

    private func fill() async throws -> Bool {
        guard !exhausted, let next = try await iterator.next() else {
            exhausted = true
            return false
        }
        buffer.append(contentsOf: next.readableBytesView)
        return true
    }

    private func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count, let first = needle.first else { return nil }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var match = true
                for k in 1..<needle.count where haystack[i + k] != needle[k] {
                    match = false
                    break
                }
                if match { return i }
            }
            i += 1
        }
        return nil
    }

    /// `name="value"` (or unquoted) in a header value such as `form-data; name="file"; filename="a.csv"`.
    static func parameter(_ name: String, in header: String) -> String? {
        for item in header.split(separator: ";").dropFirst() {
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var value = parts[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
