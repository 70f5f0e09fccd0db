import Foundation
import Storage

/// The topics clients may subscribe to, and who may. A subscription `S` receives events whose topic is `S`
/// or starts with `S:` — so `jobs` receives `jobs:<id>` events and `jobs:<id>` only that job's.
public struct EventTopicRule: Sendable {
    /// Topic prefix, such as `jobs`.
    public let name: String
    public let permission: Permission
    /// With this permission a subscriber also receives events owned by others.
    public let seeAllPermission: Permission?

    public init(name: String, permission: Permission, seeAllPermission: Permission?) {
        self.name = name
        self.permission = permission
        self.seeAllPermission = seeAllPermission
    }
}

public enum EventTopics {
    public static let jobs = EventTopicRule(name: "jobs", permission: .jobsRead, seeAllPermission: .jobsReadAll)

    public static func job(_ id: UUID) -> String { "jobs:\(id.uuidString.lowercased())" }

    public static func matches(subscription: String, topic: String) -> Bool {
        topic == subscription || topic.hasPrefix(subscription + ":")
    }

    /// Whether `identity` may receive `event` on a subscription governed by `rule`.
    public static func visible(_ event: StoredEvent, to identity: Identity, rule: EventTopicRule) -> Bool {
        guard let owner = event.ownerID, owner != identity.user.id else { return true }
        return rule.seeAllPermission.map(identity.can) ?? false
    }
}
