import FluentKit

/// Every migration in order. Append only: a migration that has shipped is never edited or removed.
enum AllMigrations {
    static let list: [any Migration] = [
        CreateUsers(),
        CreateCredentials(),
        CreateAuditEntries(),
        CreateJobs(),
        CreateEvents(),
        CreateSettings(),
        CreateUploads(),
        CreatePlantTables(),
        CreateSeries(),
        CreateGridTables(),
    ]
}
