import FluentKit

/// The Grid module: stored topologies (`grids`, one `powerhouse.grid/v1` document each, with a version counter),
/// uploaded weather files (`grid_weather`), simulation runs with their immutable inputs (`grid_simulations`), each
/// run's per-house totals (`grid_simulation_houses`) and the series store ids of its per-step results
/// (`grid_simulation_series`).
struct CreateGridTables: AsyncMigration {
    var name: String { "010_CreateGridTables" }

    func prepare(on database: any Database) async throws {
        try await database.schema(GridRecord.schema)
            .id()
            .field("name", .string, .required)
            .field("name_key", .string, .required)
            .field("document", .string, .required)
            .field("version", .int, .required)
            .field("house_count", .int, .required)
            .field("transformer_count", .int, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.createIndex("grids_name_key", on: GridRecord.schema, columns: ["name_key"], unique: true)

        try await database.schema(GridWeatherRecord.schema)
            .id()
            .field("name", .string, .required)
            .field("format", .string, .required)
            .field("content", .data, .required)
            .field("size", .int64, .required)
            .field("description", .string, .required)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .create()
        try await database.createIndex("grid_weather_created", on: GridWeatherRecord.schema, columns: ["created_at"])

        try await database.schema(GridSimulationRecord.schema)
            .id()
            .field("name", .string, .required)
            .field("grid_id", .uuid)
            .field("grid_name", .string, .required)
            .field("grid_version", .int)
            .field("job_id", .uuid, .required)
            .field("state", .string, .required)
            .field("parameters", .string, .required)
            .field("topology", .string, .required)
            .field("weather_id", .uuid)
            .field("weather_name", .string, .required)
            .field("house_count", .int, .required)
            .field("kpis", .string)
            .field("error", .string)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .field("finished_at", .datetime)
            .create()
        try await database.createIndex("grid_simulations_created", on: GridSimulationRecord.schema, columns: ["created_at"])
        try await database.createIndex("grid_simulations_job", on: GridSimulationRecord.schema, columns: ["job_id"])

        try await database.schema(GridSimulationRows.housesTable)
            .field("simulation_id", .uuid, .required, .references(GridSimulationRecord.schema, .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("name", .string, .required)
            .field("grid", .string, .required)
            .field("transformer", .string, .required)
            .field("result", .string, .required)
            .compositeIdentifier(over: "simulation_id", "position")
            .create()

        try await database.schema(GridSimulationRows.seriesTable)
            .field("simulation_id", .uuid, .required, .references(GridSimulationRecord.schema, .id, onDelete: .cascade))
            .field("level", .string, .required)
            .field("name", .string, .required)
            .field("metric", .string, .required)
            .field("series_id", .uuid, .required)
            .compositeIdentifier(over: "simulation_id", "level", "name", "metric")
            .create()
    }

    func revert(on database: any Database) async throws { throw ForwardOnlyMigrationError(name: name) }
}
