import FluentKit
import Foundation

/// Row of `settings`.
public final class SettingRecord: Model, @unchecked Sendable {
    public static let schema = "settings"

    @ID(key: .id) public var id: UUID?
    @Field(key: "key") public var key: String
    @Field(key: "value") public var value: String

    public init() {}
}
