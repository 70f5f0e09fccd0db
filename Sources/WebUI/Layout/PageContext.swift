import Foundation

/// What every page needs to know about the request: who is looking, what they may open, the CSRF token for
/// forms, where they are, and a one-time notice to show.
public struct PageContext: Sendable {
    public struct Viewer: Sendable {
        public let username: String
        public let displayName: String
        public let role: String
        public let permissions: Set<String>

        public init(username: String, displayName: String, role: String, permissions: Set<String>) {
            self.username = username
            self.displayName = displayName
            self.role = role
            self.permissions = permissions
        }

        public func can(_ permission: String) -> Bool { permissions.contains(permission) }
    }

    public enum NoticeKind: String, Sendable { case info, success, error }

    public struct Notice: Sendable {
        public let kind: NoticeKind
        public let text: String

        public init(_ kind: NoticeKind, _ text: String) {
            self.kind = kind
            self.text = text
        }
    }

    public let viewer: Viewer?
    public let csrfToken: String?
    public let path: String
    public let version: String
    public var notice: Notice?

    public init(viewer: Viewer?, csrfToken: String?, path: String, version: String, notice: Notice? = nil) {
        self.viewer = viewer
        self.csrfToken = csrfToken
        self.path = path
        self.version = version
        self.notice = notice
    }

    /// A cache-busted link to a static asset.
    public func asset(_ path: String) -> String { "/static/\(path)?v=\(version)" }
}
