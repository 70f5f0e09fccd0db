import Foundation

/// A stored topology. `document` is the canonical `powerhouse.grid/v1` text (the server parses it with GridModel);
/// `version` grows by one with every change.
public struct StoredGrid: Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var document: String
    public var version: Int
    public var houseCount: Int
    public var transformerCount: Int
    public var createdBy: UUID?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID, name: String, document: String, version: Int, houseCount: Int, transformerCount: Int, createdBy: UUID?,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.document = document
        self.version = version
        self.houseCount = houseCount
        self.transformerCount = transformerCount
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// An uploaded weather file; `content` is only loaded by `GridWeatherRepository.content(id:)`.
public struct StoredWeather: Sendable, Equatable {
    public var id: UUID
    public var name: String
    /// `tmy3`, `epw` or `csv`.
    public var format: String
    public var size: Int
    /// The reader's one-line description (station, interval, rows).
    public var description: String
    public var latitude: Double?
    public var longitude: Double?
    public var createdBy: UUID?
    public var createdAt: Date
}

/// A simulation run. `parameters` and `topology` are JSON text fixed at creation; `kpis` (the KPI document
/// without per-house figures) is set, with every other result, in the one transaction that completes the run.
public struct StoredSimulation: Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var gridID: UUID?
    public var gridName: String
    public var gridVersion: Int?
    public var jobID: UUID
    /// `queued`, `running`, `succeeded`, `failed` or `cancelled` as the run itself recorded it; the job has the
    /// last word while the run is not `succeeded` (a worker that died cannot record anything).
    public var state: String
    public var parameters: String
    public var topology: String
    public var weatherID: UUID?
    public var weatherName: String
    public var houseCount: Int
    public var kpis: String?
    public var error: String?
    public var createdBy: UUID?
    public var createdAt: Date
    public var finishedAt: Date?
}

/// One house's results in a run: totals, monthly totals and KPIs as JSON text.
public struct SimulationHouseRow: Sendable, Equatable {
    public var position: Int
    public var name: String
    public var grid: String
    public var transformer: String
    public var result: String

    public init(position: Int, name: String, grid: String, transformer: String, result: String) {
        self.position = position
        self.name = name
        self.grid = grid
        self.transformer = transformer
        self.result = result
    }
}

/// Where one per-step result series of a run lives in the series store.
public struct SimulationSeriesLink: Sendable, Equatable, Hashable {
    /// `transformer`, `grid` or `house`.
    public var level: String
    public var name: String
    /// Column name such as `flow_kw` or `load_kw`.
    public var metric: String
    public var seriesID: UUID

    public init(level: String, name: String, metric: String, seriesID: UUID) {
        self.level = level
        self.name = name
        self.metric = metric
        self.seriesID = seriesID
    }
}
