import Foundation
import Hummingbird
import NIOCore
import Platform

/// Reads a `multipart/form-data` body in order: the small text fields before the file (`csrf_token`,
/// `release`, `year`), then the file itself as a stream, never holding more than a chunk of it in memory.
/// That is what the no-JavaScript upload form needs; the form puts its file input last.
final class MultipartReader<Body: AsyncSequence & Sendable>: @unchecked Sendable where Body.Element == ByteBuffer {
    struct Part {
        let name: String
        let fileName: String?
        let contentType: String?
    }

    private var iterator: Body.AsyncIterator
    private var buffer: [UInt8]
    private let delimiter: [UInt8]
    private var finished = false
    private var inPart = false

    /// nil unless the content type is multipart/form-data with a boundary.
    init?(contentType: String?, body: Body) {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data"),
            let range = contentType.range(of: "boundary=")
        else { return nil }
        var boundary = String(contentType[range.upperBound...].split(separator: ";").first ?? "")
        boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        guard !boundary.isEmpty, boundary.count <= 200 else { return nil }
        iterator = body.makeAsyncIterator()
        delimiter = Array("\r\n--\(boundary)".utf8)
        // The first boundary has no line break before it; give it one so that every delimiter looks alike.
        buffer = Array("\r\n".utf8)
    }

    private func fill() async throws -> Bool {
        guard let chunk = try await iterator.next() else { return false }
        buffer.append(contentsOf: chunk.readableBytesView)
        return true
    }

    private func find(_ needle: [UInt8], from start: Int = 0) -> Int? {
        guard buffer.count >= needle.count + start else { return nil }
        var i = start
        let last = buffer.count - needle.count
        while i <= last {
            if buffer[i] == needle[0] && Array(buffer[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    /// Skips to the next part and reads its headers; nil after the closing boundary.
    func nextPart() async throws -> Part? {
        guard !finished else { return nil }
        if inPart { while try await nextChunk(limit: 1 << 16) != nil {} }
        // Find the delimiter, then the end of the headers.
        while find(delimiter) == nil { guard try await fill() else { throw malformed() } }
        let at = find(delimiter)!
        buffer.removeFirst(at + delimiter.count)
        while buffer.count < 2 { guard try await fill() else { throw malformed() } }
        if buffer[0] == UInt8(ascii: "-") && buffer[1] == UInt8(ascii: "-") {
            finished = true
            return nil
        }
        let headerEnd = Array("\r\n\r\n".utf8)
        while find(headerEnd) == nil {
            guard buffer.count < 16_384, try await fill() else { throw malformed() }
        }
        let end = find(headerEnd)!
        let text = String(decoding: buffer[0..<end], as: UTF8.self)
        buffer.removeFirst(end + headerEnd.count)
        var name: String?, fileName: String?, contentType: String?
        for line in text.split(separator: "\r\n") {
            let lower = line.lowercased()
            if lower.hasPrefix("content-disposition:") {
                name = Self.parameter("name", in: String(line))
                fileName = Self.parameter("filename", in: String(line))
            } else if lower.hasPrefix("content-type:") {
                contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
            }
        }
        guard let name else { throw malformed() }
        inPart = true
        return Part(name: name, fileName: fileName, contentType: contentType)
    }

    /// The next piece of the current part's content; nil at its end.
    func nextChunk(limit: Int) async throws -> [UInt8]? {
        guard inPart else { return nil }
        while true {
            if let at = find(delimiter) {
                if at == 0 {
                    inPart = false
                    return nil
                }
                let chunk = Array(buffer[0..<min(at, limit)])
                buffer.removeFirst(chunk.count)
                return chunk
            }
            // Everything but a possible partial delimiter at the end can go.
            let safe = buffer.count - delimiter.count + 1
            if safe > 0 {
                let chunk = Array(buffer[0..<min(safe, limit)])
                buffer.removeFirst(chunk.count)
                return chunk
            }
            guard try await fill() else { throw malformed() }
        }
    }

    /// A text field's value, at most `limit` bytes.
    func text(limit: Int = 4_096) async throws -> String {
        var bytes: [UInt8] = []
        while let chunk = try await nextChunk(limit: limit) {
            bytes += chunk
            guard bytes.count <= limit else { throw Problem(.payloadTooLarge, detail: "a form field is longer than \(limit) bytes") }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The current part's content as a stream, for `UploadStore`.
    func contents() -> Contents { Contents(reader: self) }

    struct Contents: AsyncSequence, Sendable {
        typealias Element = ByteBuffer
        let reader: MultipartReader

        struct AsyncIterator: AsyncIteratorProtocol {
            let reader: MultipartReader
            mutating func next() async throws -> ByteBuffer? {
                try await reader.nextChunk(limit: 1 << 20).map { ByteBuffer(bytes: $0) }
            }
        }

        func makeAsyncIterator() -> AsyncIterator { AsyncIterator(reader: reader) }
    }

    private func malformed() -> Problem {
        Problem(.badRequest, detail: "the form upload is incomplete or malformed; choose the file again and resend")
    }

    /// `name="file"` in `form-data; name="file"; filename="PLNT23.csv"`.
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";") {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            guard trimmed.lowercased().hasPrefix(key + "=") else { continue }
            let value = trimmed.dropFirst(key.count + 1).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            // Browsers send the base name; an old one may send a Windows path.
            return String(value.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? Substring(value))
        }
        return nil
    }
}
