import FluentKit
import Foundation

/// Row of `uploads`: one received file. Its bytes are in `upload_parts`.
public final class UploadRecord: Model, @unchecked Sendable {
    public static let schema = "uploads"

    @ID(key: .id) public var id: UUID?
    @OptionalField(key: "owner_id") public var ownerID: UUID?
    @Field(key: "purpose") public var purpose: String
    @OptionalField(key: "filename") public var filename: String?
    @OptionalField(key: "content_type") public var contentType: String?
    @Field(key: "state") public var state: String
    @Field(key: "size") public var size: Int64
    @OptionalField(key: "sha256") public var sha256: String?
    @Field(key: "part_count") public var partCount: Int
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "completed_at") public var completedAt: Date?

    public init() {}

    var domain: Upload {
        Upload(
            id: id!, ownerID: ownerID, purpose: purpose, filename: filename, contentType: contentType,
            state: Upload.State(rawValue: state) ?? .receiving, size: Int(size), sha256: sha256, partCount: partCount,
            createdAt: createdAt, completedAt: completedAt)
    }
}
