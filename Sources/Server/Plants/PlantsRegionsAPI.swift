import Foundation
import Hummingbird
import PlantData
import Platform
import Storage

/// Region figures (aggregated from plants or as EPA published them), trends across loaded years, the
/// consistency report and emission factors: `/api/v1/plants/…`.
enum PlantsRegionsAPI {
    enum Source: String { case plants, published }

    /// The figures of one level for one year, from the chosen source.
    struct Figures: Sendable {
        let level: RegionLevel
        let year: Int
        let source: Source
        let aggregates: [RegionAggregate]
        let records: [RegionRecord]
        let datasets: [PlantDataset]

        var views: [RegionFiguresView] {
            source == .plants ? aggregates.map(RegionFiguresView.init) : records.map(RegionFiguresView.init)
        }
    }

    struct FiguresList: Encodable {
        let level: String
        let year: Int
        let source: String
        let byFuel: Bool
        let datasets: [DatasetRef]
        let items: [RegionFiguresView]
    }

    static let levelParameter = Endpoint.Parameter(
        "level", "string", "state (default), ba, subregion, nerc or us")
    static let sourceParameter = Endpoint.Parameter(
        "source", "string", "plants (aggregated from the plant sheet) or published (EPA's region sheets); default plants when the year has plants")

    /// Resolves year and source (default: plants when that year has plant data, else EPA's region sheets).
    static func figures(_ request: Request, store: PlantStore, level: RegionLevel, byFuel: Bool, codes: Set<String>) async throws -> Figures {
        let q = Query(request)
        let catalog = try await store.catalog()
        let release = try q.string("release")
        var source = try q.choice("source", ["plants", "published"]).flatMap(Source.init)
        let requestedYear = try q.year()
        if source == nil {
            let hasPlants = requestedYear.map { catalog.source(.plant, year: $0, release: release) != nil } ?? !catalog.years(.plant).isEmpty
            source = hasPlants ? .plants : .published
        }
        if source == .published && byFuel {
            throw Problem.badQuery("by_fuel", "EPA's region sheets have no rows per fuel category; use source=plants")
        }
        switch source! {
        case .plants:
            let scope = try await PlantScope.resolve(request, store: store)
            var aggregates = PlantAggregator.aggregate(scope.plants, by: level, byFuel: byFuel)
            if !codes.isEmpty { aggregates = aggregates.filter { codes.contains($0.code.uppercased()) } }
            return Figures(level: level, year: scope.year, source: .plants, aggregates: aggregates, records: [], datasets: [scope.dataset])
        case .published:
            let years = catalog.years(level.sheetKind)
            guard let year = requestedYear ?? years.last else {
                throw Problem(.notFound, detail: "no EPA \(PlantNames.sheetTitle(level)) is loaded: import one (state.csv, subregion.csv, US.csv …)")
            }
            guard let dataset = catalog.source(level.sheetKind, year: year, release: release) else {
                throw Problem(.notFound, detail: "no EPA \(PlantNames.sheetTitle(level)) for \(year) (loaded years: \(years.map(String.init).joined(separator: ", ")))")
            }
            var records = try await store.regions(dataset).filter { $0.level == level && $0.year == year }
            if !codes.isEmpty { records = records.filter { codes.contains($0.code.uppercased()) } }
            return Figures(level: level, year: year, source: .published, aggregates: [], records: records, datasets: [dataset])
        }
    }

    struct TrendView: Encodable {
        let level: String
        let code: String
        let fuelCategory: String?
        let metric: String
        let unit: String
        let points: [RegionTrend.Point]
        let changes: [RegionTrend.Change]

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: AnyKey.self)
            try c.encode(level, forKey: AnyKey("level"))
            try c.encode(code, forKey: AnyKey("code"))
            try c.encode(fuelCategory, forKey: AnyKey("fuel_category"))
            try c.encode(metric, forKey: AnyKey("metric"))
            try c.encode(unit, forKey: AnyKey("unit"))
            try c.encode(points, forKey: AnyKey("points"))
            try c.encode(changes, forKey: AnyKey("changes"))
        }
    }

    struct TrendList: Encodable {
        let level: String
        let source: String
        let years: [Int]
        let items: [TrendView]
    }

    static func metricKey(_ metric: RegionMetric) -> String {
        metric.rawValue.reduce(into: "") { out, ch in
            if ch.isUppercase { out += "_" + ch.lowercased() } else { out.append(ch) }
        }
    }

    struct ConsistencyView: Encodable {
        struct Counts: Encodable { let ok: Int; let differs: Int; let publishedMissing: Int; let computedMissing: Int }
        let year: Int
        let plantDataset: DatasetRef?
        let regionDatasets: [DatasetRef]
        let consistent: Bool
        let counts: Counts
        let unmatchedRegions: [String]
        let rows: [ConsistencyReport.Row]
        let rollups: [RegionRollup.Row]
    }

    static func consistency(year requested: Int?, release: String?, status: String?, store: PlantStore) async throws -> ConsistencyView {
        let catalog = try await store.catalog()
        let plantYears = Set(catalog.years(.plant)), regionYears = catalog.regionYears
        guard let year = requested ?? regionYears.filter(plantYears.contains).last ?? regionYears.last ?? plantYears.max() else {
            throw Problem(.notFound, detail: "nothing to compare: import a plant sheet and EPA's region sheets of the same year")
        }
        let regions = try await RegionScope.resolve(year: year, release: release, catalog: catalog, store: store)
        var rows: [ConsistencyReport.Row] = []
        var unmatched: [String] = []
        let plantDataset = catalog.source(.plant, year: year, release: release)
        if let plantDataset {
            let plants = try await store.plants(plantDataset).filter { $0.year == year }
            let report = ConsistencyCheck.plants(plants, against: regions.all)
            rows = report.rows
            unmatched = report.unmatchedRegions
        }
        var rollups: [RegionRollup.Row] = []
        if let us = regions.records[.us]?.first {
            for level in [RegionLevel.state, .balancingAuthority, .subregion, .nercRegion] {
                guard let parts = regions.records[level], !parts.isEmpty else { continue }
                rollups += RegionRollup.compare(parts, level: level, against: us)
            }
        }
        guard plantDataset != nil || !rollups.isEmpty else {
            throw Problem(.notFound, detail: "nothing to compare for \(year): import the plant sheet and EPA's region sheets (or a US sheet with a lower level)")
        }
        let counts = ConsistencyView.Counts(
            ok: rows.filter { $0.status == .ok }.count + rollups.filter { $0.status == "ok" }.count,
            differs: rows.filter { $0.status == .differs }.count + rollups.filter { $0.status == "differs" }.count,
            publishedMissing: rows.filter { $0.status == .publishedMissing }.count + rollups.filter { $0.status == "published_missing" }.count,
            computedMissing: rows.filter { $0.status == .computedMissing }.count + rollups.filter { $0.status == "computed_missing" }.count)
        if let status {
            rows = rows.filter { statusKey($0.status) == status }
            rollups = rollups.filter { $0.status == status }
        }
        let regionDatasets = Array(Set(regions.sources.values.map(\.id))).compactMap(catalog.dataset).sorted { $0.importedAt < $1.importedAt }
        return ConsistencyView(
            year: year, plantDataset: plantDataset.map(DatasetRef.init), regionDatasets: regionDatasets.map(DatasetRef.init),
            consistent: counts.differs == 0, counts: counts, unmatchedRegions: unmatched, rows: rows, rollups: rollups)
    }

    static func statusKey(_ status: ConsistencyReport.Status) -> String {
        switch status {
        case .ok: "ok"
        case .differs: "differs"
        case .publishedMissing: "published_missing"
        case .computedMissing: "computed_missing"
        }
    }

    static func add(to routes: Routes, store: PlantStore) {
        let aggregateParameters: [Endpoint.Parameter] = [
            levelParameter, .init("by_fuel", "boolean", "one row per fuel category (PLFUELCT) too"), sourceParameter,
            .init("code", "string", "region codes, comma-separated (default: all)"),
            PlantFilters.parameters[0], PlantFilters.parameters[1],
        ]

        routes.add(
            Endpoint(.get, "/api/v1/plants/aggregates", access: .permission(.plantsRead),
                     summary: "Totals, output and input emission rates (recomputed from summed masses), resource mix and capacity factor by state, BA, subregion, NERC region or US, optionally by fuel",
                     tag: "plants", parameters: aggregateParameters, response: "RegionFiguresList")
        ) { request, _ in
            let q = Query(request)
            let level = try q.level(default: .state)!
            let byFuel = try q.bool("by_fuel") ?? false
            let codes = Set(try q.list("code").map { $0.uppercased() })
            return try await PlantAnswers.json(request, store: store) {
                let f = try await figures(request, store: store, level: level, byFuel: byFuel, codes: codes)
                return FiguresList(level: PlantNames.levelKey(level), year: f.year, source: f.source.rawValue, byFuel: byFuel,
                                   datasets: f.datasets.map(DatasetRef.init), items: f.views)
            }
        }

        routes.add(
            Endpoint(.get, "/api/v1/plants/aggregates.csv", access: .permission(.plantsRead),
                     summary: "Region aggregates from plants as CSV in the codes of EPA's region sheets (SRNAMEPCAP, SRCO2RTA …)",
                     tag: "plants", parameters: aggregateParameters.filter { $0.name != "source" }, responseType: "text/csv")
        ) { request, _ in
            let q = Query(request)
            let level = try q.level(default: .state)!
            let byFuel = try q.bool("by_fuel") ?? false
            let codes = Set(try q.list("code").map { $0.uppercased() })
            if try q.choice("source", ["plants", "published"]) == "published" {
                throw Problem.badQuery("source", "the CSV export is of aggregates from plants; EPA's own sheets are the published CSV")
            }
            return try await PlantAnswers.respond(request, store: store) {
                let scope = try await PlantScope.resolve(request, store: store)
                var aggregates = PlantAggregator.aggregate(scope.plants, by: level, byFuel: byFuel)
                if !codes.isEmpty { aggregates = aggregates.filter { codes.contains($0.code.uppercased()) } }
                return (Data(RegionExport.csv(aggregates).utf8), "text/csv; charset=utf-8")
            }
        }

        routes.add(
            Endpoint(.get, "/api/v1/plants/trends", access: .permission(.plantsRead),
                     summary: "Year-over-year change of region figures across every loaded year", tag: "plants",
                     parameters: [
                        levelParameter, .init("code", "string", "region codes, comma-separated (default: all)"),
                        .init("metric", "string", "metrics, comma-separated: " + RegionMetric.allCases.map(metricKey).joined(separator: ", ")),
                        .init("by_fuel", "boolean", "per fuel category (source plants only)"), sourceParameter,
                        PlantFilters.parameters[1],
                     ],
                     response: "RegionTrendList")
        ) { request, _ in
            let q = Query(request)
            let level = try q.level(default: .us)!
            let codes = Set(try q.list("code").map { $0.uppercased() })
            let byFuel = try q.bool("by_fuel") ?? false
            let metrics = try q.list("metric").map { key in
                guard let metric = RegionMetric.allCases.first(where: { metricKey($0) == key.lowercased() }) else {
                    throw Problem.badQuery("metric", "\"\(key)\" is not one of \(RegionMetric.allCases.map(metricKey).joined(separator: ", "))")
                }
                return metric
            }
            let release = try q.string("release")
            let sourceChoice = try q.choice("source", ["plants", "published"])
            return try await PlantAnswers.json(request, store: store) {
                let catalog = try await store.catalog()
                let source = sourceChoice.flatMap(Source.init) ?? (catalog.years(.plant).isEmpty ? .published : .plants)
                if source == .published && byFuel {
                    throw Problem.badQuery("by_fuel", "EPA's region sheets have no rows per fuel category; use source=plants")
                }
                var figures: [any RegionFigures] = []
                var years: [Int] = []
                switch source {
                case .plants:
                    for year in catalog.years(.plant) {
                        guard let dataset = catalog.source(.plant, year: year, release: release) else { continue }
                        let plants = try await store.plants(dataset).filter { $0.year == year }
                        figures += PlantAggregator.aggregate(plants, by: level, byFuel: byFuel).filter { codes.isEmpty || codes.contains($0.code.uppercased()) }
                        years.append(year)
                    }
                case .published:
                    for year in catalog.years(level.sheetKind) {
                        guard let dataset = catalog.source(level.sheetKind, year: year, release: release) else { continue }
                        figures += try await store.regions(dataset).filter {
                            $0.level == level && $0.year == year && (codes.isEmpty || codes.contains($0.code.uppercased()))
                        }
                        years.append(year)
                    }
                }
                let trends = YearOverYear.trends(figures, metrics: metrics.isEmpty ? RegionMetric.allCases : metrics)
                return TrendList(level: PlantNames.levelKey(level), source: source.rawValue, years: years, items: trends.map {
                    TrendView(level: PlantNames.levelKey($0.level), code: $0.code, fuelCategory: $0.fuelCategory,
                              metric: metricKey($0.metric), unit: $0.metric.unit, points: $0.points, changes: $0.changes)
                })
            }
        }

        routes.add(
            Endpoint(.get, "/api/v1/plants/consistency", access: .permission(.plantsRead),
                     summary: "Consistency report: the plant sheet aggregated by region vs EPA's region sheets of the same year, column by column; and each region level summed vs EPA's US row",
                     tag: "plants",
                     parameters: [
                        .init("year", "integer", "data year (default: the latest year with both plants and region sheets)"),
                        PlantFilters.parameters[1],
                        .init("status", "string", "only rows with this status: ok, differs, published_missing, computed_missing"),
                     ],
                     response: "ConsistencyReport")
        ) { request, _ in
            let q = Query(request)
            let year = try q.year()
            let release = try q.string("release")
            let status = try q.choice("status", ["ok", "differs", "published_missing", "computed_missing"])
            return try await PlantAnswers.json(request, store: store) {
                try await consistency(year: year, release: release, status: status, store: store)
            }
        }

        routes.add(
            Endpoint(.get, "/api/v1/plants/emission-factors", access: .permission(.plantsRead),
                     summary: "Grid emission factors of an eGRID subregion: output emission rates in lb/MWh and kg/kWh (EPA's published subregion row when loaded, else aggregated from plants)",
                     tag: "plants",
                     parameters: [
                        .init("year", "integer", "data year (default: the latest year with data for the subregion)"),
                        .init("subregion", "string", "eGRID subregion acronym, e.g. ERCT (required)"),
                     ],
                     response: "EmissionFactors")
        ) { request, _ in
            let q = Query(request)
            guard let subregion = try q.string("subregion", maxLength: 12)?.uppercased() else {
                throw Problem.badQuery("subregion", "is required: an eGRID subregion acronym such as ERCT")
            }
            guard subregion.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                throw Problem.badQuery("subregion", "\"\(subregion)\" is not an eGRID subregion acronym (letters and digits, such as ERCT)")
            }
            let year = try q.year()
            return try await PlantAnswers.json(request, store: store) {
                let (factors, dataset) = try await emissionFactors(subregion: subregion, year: year, store: store)
                return EmissionFactorsView(factors, dataset: dataset)
            }
        }
    }

    /// A subregion's factors: EPA's published row of the year when loaded, else aggregated from the plant sheet;
    /// without a year, the latest year that has either. Also what a Grid simulation prices its imports with.
    static func emissionFactors(
        subregion: String, year requested: Int?, store: PlantStore
    ) async throws -> (EmissionFactors, PlantDataset) {
        let catalog = try await store.catalog()
        let years = requested.map { [$0] } ?? Array(Set(catalog.years(.subregion) + catalog.years(.plant))).sorted().reversed()
        for year in years {
            if let dataset = catalog.source(.subregion, year: year),
                let record = try await store.regions(dataset).first(where: { $0.level == .subregion && $0.year == year && $0.code.uppercased() == subregion }) {
                return (EmissionFactors(record), dataset)
            }
            if let dataset = catalog.source(.plant, year: year) {
                let plants = try await store.plants(dataset).filter { $0.year == year }
                if let factors = EmissionFactors.subregion(subregion, year: year, plants: plants.filter { $0.subregion?.uppercased() == subregion }) {
                    return (factors, dataset)
                }
            }
        }
        if let requested {
            throw Problem.notFound("emission factors for subregion \(subregion) in \(requested)")
        }
        throw Problem.notFound("emission factors for subregion \(subregion)")
    }
}
