import Storage

/// What may be done. Routes name the permission they need; roles get permissions here and nowhere else.
public enum Permission: String, CaseIterable, Sendable, Codable {
    case usersRead = "users.read"
    case usersManage = "users.manage"
    case auditRead = "audit.read"
    /// See one's own jobs and their events.
    case jobsRead = "jobs.read"
    /// See everyone's jobs.
    case jobsReadAll = "jobs.read_all"
    case jobsSubmit = "jobs.submit"
    /// Cancel one's own jobs (with `jobs.read_all`: anyone's).
    case jobsCancel = "jobs.cancel"
    case apiKeysManage = "api_keys.manage"
    case systemMaintain = "system.maintain"
    case seriesRead = "series.read"
    case seriesWrite = "series.write"
    case gridRead = "grid.read"
    case gridWrite = "grid.write"
    case simulationsRun = "simulations.run"
    case plantsRead = "plants.read"
    case plantsImport = "plants.import"
}

/// The permission matrix: one table, used by every route (through `Endpoint.access`) and every page.
///
/// | permission        | admin | engineer | analyst | viewer |
/// |-------------------|:-----:|:--------:|:-------:|:------:|
/// | users.read        |   ✓   |          |         |        |
/// | users.manage      |   ✓   |          |         |        |
/// | audit.read        |   ✓   |          |         |        |
/// | jobs.read         |   ✓   |    ✓     |    ✓    |   ✓    |
/// | jobs.read_all     |   ✓   |          |         |        |
/// | jobs.submit       |   ✓   |    ✓     |    ✓    |        |
/// | jobs.cancel       |   ✓   |    ✓     |    ✓    |        |
/// | api_keys.manage   |   ✓   |    ✓     |         |        |
/// | system.maintain   |   ✓   |          |         |        |
/// | series.read       |   ✓   |    ✓     |    ✓    |   ✓    |
/// | series.write      |   ✓   |    ✓     |         |        |
/// | grid.read         |   ✓   |    ✓     |    ✓    |   ✓    |
/// | grid.write        |   ✓   |    ✓     |         |        |
/// | simulations.run   |   ✓   |    ✓     |    ✓    |        |
/// | plants.read       |   ✓   |    ✓     |    ✓    |   ✓    |
/// | plants.import     |   ✓   |    ✓     |    ✓    |        |
public enum PermissionMatrix {
    public static func permissions(of role: Role) -> Set<Permission> {
        switch role {
        case .admin:
            return Set(Permission.allCases)
        case .engineer:
            return [
                .jobsRead, .jobsSubmit, .jobsCancel, .apiKeysManage, .seriesRead, .seriesWrite, .gridRead, .gridWrite,
                .simulationsRun, .plantsRead, .plantsImport,
            ]
        case .analyst:
            return [.jobsRead, .jobsSubmit, .jobsCancel, .seriesRead, .gridRead, .simulationsRun, .plantsRead, .plantsImport]
        case .viewer:
            return [.jobsRead, .seriesRead, .gridRead, .plantsRead]
        }
    }

    private static let table: [Role: Set<Permission>] = Dictionary(
        uniqueKeysWithValues: Role.allCases.map { ($0, permissions(of: $0)) })

    public static func allows(_ role: Role, _ permission: Permission) -> Bool {
        table[role]?.contains(permission) ?? false
    }
}
