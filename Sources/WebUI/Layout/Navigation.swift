/// The main navigation: every module, whether built yet or not, so people see the whole product.
public struct NavigationItem: Sendable {
    public let title: String
    public let path: String
    /// Shown only to viewers with this permission; nil = every signed-in viewer.
    public let permission: String?

    public static let main: [NavigationItem] = [
        .init(title: "Overview", path: "/", permission: nil),
        .init(title: "Series", path: "/series", permission: "series.read"),
        .init(title: "Grid", path: "/grid", permission: "grid.read"),
        .init(title: "Plants", path: "/plants", permission: "plants.read"),
        .init(title: "Maintenance", path: "/maintenance", permission: nil),
        .init(title: "Operations", path: "/operations", permission: nil),
        .init(title: "Jobs", path: "/jobs", permission: "jobs.read"),
    ]

    public static let admin: [NavigationItem] = [
        .init(title: "Users", path: "/admin/users", permission: "users.read"),
        .init(title: "Audit log", path: "/admin/audit", permission: "audit.read"),
        .init(title: "API", path: "/api/docs", permission: nil),
    ]

    func isCurrent(_ path: String) -> Bool {
        self.path == "/" ? path == "/" : path == self.path || path.hasPrefix(self.path + "/")
    }
}
