import Crypto
import FluentKit
import Foundation
import Hummingbird
import Storage

/// Streams request bodies into the database and back: the platform's one way to receive files.
///
/// ```swift
/// let upload = try await platform.uploads.store(request.body, owner: user.id, purpose: "series.import",
///                                               filename: "meter.csv", expectedLength: contentLength)
/// for try await part in platform.uploads.read(upload.id) { consume(part) }   // in a job, on any instance
/// try await platform.uploads.delete(upload.id, on: tx)                       // with the job's final write
/// ```
///
/// - The body is written in parts of ``partSize`` (1 MiB) as it arrives, computing SHA-256 on the way; memory
///   stays at one part whatever the file size.
/// - More than ``limit`` bytes (`limits.upload_bytes`) is a 413 problem; a declared `Content-Length` over the
///   limit is refused before reading anything. Whatever went wrong, a failed upload leaves no rows.
/// - Uploads are in the database, so a worker on another instance can read them. Whoever consumes an upload
///   deletes it (best in the transaction that stores its result); `maintenance.vacuum` sweeps the rest
///   after ``staleAfter``.
/// - `purpose` keeps modules apart: check it (and the owner) before reading an upload a client names.
public struct UploadStore: Sendable {
    public static let partSize = 1 << 20
    /// Age after which `maintenance.vacuum` removes an upload nobody consumed (a lost transfer, a failed import
    /// that was never retried).
    public static let staleAfter: TimeInterval = 7 * 86_400

    let database: AppDatabase
    let clock: AppClock
    /// Largest accepted upload, in bytes.
    public let limit: Int

    public init(database: AppDatabase, clock: AppClock, limit: Int) {
        self.database = database
        self.clock = clock
        self.limit = limit
    }

    /// Receives `body` completely and returns the finished upload.
    public func store<Body: AsyncSequence>(
        _ body: Body, owner: UUID?, purpose: String, filename: String? = nil, contentType: String? = nil,
        expectedLength: Int? = nil
    ) async throws -> Upload where Body.Element == ByteBuffer {
        if let expectedLength, expectedLength > limit { throw tooLarge() }
        let repository = UploadRepository(database.db)
        let upload = try await repository.create(
            ownerID: owner, purpose: purpose, filename: filename, contentType: contentType, now: clock.now)
        do {
            var hasher = SHA256()
            var part: [UInt8] = []
            part.reserveCapacity(Self.partSize)
            var size = 0
            var parts = 0
            for try await received in body {
                var buffer = received
                size += buffer.readableBytes
                if size > limit { throw tooLarge() }
                buffer.withUnsafeReadableBytes { hasher.update(bufferPointer: $0) }
                while buffer.readableBytes > 0 {
                    let take = min(Self.partSize - part.count, buffer.readableBytes)
                    buffer.withUnsafeReadableBytes { part.append(contentsOf: $0.prefix(take)) }
                    buffer.moveReaderIndex(forwardBy: take)
                    if part.count == Self.partSize {
                        try await repository.appendPart(uploadID: upload.id, index: parts, bytes: part)
                        parts += 1
                        part.removeAll(keepingCapacity: true)
                    }
                }
            }
            if !part.isEmpty {
                try await repository.appendPart(uploadID: upload.id, index: parts, bytes: part)
                parts += 1
            }
            let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
            guard let done = try await repository.complete(id: upload.id, size: size, sha256: digest, partCount: parts, now: clock.now)
            else { throw Problem.notFound("upload \(upload.id)") }
            return done
        } catch {
            try? await repository.delete(id: upload.id)
            throw error
        }
    }

    public func find(_ id: UUID) async throws -> Upload? {
        try await UploadRepository(database.db).find(id: id)
    }

    /// The parts of a complete upload, in order (each up to ``partSize`` bytes).
    public func read(_ id: UUID) -> UploadContents {
        UploadContents(id: id, database: database)
    }

    /// The first `count` bytes (or the whole file if shorter): for sniffing a format without reading it all.
    public func head(_ id: UUID, bytes count: Int) async throws -> Data {
        var out = Data()
        for try await part in read(id) {
            out.append(part.prefix(count - out.count))
            if out.count >= count { break }
        }
        return out
    }

    /// Deletes an upload and its parts, on `db` when given (a transaction that stores what the upload became).
    @discardableResult
    public func delete(_ id: UUID, on db: (any Database)? = nil) async throws -> Bool {
        try await UploadRepository(db ?? database.db).delete(id: id)
    }

    /// Deletes uploads older than `age` seconds: abandoned transfers and files nobody imported.
    @discardableResult
    public func deleteStale(olderThan age: TimeInterval) async throws -> Int {
        try await UploadRepository(database.db).deleteCreated(before: clock.now.addingTimeInterval(-age))
    }

    private func tooLarge() -> Problem {
        Problem(.payloadTooLarge, detail: "uploads are limited to \(limit) bytes (limits.upload_bytes)")
    }
}

/// The parts of one upload, fetched from the database one at a time as they are consumed.
public struct UploadContents: AsyncSequence, Sendable {
    public typealias Element = Data
    let id: UUID
    let database: AppDatabase

    public struct AsyncIterator: AsyncIteratorProtocol {
        let id: UUID
        let database: AppDatabase
        var index = 0

        public mutating func next() async throws -> Data? {
            guard let part = try await UploadRepository(database.db).part(uploadID: id, index: index) else { return nil }
            index += 1
            return part
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(id: id, database: database) }
}

extension PlatformServices {
    /// Streamed uploads limited to `limits.upload_bytes`.
    public var uploads: UploadStore { UploadStore(database: database, clock: clock, limit: config.uploadLimit) }
}
