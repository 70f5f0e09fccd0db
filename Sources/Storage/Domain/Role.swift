/// The four roles of Powerhouse. What each may do is decided in one place: `PermissionMatrix` (Platform).
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
    case admin, engineer, analyst, viewer

    /// Ordered from most to least privileged, so that lists read naturally.
    private var rank: Int {
        switch self {
        case .admin: 0
        case .engineer: 1
        case .analyst: 2
        case .viewer: 3
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}
