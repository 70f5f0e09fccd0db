import FluentKit
import Foundation
import SQLKit

/// Table names of a run's result rows (SQLKit: composite keys).
enum GridSimulationRows {
    static let housesTable = "grid_simulation_houses"
    static let seriesTable = "grid_simulation_series"
    /// Rows per INSERT (6 binds each).
    static let insertBatch = 100
}

/// Simulation runs: inputs at creation, results in one transaction at the end (`complete`), so a run that failed,
/// was cancelled or lost its worker has no results at all.
public struct GridSimulationRepository: Sendable {
    let db: any Database

    public init(_ db: any Database) { self.db = db }

    public func create(
        id: UUID = UUID(), name: String, gridID: UUID?, gridName: String, gridVersion: Int?, jobID: UUID, parameters: String,
        topology: String, weatherID: UUID?, weatherName: String, houseCount: Int, createdBy: UUID?, now: Date
    ) async throws -> StoredSimulation {
        let record = GridSimulationRecord()
        record.id = id
        record.name = name
        record.gridID = gridID
        record.gridName = gridName
        record.gridVersion = gridVersion
        record.jobID = jobID
        record.state = "queued"
        record.parameters = parameters
        record.topology = topology
        record.weatherID = weatherID
        record.weatherName = weatherName
        record.houseCount = houseCount
        record.createdBy = createdBy
        record.createdAt = now
        try await record.create(on: db)
        return record.domain
    }

    public func find(id: UUID) async throws -> StoredSimulation? {
        try await GridSimulationRecord.find(id, on: db)?.domain
    }

    public func find(jobID: UUID) async throws -> StoredSimulation? {
        try await GridSimulationRecord.query(on: db).filter(\.$jobID == jobID).first()?.domain
    }

    /// Newest first, without topology snapshots (`topology` is empty); `before` is the `(createdAt, id)` of the last
    /// run of the previous page.
    public func list(gridID: UUID? = nil, before: (Date, UUID)?, limit: Int) async throws -> [StoredSimulation] {
        var query = db.sql.select()
            .columns(
                "id", "name", "grid_id", "grid_name", "grid_version", "job_id", "state", "parameters", "weather_id", "weather_name",
                "house_count", "kpis", "error", "created_by", "created_at", "finished_at")
            .from(GridSimulationRecord.schema)
        if let gridID { query = query.where("grid_id", .equal, SQLBind(gridID)) }
        if let (date, id) = before {
            query = query.where { group in
                group.where("created_at", .lessThan, SQLBind(date))
                    .orWhere { same in same.where("created_at", .equal, SQLBind(date)).where("id", .lessThan, SQLBind(id)) }
            }
        }
        return try await query.orderBy("created_at", .descending).orderBy("id", .descending).limit(limit).all().map { row in
            StoredSimulation(
                id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                gridID: try row.decode(column: "grid_id", as: UUID?.self), gridName: try row.decode(column: "grid_name", as: String.self),
                gridVersion: try row.decode(column: "grid_version", as: Int?.self), jobID: try row.decode(column: "job_id", as: UUID.self),
                state: try row.decode(column: "state", as: String.self), parameters: try row.decode(column: "parameters", as: String.self),
                topology: "", weatherID: try row.decode(column: "weather_id", as: UUID?.self),
                weatherName: try row.decode(column: "weather_name", as: String.self),
                houseCount: try row.decode(column: "house_count", as: Int.self), kpis: try row.decode(column: "kpis", as: String?.self),
                error: try row.decode(column: "error", as: String?.self), createdBy: try row.decode(column: "created_by", as: UUID?.self),
                createdAt: try row.decode(column: "created_at", as: Date.self), finishedAt: try row.decode(column: "finished_at", as: Date?.self))
        }
    }

    /// Records a state change the run itself observed (`running`, `failed`, `cancelled`); never touches a
    /// `succeeded` run.
    public func setState(id: UUID, _ state: String, error: String? = nil, now: Date) async throws {
        var update = db.sql.update(GridSimulationRecord.schema).set("state", to: SQLBind(state)).set("error", to: SQLBind(error))
        if state != "running" { update = update.set("finished_at", to: SQLBind(now)) }
        try await update.where("id", .equal, SQLBind(id)).where("state", .notEqual, SQLBind("succeeded")).run()
    }

    /// Stores every result of a run and marks it succeeded. Call inside the transaction that also writes the
    /// run's series. Returns false (and writes nothing) when the run is gone or already complete.
    public func complete(
        id: UUID, kpis: String, houses: [SimulationHouseRow], series: [SimulationSeriesLink], now: Date
    ) async throws -> Bool {
        guard let record = try await GridSimulationRecord.find(id, on: db), record.state != "succeeded" else { return false }
        for start in stride(from: 0, to: houses.count, by: GridSimulationRows.insertBatch) {
            var insert = db.sql.insert(into: GridSimulationRows.housesTable)
                .columns("simulation_id", "position", "name", "grid", "transformer", "result")
            for h in houses[start..<min(start + GridSimulationRows.insertBatch, houses.count)] {
                insert = insert.values(SQLBind(id), SQLBind(h.position), SQLBind(h.name), SQLBind(h.grid), SQLBind(h.transformer), SQLBind(h.result))
            }
            try await insert.run()
        }
        for start in stride(from: 0, to: series.count, by: GridSimulationRows.insertBatch) {
            var insert = db.sql.insert(into: GridSimulationRows.seriesTable).columns("simulation_id", "level", "name", "metric", "series_id")
            for s in series[start..<min(start + GridSimulationRows.insertBatch, series.count)] {
                insert = insert.values(SQLBind(id), SQLBind(s.level), SQLBind(s.name), SQLBind(s.metric), SQLBind(s.seriesID))
            }
            try await insert.run()
        }
        record.state = "succeeded"
        record.kpis = kpis
        record.error = nil
        record.finishedAt = now
        try await record.update(on: db)
        return true
    }

    /// Per-house results in topology order; `names` restricts to those houses.
    public func houses(simulationID: UUID, names: [String]? = nil) async throws -> [SimulationHouseRow] {
        var query = db.sql.select().columns("position", "name", "grid", "transformer", "result").from(GridSimulationRows.housesTable)
            .where("simulation_id", .equal, SQLBind(simulationID))
        if let names {
            guard !names.isEmpty else { return [] }
            query = query.where("name", .in, SQLBind.group(names))
        }
        return try await query.orderBy("position").all().map { row in
            SimulationHouseRow(
                position: try row.decode(column: "position", as: Int.self), name: try row.decode(column: "name", as: String.self),
                grid: try row.decode(column: "grid", as: String.self), transformer: try row.decode(column: "transformer", as: String.self),
                result: try row.decode(column: "result", as: String.self))
        }
    }

    /// One page of per-house results in topology order (optionally one transformer's houses) and how many there are.
    public func housePage(simulationID: UUID, transformer: String? = nil, offset: Int, limit: Int) async throws -> (rows: [SimulationHouseRow], total: Int) {
        func filtered(_ query: SQLSelectBuilder) -> SQLSelectBuilder {
            var query = query.from(GridSimulationRows.housesTable).where("simulation_id", .equal, SQLBind(simulationID))
            if let transformer { query = query.where("transformer", .equal, SQLBind(transformer)) }
            return query
        }
        let total = try await filtered(db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")).first()?
            .decode(column: "n", as: Int.self) ?? 0
        let rows = try await filtered(db.sql.select().columns("position", "name", "grid", "transformer", "result"))
            .orderBy("position").limit(limit).offset(offset).all().map { row in
                SimulationHouseRow(
                    position: try row.decode(column: "position", as: Int.self), name: try row.decode(column: "name", as: String.self),
                    grid: try row.decode(column: "grid", as: String.self), transformer: try row.decode(column: "transformer", as: String.self),
                    result: try row.decode(column: "result", as: String.self))
            }
        return (rows, total)
    }

    public func seriesLinks(simulationID: UUID, level: String? = nil, name: String? = nil) async throws -> [SimulationSeriesLink] {
        var query = db.sql.select().columns("level", "name", "metric", "series_id").from(GridSimulationRows.seriesTable)
            .where("simulation_id", .equal, SQLBind(simulationID))
        if let level { query = query.where("level", .equal, SQLBind(level)) }
        if let name { query = query.where("name", .equal, SQLBind(name)) }
        return try await query.orderBy("level").orderBy("name").orderBy("metric").all().map { row in
            SimulationSeriesLink(
                level: try row.decode(column: "level", as: String.self), name: try row.decode(column: "name", as: String.self),
                metric: try row.decode(column: "metric", as: String.self), seriesID: try row.decode(column: "series_id", as: UUID.self))
        }
    }

    /// Deletes a run with its results and its series; false when it did not exist.
    @discardableResult
    public func delete(id: UUID) async throws -> Bool {
        guard let record = try await GridSimulationRecord.find(id, on: db) else { return false }
        let links = try await seriesLinks(simulationID: id)
        try await db.sql.delete(from: GridSimulationRows.seriesTable).where("simulation_id", .equal, SQLBind(id)).run()
        try await db.sql.delete(from: GridSimulationRows.housesTable).where("simulation_id", .equal, SQLBind(id)).run()
        let store = SeriesStore(db)
        for link in links { _ = try await store.delete(id: link.seriesID) }
        try await record.delete(on: db)
        return true
    }

    public func count() async throws -> Int { try await GridSimulationRecord.query(on: db).count() }
}
