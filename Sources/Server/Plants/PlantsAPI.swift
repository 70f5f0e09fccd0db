import Foundation
import Hummingbird
import PlantData
import Platform
import Storage

/// Plant search, detail, facets, rankings, distributions and exports: `/api/v1/plants…`.
enum PlantsAPI {
    struct SearchPage: Encodable {
        let year: Int
        let dataset: DatasetRef
        let total: Int
        let items: [PlantSummaryView]
        let nextCursor: String?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: AnyKey.self)
            try c.encode(year, forKey: AnyKey("year"))
            try c.encode(dataset, forKey: AnyKey("dataset"))
            try c.encode(total, forKey: AnyKey("total"))
            try c.encode(items, forKey: AnyKey("items"))
            try c.encode(nextCursor, forKey: AnyKey("next_cursor"))
        }
    }

    struct FacetsView: Encodable {
        let year: Int
        let dataset: DatasetRef
        let years: [Int]
        let releases: [String]
        let facets: PlantFacets
    }

    struct RankingView: Encodable {
        let year: Int
        let dataset: DatasetRef
        let rank: String
        let pollutant: String
        let unit: String
        let items: [Entry]

        struct Entry: Encodable {
            let rank: Int
            let value: Double
            let plant: PlantSummaryView
        }
    }

    struct DistributionView: Encodable {
        let year: Int
        let dataset: DatasetRef
        let metric: String
        let unit: String
        let distribution: Distribution
    }

    static func add(to routes: Routes, store: PlantStore) {
        routes.add(
            Endpoint(.get, "/api/v1/plants", access: .permission(.plantsRead),
                     summary: "Search plants of a data year: filters, sort, pages", tag: "plants",
                     parameters: PlantFilters.parameters + [
                        .init("sort", "string", PlantFilters.sortKeys.map(\.0).joined(separator: ", ") + " (default name)"),
                        .init("order", "string", "asc or desc"), .init("limit", "integer", "page size, 1–200"),
                        .init("cursor", "string", "from next_cursor"),
                     ],
                     response: "PlantPage")
        ) { request, _ in
            let query = try PlantFilters.sorted(request, try PlantFilters.query(request))
            let q = Query(request)
            let limit = try q.limit()
            let offset = try q.cursor().map { text -> Int in
                guard text.hasPrefix("o:"), let value = Int(text.dropFirst(2)), value >= 0 else {
                    throw Problem.badQuery("cursor", "is not a cursor this server gave out")
                }
                return value
            } ?? 0
            return try await PlantAnswers.json(request, store: store) {
                let scope = try await PlantScope.resolve(request, store: store)
                var paged = query
                paged.offset = offset
                paged.limit = limit
                let page = paged.run(on: scope.plants)
                return SearchPage(
                    year: scope.year, dataset: DatasetRef(scope.dataset), total: page.total,
                    items: page.items.map(PlantSummaryView.init), nextCursor: page.nextOffset.map { Cursor.encode("o:\($0)") })
            }
        }

        routes.add(
            Endpoint(.get, "/api/v1/plants/facets", access: .permission(.plantsRead),
                     summary: "Values the plant filters can take, with counts; loaded years and releases", tag: "plants",
                     parameters: [PlantFilters.parameters[0], PlantFilters.parameters[1]], response: "PlantFacets")
        ) { request, _ in
            try await PlantAnswers.json(request, store: store) {
                let scope = try await PlantScope.resolve(request, store: store)
                return FacetsView(year: scope.year, dataset: DatasetRef(scope.dataset), years: scope.catalog.years(.plant),
                                  releases: scope.catalog.releases, facets: PlantFacets(scope.plants))
            }
        }

        routes.add(
            Endpoint(.get, "/api/v1/plants/top", access: .permission(.plantsRead),
                     summary: "Top-N plants by annual emissions or by output emission rate (recomputed per plant)", tag: "plants",
                     parameters: PlantFilters.parameters + [
                        .init("rank", "string", "emissions (default) or rate"),
                        .init("pollutant", "string", Pollutant.allCases.map(\.rawValue).joined(separator: ", ") + " (default co2)"),
                        .init("count", "integer", "how many, 1–100 (default 10)"),
                        .init("min_generation", "number", "MWh a plant must generate to be ranked (default 0 for emissions, 10000 for rates)"),
                     ],
                     response: "PlantRanking")
        ) { request, _ in
            let filters = try PlantFilters.query(request)
            let q = Query(request)
            let rank = try q.choice("rank", ["emissions", "rate"]) ?? "emissions"
            let pollutant = try q.pollutant()
            let count = try q.int("count", default: 10, range: 1...100)
            let minimum = try q.double("min_generation", range: -1e12...1e12)
            return try await PlantAnswers.json(request, store: store) {
                let scope = try await PlantScope.resolve(request, store: store)
                let plants = scope.plants.filter(filters.matches)
                let entries = rank == "rate"
                    ? PlantRanking.highestRates(plants, pollutant: pollutant, count: count, minimumGeneration: minimum ?? 10_000)
                    : PlantRanking.topEmitters(plants, pollutant: pollutant, count: count, minimumGeneration: minimum)
                return RankingView(
                    year: scope.year, dataset: DatasetRef(scope.dataset), rank: rank, pollutant: pollutant.rawValue,
                    unit: rank == "rate" ? "lb/MWh" : (pollutant.massUnit == .pounds ? "lb" : "short tons"),
                    items: entries.map { RankingView.Entry(rank: $0.rank, value: $0.value, plant: PlantSummaryView($0.plant)) })
            }
        }

        routes.add(
            Endpoint(.get, "/api/v1/plants/distributions", access: .permission(.plantsRead),
                     summary: "Histogram and quantiles of plant capacity factors or output emission rates", tag: "plants",
                     parameters: PlantFilters.parameters + [
                        .init("metric", "string", "capacity_factor (default) or output_rate"),
                        .init("pollutant", "string", "for output_rate (default co2)"),
                        .init("bins", "integer", "histogram bins, 1–100 (default 20)"),
                        .init("min_generation", "number", "for output_rate: MWh a plant must generate (default 1)"),
                     ],
                     response: "PlantDistribution")
        ) { request, _ in
            let filters = try PlantFilters.query(request)
            let q = Query(request)
            let metric = try q.choice("metric", ["capacity_factor", "output_rate"]) ?? "capacity_factor"
            let pollutant = try q.pollutant()
            let bins = try q.int("bins", default: 20, range: 1...100)
            let minimum = try q.double("min_generation", range: 0...1e12) ?? 1
            return try await PlantAnswers.json(request, store: store) {
                let scope = try await PlantScope.resolve(request, store: store)
                let plants = scope.plants.filter(filters.matches)
                let distribution = metric == "output_rate"
                    ? Distribution.outputRates(plants, pollutant: pollutant, minimumGeneration: minimum, binCount: bins)
                    : Distribution.capacityFactors(plants, binCount: bins)
                return DistributionView(
                    year: scope.year, dataset: DatasetRef(scope.dataset),
                    metric: metric == "output_rate" ? "\(pollutant.rawValue)_output_rate" : metric,
                    unit: metric == "output_rate" ? "lb/MWh" : "fraction", distribution: distribution)
            }
        }

        routes.add(
            Endpoint(.get, "/api/v1/plants/export.csv", access: .permission(.plantsRead),
                     summary: "The filtered plants as CSV in eGRID's codes (one code row with YEAR; reads back as a plant sheet)",
                     tag: "plants", parameters: PlantFilters.parameters + [.init("sort", "string", "as for the search"), .init("order", "string", "asc or desc")],
                     responseType: "text/csv")
        ) { request, _ in
            var query = try PlantFilters.sorted(request, try PlantFilters.query(request))
            return try await PlantAnswers.respond(request, store: store) {
                let scope = try await PlantScope.resolve(request, store: store)
                query.limit = Int.max / 2
                let plants = query.run(on: scope.plants).items
                return (Data(PlantExport.csv(plants).utf8), "text/csv; charset=utf-8")
            }
        }

        routes.add(
            Endpoint(.get, "/api/v1/plants/geojson", access: .permission(.plantsRead),
                     summary: "The filtered plants with coordinates as a GeoJSON FeatureCollection (Point [lon, lat])",
                     tag: "plants", parameters: PlantFilters.parameters, responseType: "application/geo+json")
        ) { request, _ in
            let query = try PlantFilters.query(request)
            return try await PlantAnswers.respond(request, store: store) {
                let scope = try await PlantScope.resolve(request, store: store)
                let (data, _) = try PlantGeoJSON.encode(scope.plants.filter(query.matches))
                return (data, "application/geo+json")
            }
        }

        routes.add(
            Endpoint(.get, "/api/v1/plants/:id", access: .permission(.plantsRead),
                     summary: "One plant (id `2023-3` = year and ORISPL, or just the ORISPL for the latest year) with its generators, units and every column of its row",
                     tag: "plants", parameters: [PlantFilters.parameters[1]], response: "PlantDetail")
        ) { request, context in
            let (year, orispl) = try plantID(context)
            return try await PlantAnswers.json(request, store: store) {
                try await detail(year: year, orispl: orispl, release: try Query(request).string("release"), store: store)
            }
        }
    }

    /// `2023-3` → (2023, 3); `3` → (nil, 3); anything else names no plant.
    static func plantID(_ context: AppRequestContext) throws -> (Int?, Int) {
        let text = context.parameters.get("id") ?? ""
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, let year = Int(parts[0]), (1990...2100).contains(year), let id = Int(parts[1]), id >= 0 {
            return (year, id)
        }
        if parts.count == 1, let id = Int(parts[0]), id >= 0 { return (nil, id) }
        throw Problem.notFound("plant \(text.prefix(40))")
    }

    static func detail(year: Int?, orispl: Int, release: String?, store: PlantStore) async throws -> PlantDetailView {
        let catalog = try await store.catalog()
        let years = year.map { [$0] } ?? catalog.years(.plant).reversed()
        for year in years {
            guard let dataset = catalog.source(.plant, year: year, release: release) else { continue }
            guard let plant = try await store.plants(dataset).first(where: { $0.year == year && $0.plantID == orispl }) else { continue }
            let repository = PlantRepository(store.database.db)
            let cells = try await repository.plantCells(datasetID: dataset.id, year: year, plantID: orispl) ?? []
            var generators: [Generator] = [], units: [GeneratingUnit] = []
            if let source = catalog.source(.generator, year: year, release: release) {
                generators = try await repository.generators(datasetID: source.id, year: year, plantID: orispl)
            }
            if let source = catalog.source(.unit, year: year, release: release) {
                units = try await repository.units(datasetID: source.id, year: year, plantID: orispl)
            }
            return PlantDetailView(plant, generators: generators, units: units, cells: cells, dataset: dataset)
        }
        throw Problem.notFound("plant \(year.map { "\($0)-" } ?? "")\(orispl)")
    }
}
