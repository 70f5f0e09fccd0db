import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// HTTP/1.1 over a plain TCP socket to 127.0.0.1, for talking to chromedriver.
///
/// Why not URLSession: on Linux its curl-based implementation fails some of chromedriver's responses ("Failed
/// writing header") and can hang without honouring its timeout. The protocol needed here is tiny: one request
/// per connection (`Connection: close`), a JSON body, a JSON answer.
enum PlainHTTP {
    struct Response {
        let status: Int
        let body: Data
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Blocking socket calls run here, off Swift's small cooperative thread pool, which the server under test needs.
    private static let queue = DispatchQueue(label: "browser-tests.http", attributes: .concurrent)

    static func send(_ method: String, _ url: URL, body: Data?, timeout: TimeInterval) async throws -> Response {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try exchange(method, url, body: body, timeout: timeout) })
            }
        }
    }

    private static func exchange(_ method: String, _ url: URL, body: Data?, timeout: TimeInterval) throws -> Response {
        guard let port = url.port else { throw Failure(description: "no port in \(url)") }
        let socket = try connect(port: UInt16(port), timeout: timeout)
        defer { close(socket) }
        var head = "\(method) \(url.path.isEmpty ? "/" : url.path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
        head += "Connection: close\r\nAccept: application/json\r\n"
        if let body { head += "Content-Type: application/json; charset=utf-8\r\nContent-Length: \(body.count)\r\n" }
        try write(socket, Data((head + "\r\n").utf8) + (body ?? Data()))
        return try readAnswer(socket)
    }

    private static func connect(port: UInt16, timeout: TimeInterval) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket() failed: \(errno)") }
        // A bounded wait on every read and write: a stuck browser fails the test instead of hanging it.
        var limit = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(socket)
            throw Failure(description: "cannot connect to 127.0.0.1:\(port): errno \(errno)")
        }
        return socket
    }

    private static func write(_ socket: Int32, _ data: Data) throws {
        var offset = 0
        while offset < data.count {
            let written = data[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw Failure(description: "send failed: errno \(errno)") }
            offset += written
        }
    }

    /// Reads one answer. chromedriver keeps the connection open despite `Connection: close`, so the end is where
    /// Content-Length (or the last chunk) says, not the end of the stream.
    private static func readAnswer(_ socket: Int32) throws -> Response {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            if let response = try complete(data) { return response }
            let count = recv(socket, &buffer, buffer.count, 0)
            if count == 0 {
                guard let response = try complete(data, closed: true) else { throw Failure(description: "connection closed early") }
                return response
            }
            guard count > 0 else { throw Failure(description: "no answer in time (errno \(errno))") }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    /// The answer in `data` if it is all there.
    private static func complete(_ data: Data, closed: Bool = false) throws -> Response? {
        guard let end = data.firstRange(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).lowercased()
        let statusLine = head.prefix { $0 != "\r" }.split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure(description: "bad status: \(head)") }
        let body = Data(data[end.upperBound...])
        let fields = head.split(separator: "\r\n").map { $0.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) } }
        if let length = fields.first(where: { $0.first == "content-length" }).flatMap({ Int($0.last ?? "") }) {
            return body.count >= length ? Response(status: status, body: body.prefix(length)) : nil
        }
        if fields.contains(where: { $0.first == "transfer-encoding" && $0.last == "chunked" }) {
            return body.range(of: Data("0\r\n\r\n".utf8)) != nil ? Response(status: status, body: try unchunk(body)) : nil
        }
        return closed ? Response(status: status, body: body) : nil
    }

    private static func unchunk(_ data: Data) throws -> Data {
        var result = Data()
        var rest = data[...]
        while let lineEnd = rest.firstRange(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw Failure(description: "bad chunk size")
            }
            if size == 0 { break }
            let start = lineEnd.upperBound
            result.append(rest[start..<start + size])
            rest = rest[(start + size + 2)...]
        }
        return result
    }
}
