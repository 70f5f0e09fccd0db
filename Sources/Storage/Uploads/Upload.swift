import Foundation

/// A file received by the server and kept in the database (in 1 MiB parts) until the job that reads it is done.
///
/// Uploads live in the database, not on a local disk, so that a worker on another instance sharing the same
/// PostgreSQL can read what this instance received.
public struct Upload: Sendable, Equatable, Codable {
    public enum State: String, Sendable, Codable {
        /// Parts are still arriving; an upload left in this state lost its request (disconnect, crash).
        case receiving
        case complete
    }

    public var id: UUID
    public var ownerID: UUID?
    /// What the upload is for (`series.import`, `plants.egrid`), so that one module never reads another's files.
    public var purpose: String
    public var filename: String?
    public var contentType: String?
    public var state: State
    /// Bytes received.
    public var size: Int
    /// Lower-case hex SHA-256 of the whole file, set when complete.
    public var sha256: String?
    public var partCount: Int
    public var createdAt: Date
    public var completedAt: Date?

    public init(
        id: UUID, ownerID: UUID?, purpose: String, filename: String?, contentType: String?, state: State, size: Int,
        sha256: String?, partCount: Int, createdAt: Date, completedAt: Date?
    ) {
        self.id = id
        self.ownerID = ownerID
        self.purpose = purpose
        self.filename = filename
        self.contentType = contentType
        self.state = state
        self.size = size
        self.sha256 = sha256
        self.partCount = partCount
        self.createdAt = createdAt
        self.completedAt = completedAt
    }
}
