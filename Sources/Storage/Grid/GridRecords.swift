import FluentKit
import Foundation

/// Row of `grids`: one stored topology, the whole `powerhouse.grid/v1` document as text.
public final class GridRecord: Model, @unchecked Sendable {
    public static let schema = "grids"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    /// Lower-cased name: names are unique regardless of case on both databases.
    @Field(key: "name_key") public var nameKey: String
    @Field(key: "document") public var document: String
    @Field(key: "version") public var version: Int
    @Field(key: "house_count") public var houseCount: Int
    @Field(key: "transformer_count") public var transformerCount: Int
    @OptionalField(key: "created_by") public var createdBy: UUID?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    var domain: StoredGrid {
        StoredGrid(
            id: id!, name: name, document: document, version: version, houseCount: houseCount,
            transformerCount: transformerCount, createdBy: createdBy, createdAt: createdAt, updatedAt: updatedAt)
    }
}

/// Row of `grid_weather`: an uploaded weather file (TMY3, EPW or plain CSV), kept whole.
public final class GridWeatherRecord: Model, @unchecked Sendable {
    public static let schema = "grid_weather"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "format") public var format: String
    @Field(key: "content") public var content: Data
    @Field(key: "size") public var size: Int64
    @Field(key: "description") public var description: String
    @OptionalField(key: "latitude") public var latitude: Double?
    @OptionalField(key: "longitude") public var longitude: Double?
    @OptionalField(key: "created_by") public var createdBy: UUID?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// Row of `grid_simulations`: a run's immutable inputs (topology snapshot, parameters, weather), its job, and —
/// once it succeeded — its KPIs.
public final class GridSimulationRecord: Model, @unchecked Sendable {
    public static let schema = "grid_simulations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @OptionalField(key: "grid_id") public var gridID: UUID?
    @Field(key: "grid_name") public var gridName: String
    @OptionalField(key: "grid_version") public var gridVersion: Int?
    @Field(key: "job_id") public var jobID: UUID
    @Field(key: "state") public var state: String
    @Field(key: "parameters") public var parameters: String
    @Field(key: "topology") public var topology: String
    @OptionalField(key: "weather_id") public var weatherID: UUID?
    @Field(key: "weather_name") public var weatherName: String
    @Field(key: "house_count") public var houseCount: Int
    @OptionalField(key: "kpis") public var kpis: String?
    @OptionalField(key: "error") public var error: String?
    @OptionalField(key: "created_by") public var createdBy: UUID?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "finished_at") public var finishedAt: Date?

    public init() {}

    var domain: StoredSimulation {
        StoredSimulation(
            id: id!, name: name, gridID: gridID, gridName: gridName, gridVersion: gridVersion, jobID: jobID,
            state: state, parameters: parameters, topology: topology, weatherID: weatherID, weatherName: weatherName,
            houseCount: houseCount, kpis: kpis, error: error, createdBy: createdBy, createdAt: createdAt,
            finishedAt: finishedAt)
    }
}
