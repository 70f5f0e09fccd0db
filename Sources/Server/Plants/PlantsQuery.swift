import Foundation
import Hummingbird
import PlantData
import Platform
import Storage

/// Query parameters of the Plants routes: parsed strictly, so a wrong value is a 400 naming the parameter.
extension Query {
    /// Comma-separated values (`state=TX,OK`), each trimmed; empty when absent.
    func list(_ name: String, maxCount: Int = 100) throws -> [String] {
        guard let text = try string(name, maxLength: 2_000) else { return [] }
        let values = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard values.count <= maxCount else { throw Problem.badQuery(name, "takes at most \(maxCount) values") }
        return values
    }

    func double(_ name: String, range: ClosedRange<Double>) throws -> Double? {
        guard let text = try string(name) else { return nil }
        guard let value = Double(text), value.isFinite, range.contains(value) else {
            throw Problem.badQuery(name, "must be a number from \(NumberText.plain(range.lowerBound)) to \(NumberText.plain(range.upperBound))")
        }
        return value
    }

    func bool(_ name: String) throws -> Bool? {
        guard let text = try string(name) else { return nil }
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw Problem.badQuery(name, "must be true or false")
        }
    }

    func year(_ name: String = "year") throws -> Int? {
        guard try string(name) != nil else { return nil }
        return try int(name, default: 0, range: 1990...2100)
    }

    /// One of `choices`, compared case-insensitively.
    func choice(_ name: String, _ choices: [String]) throws -> String? {
        guard let text = try string(name) else { return nil }
        guard let match = choices.first(where: { $0.caseInsensitiveCompare(text) == .orderedSame }) else {
            throw Problem.badQuery(name, "must be one of \(choices.joined(separator: ", "))")
        }
        return match
    }

    func level(_ name: String = "level", default value: RegionLevel? = nil) throws -> RegionLevel? {
        guard let key = try choice(name, RegionLevel.allCases.map(PlantNames.levelKey)) else { return value }
        return PlantNames.level(key)
    }

    func pollutant(_ name: String = "pollutant") throws -> Pollutant {
        guard let key = try choice(name, Pollutant.allCases.map(\.rawValue)) else { return .co2 }
        return Pollutant(rawValue: key)!
    }
}

enum NumberText {
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// The filters shared by plant search, exports, the map, rankings and distributions.
enum PlantFilters {
    static let fuelCategories = ResourceFuel.allCases.map(\.fuelCategory)
    static let sortKeys: [(String, PlantQuery.SortField)] = [
        ("name", .name), ("orispl", .plantID), ("state", .state), ("capacity", .capacity),
        ("net_generation", .netGeneration), ("capacity_factor", .capacityFactor), ("co2", .co2), ("co2_rate", .co2Rate),
    ]

    static let parameters: [Endpoint.Parameter] = [
        .init("year", "integer", "data year (default: the latest year with plant data)"),
        .init("release", "string", "release label (default: the newest import of the year)"),
        .init("state", "string", "state abbreviations, comma-separated (TX,OK)"),
        .init("fuel_category", "string", "PLFUELCT values, comma-separated: \(fuelCategories.joined(separator: ", "))"),
        .init("primary_fuel", "string", "PLPRMFL values, comma-separated (NG,SUB,WND)"),
        .init("min_capacity", "number", "smallest nameplate capacity, MW"),
        .init("max_capacity", "number", "largest nameplate capacity, MW"),
        .init("ba", "string", "balancing authority codes, comma-separated"),
        .init("subregion", "string", "eGRID subregions, comma-separated"),
        .init("nerc", "string", "NERC regions, comma-separated"),
        .init("operator", "string", "text in the operator's name"),
        .init("q", "string", "text in the plant's name (case- and accent-insensitive)"),
    ]

    static func query(_ request: Request) throws -> PlantQuery {
        let q = Query(request)
        var query = PlantQuery()
        query.states = Set(try q.list("state").map { state in
            guard state.count == 2, state.allSatisfy(\.isLetter) else {
                throw Problem.badQuery("state", "\"\(state)\" is not a two-letter state abbreviation")
            }
            return state.uppercased()
        })
        query.fuelCategories = Set(try q.list("fuel_category").map { fuel in
            guard let known = fuelCategories.first(where: { $0.caseInsensitiveCompare(fuel) == .orderedSame }) else {
                throw Problem.badQuery("fuel_category", "\"\(fuel)\" is not one of \(fuelCategories.joined(separator: ", "))")
            }
            return known
        })
        query.primaryFuels = Set(try q.list("primary_fuel").map { $0.uppercased() })
        query.balancingAuthorities = Set(try q.list("ba"))
        query.subregions = Set(try q.list("subregion").map { $0.uppercased() })
        query.nercRegions = Set(try q.list("nerc").map { $0.uppercased() })
        query.minimumCapacity = try q.double("min_capacity", range: 0...1_000_000)
        query.maximumCapacity = try q.double("max_capacity", range: 0...1_000_000)
        if let lo = query.minimumCapacity, let hi = query.maximumCapacity, lo > hi {
            throw Problem.badQuery("max_capacity", "must not be below min_capacity")
        }
        query.operatorName = try q.string("operator")
        query.text = try q.string("q")
        return query
    }

    static func sorted(_ request: Request, _ query: PlantQuery) throws -> PlantQuery {
        let q = Query(request)
        var query = query
        if let key = try q.choice("sort", sortKeys.map(\.0)) {
            query.sort = sortKeys.first { $0.0 == key }!.1
        }
        query.descending = try q.choice("order", ["asc", "desc"]) == "desc"
        return query
    }
}

/// What a Plants request is about once its year and release are resolved: the dataset and its plants.
struct PlantScope: Sendable {
    let catalog: PlantCatalog
    let year: Int
    let release: String?
    let dataset: PlantDataset
    let plants: [Plant]

    /// The plants of `year` (default: the latest year with plant data), from the newest import of that year
    /// or of `release`. 404 when none is loaded.
    static func resolve(_ request: Request, store: PlantStore) async throws -> PlantScope {
        let q = Query(request)
        let catalog = try await store.catalog()
        let release = try q.string("release")
        let years = catalog.years(.plant)
        guard let year = try q.year() ?? years.last else {
            throw Problem(.notFound, detail: "no eGRID plant data is loaded: import a plant sheet (POST /api/v1/plants/imports or `powerhouse import egrid`)")
        }
        guard let dataset = catalog.source(.plant, year: year, release: release) else {
            let loaded = years.isEmpty ? "none" : years.map(String.init).joined(separator: ", ")
            throw Problem(.notFound, detail: "no plant data for \(year)\(release.map { " in release \"\($0)\"" } ?? "") (years with plants: \(loaded))")
        }
        let all = try await store.plants(dataset)
        // A plant sheet holds one year; filtering would copy 12,000 plants on every uncached answer.
        let plants = dataset.years == [year] ? all : all.filter { $0.year == year }
        return PlantScope(catalog: catalog, year: year, release: release, dataset: dataset, plants: plants)
    }
}

/// EPA's published region rows of one year, by level, with the datasets they came from.
struct RegionScope: Sendable {
    let year: Int
    let records: [RegionLevel: [RegionRecord]]
    let sources: [RegionLevel: PlantDataset]

    static func resolve(year: Int, release: String?, catalog: PlantCatalog, store: PlantStore) async throws -> RegionScope {
        var records: [RegionLevel: [RegionRecord]] = [:]
        let sources = catalog.regionSources(year: year, release: release)
        for (level, dataset) in sources {
            records[level] = try await store.regions(dataset).filter { $0.level == level && $0.year == year }
        }
        return RegionScope(year: year, records: records, sources: sources)
    }

    var all: [RegionRecord] { RegionLevel.allCases.flatMap { records[$0] ?? [] } }
}
