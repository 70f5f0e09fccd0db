import Foundation
import Hummingbird
import PlantData
import Platform
import Storage
import WebUI

/// What the Plants pages show, built from the store's answers (the pages' routes are in `PlantsPages`).
extension PlantsPages {
    /// The page's plant scope, or nil when no plant sheet is loaded at all (the page then invites an import).
    static func pageScope(_ request: Request, store: PlantStore) async throws -> PlantScope? {
        let catalog = try await store.catalog()
        guard !catalog.years(.plant).isEmpty else { return nil }
        return try await PlantScope.resolve(request, store: store)
    }

    static func selection(_ scope: PlantScope) -> PlantsUI.Selection {
        PlantsUI.Selection(years: scope.catalog.years(.plant), year: scope.year, releases: scope.catalog.releases, release: scope.release)
    }

    static func source(_ dataset: PlantDataset) -> PlantsUI.Source {
        PlantsUI.Source(releaseLabel: dataset.releaseLabel, fileName: dataset.fileName, synthetic: dataset.synthetic)
    }

    static func filters(_ request: Request) -> PlantsMapPage.Filters {
        let p = request.uri.queryParameters
        func value(_ name: String) -> String? { p.get(name).flatMap { $0.isEmpty ? nil : String($0.prefix(200)) } }
        return PlantsMapPage.Filters(
            state: value("state"), fuelCategory: value("fuel_category"), minCapacity: value("min_capacity"), balancingAuthority: value("ba"),
            subregion: value("subregion"), nerc: value("nerc"), text: value("q"))
    }

    static func choices(_ plants: [Plant]) -> PlantsMapPage.Choices {
        let facets = PlantFacets(plants)
        return PlantsMapPage.Choices(
            states: facets.states.map(\.value), balancingAuthorities: facets.balancingAuthorities.map(\.value),
            subregions: facets.subregions.map(\.value), nercRegions: facets.nercRegions.map(\.value))
    }

    static func emptyMapModel() -> PlantsMapPage.Model {
        PlantsMapPage.Model(
            selection: PlantsUI.Selection(years: [], year: nil, releases: [], release: nil), sources: [], filters: .init(),
            choices: .init(states: [], balancingAuthorities: [], subregions: [], nercRegions: []), points: [], matching: 0,
            withoutCoordinates: 0, totals: .init(plants: 0, capacityMW: nil, generationMWh: nil, co2Tons: nil, co2RateLbPerMWh: nil),
            topEmitters: [], empty: true)
    }

    /// Sums over the shown plants, EPA's way (through the core's aggregator, at US level).
    struct RegionTotalsSummary {
        let capacity: Double?, generation: Double?, co2: Double?, co2Rate: Double?
        init(_ plants: [Plant]) {
            let us = PlantAggregator.aggregate(plants, by: .us).first
            capacity = us?.totals[.capacity]
            generation = us?.totals[.netGeneration]
            co2 = us?.totals.mass(.co2)
            co2Rate = us?.outputRates.co2
        }
    }

    static func region(_ view: RegionFiguresView) -> PlantRegionsPage.Region {
        func entries(_ values: NamedValues) -> [(String, Double?)] { values.entries }
        let totals = Dictionary(view.totals.entries, uniquingKeysWith: { a, _ in a })
        let mixShares = Dictionary(view.resourceMix.entries, uniquingKeysWith: { a, _ in a })
        let generation = Dictionary(view.generationByFuelMwh.entries, uniquingKeysWith: { a, _ in a })
        return PlantRegionsPage.Region(
            code: view.code, name: view.name, fuelCategory: view.fuelCategory, plantCount: view.plantCount,
            capacityMW: totals["capacity_mw"] ?? nil, generationMWh: totals["net_generation_mwh"] ?? nil,
            heatInputMMBtu: totals["heat_input_mmbtu"] ?? nil, capacityFactor: view.capacityFactor,
            masses: Pollutant.allCases.map { p in (p.rawValue, totals[PlantNames.massKey(p)] ?? nil, p.massUnit == .pounds ? "lb" : "short tons") },
            outputRates: entries(view.outputRatesLbPerMwh), inputRates: entries(view.inputRatesLbPerMmbtu),
            publishedRates: view.publishedOutputRatesLbPerMwh.map(entries),
            mix: ResourceFuel.allCases.map { fuel in
                (fuel.fuelCategory, generation[PlantNames.fuelKey(fuel)] ?? nil, mixShares[PlantNames.fuelKey(fuel)] ?? nil)
            })
    }

    static func regionModel(_ request: Request, level: RegionLevel, code: String, store: PlantStore, now: Date) async throws
        -> PlantRegionsPage.DetailModel
    {
        let figures = try await PlantsRegionsAPI.figures(request, store: store, level: level, byFuel: false, codes: [code])
        guard let view = figures.views.first else { throw Problem.notFound("region \(code) (\(PlantNames.levelTitle(level))) in \(figures.year)") }
        let release = try Query(request).string("release")
        var byFuel: [PlantRegionsPage.Region] = []
        var top: [PlantRegionsPage.TopPlant] = []
        var trend: [(Int, Double?, Double?)] = []
        let catalog = try await store.catalog()
        if figures.source == .plants, let dataset = figures.datasets.first {
            let plants = try await store.plants(dataset).filter { $0.year == figures.year && $0.regionCode(level)?.uppercased() == code }
            byFuel = PlantAggregator.aggregate(plants, by: level, byFuel: true).map { region(RegionFiguresView($0)) }
                .sorted { ($0.generationMWh ?? -.infinity) > ($1.generationMWh ?? -.infinity) }
            top = plants.sorted { ($0.netGeneration ?? -.infinity) > ($1.netGeneration ?? -.infinity) }.prefix(15).map { p in
                PlantRegionsPage.TopPlant(id: p.id, name: p.name, fuelCategory: p.fuelCategory, capacityMW: p.nameplateCapacity,
                                          generationMWh: p.netGeneration, co2Tons: p.emissions.co2,
                                          co2Rate: EmissionRate.output(.co2, mass: p.emissions.co2, generation: p.netGeneration))
            }
            for year in catalog.years(.plant) {
                guard let source = catalog.source(.plant, year: year, release: release) else { continue }
                let own = try await store.plants(source).filter { $0.year == year && $0.regionCode(level)?.uppercased() == code }
                if let a = PlantAggregator.aggregate(own, by: level).first { trend.append((year, a.outputRates.co2, a.totals[.netGeneration])) }
            }
        } else {
            for year in catalog.years(level.sheetKind) {
                guard let source = catalog.source(level.sheetKind, year: year, release: release),
                    let r = try await store.regions(source).first(where: { $0.level == level && $0.year == year && $0.code.uppercased() == code })
                else { continue }
                trend.append((year, r.value(.co2Rate), r.totals[.netGeneration]))
            }
        }
        var nation: PlantRegionsPage.Region?
        if let dataset = figures.datasets.first {
            if figures.source == .plants {
                let plants = try await store.plants(dataset).filter { $0.year == figures.year }
                nation = PlantAggregator.aggregate(plants, by: .us).first.map { region(RegionFiguresView($0)) }
            } else if let us = catalog.source(.us, year: figures.year, release: release),
                let record = try await store.regions(us).first(where: { $0.level == .us && $0.year == figures.year }) {
                nation = region(RegionFiguresView(record))
            }
        }
        return PlantRegionsPage.DetailModel(
            year: figures.year, release: release, sources: figures.datasets.map(source), level: PlantNames.levelKey(level),
            levelTitle: PlantNames.levelTitle(level), source: figures.source.rawValue, region: region(view), byFuel: byFuel, topPlants: top,
            trend: trend, nation: nation, printedAt: now)
    }

    static func plantModel(_ detail: PlantDetailView, catalog: PlantCatalog) -> PlantDetailPage.Model {
        let p = detail.plant
        let dataset = catalog.dataset(detail.dataset.id)
        let descriptions = dataset?.sheets.first { $0.kind == .plant }.map { sheet in
            Dictionary(zip(sheet.codes, sheet.descriptions ?? []).map { ($0, $1) }, uniquingKeysWith: { a, _ in a })
        } ?? [:]
        var facts: [(String, String)] = [("State", p.state)]
        if let county = p.county { facts.append(("County", county + (detail.fipsCounty.map { " (FIPS \(detail.fipsState ?? "")\($0))" } ?? ""))) }
        if let lat = p.latitude, let lon = p.longitude { facts.append(("Location", String(format: "%.4f, %.4f", lat, lon))) }
        if let op = p.operatorName { facts.append(("Operator", op + (detail.operatorCode.map { " (\($0))" } ?? ""))) }
        if let ut = p.utilityName { facts.append(("Utility", ut)) }
        if let sector = p.sector { facts.append(("Sector", sector)) }
        facts.append(("Fuel", PlantsUI.fuelLabel(p.fuelCategory) + (p.primaryFuel.map { " (primary fuel \($0))" } ?? "")))
        if let ba = p.balancingAuthority { facts.append(("Balancing authority", ba + (p.balancingAuthorityName.map { " — \($0)" } ?? ""))) }
        if let sr = p.subregion { facts.append(("eGRID subregion", sr + (p.subregionName.map { " — \($0)" } ?? ""))) }
        if let nerc = p.nercRegion { facts.append(("NERC region", nerc)) }
        if let iso = detail.isoRto { facts.append(("ISO/RTO", iso)) }
        let release = catalog.datasets.count > 1 ? detail.dataset.releaseLabel : nil
        var links: [(String, String)] = [("State \(p.state)", PlantsUI.link("/plants/regions/state/\(p.state)", [("year", String(p.year)), ("release", release)]))]
        if let ba = p.balancingAuthority { links.append(("BA \(ba)", PlantsUI.link("/plants/regions/ba/\(ba)", [("year", String(p.year)), ("release", release)]))) }
        if let sr = p.subregion { links.append(("Subregion \(sr)", PlantsUI.link("/plants/regions/subregion/\(sr)", [("year", String(p.year)), ("release", release)]))) }
        if let nerc = p.nercRegion { links.append(("NERC \(nerc)", PlantsUI.link("/plants/regions/nerc/\(nerc)", [("year", String(p.year)), ("release", release)]))) }
        let masses = Dictionary(detail.emissions.entries, uniquingKeysWith: { a, _ in a })
        let published = Dictionary(detail.publishedOutputRatesLbPerMwh.entries, uniquingKeysWith: { a, _ in a })
        let recomputed = Dictionary(detail.outputRatesLbPerMwh.entries, uniquingKeysWith: { a, _ in a })
        let generation = Dictionary(detail.generationByFuelMwh.entries, uniquingKeysWith: { a, _ in a })
        let shares = Dictionary(detail.resourceMix.entries, uniquingKeysWith: { a, _ in a })
        return PlantDetailPage.Model(
            id: p.id, year: p.year, name: p.name, orispl: p.orispl,
            source: PlantsUI.Source(releaseLabel: detail.dataset.releaseLabel, fileName: detail.dataset.fileName, synthetic: detail.dataset.synthetic),
            facts: facts,
            figures: [("Capacity", p.capacityMw, "MW"), ("Net generation", p.netGenerationMwh, "MWh"), ("Capacity factor", p.capacityFactor, "%"),
                      ("CO₂", p.co2Tons, "short tons"), ("CO₂ rate", p.co2RateLbPerMwh, "lb/MWh")],
            emissions: Pollutant.allCases.map { pollutant in
                (pollutant.rawValue.uppercased(), masses[PlantNames.massKey(pollutant)] ?? nil, pollutant.massUnit == .pounds ? "lb" : "short tons",
                 published[pollutant.rawValue] ?? nil, recomputed[pollutant.rawValue] ?? nil)
            },
            mix: ResourceFuel.allCases.map { fuel in (fuel.fuelCategory, generation[PlantNames.fuelKey(fuel)] ?? nil, shares[PlantNames.fuelKey(fuel)] ?? nil) },
            generators: detail.generators.map {
                PlantDetailPage.Generator(id: $0.generatorId, status: $0.status, primeMover: $0.primeMover, fuel: $0.fuel,
                                          capacityMW: $0.capacityMw, generationMWh: $0.netGenerationMwh, yearOnline: $0.yearOnline)
            },
            units: detail.units.map {
                PlantDetailPage.Unit(id: $0.unitId, status: $0.status, primeMover: $0.primeMover, fuel: $0.fuel,
                                     heatInputMMBtu: $0.heatInputMmbtu, co2Tons: $0.co2Tons)
            },
            columns: detail.columns.map { cell in
                let text: String = switch cell.value {
                case .missing: "—"
                case .number(let v): NumberText.plain(v)
                case .text(let t): t
                }
                return (cell.code, descriptions[cell.code].flatMap { $0.isEmpty ? nil : $0 }, text)
            },
            regionLinks: links)
    }

    static func consistencyModel(
        _ report: PlantsRegionsAPI.ConsistencyView, years: [Int], releases: [String], release: String?, catalog: PlantCatalog
    ) -> PlantDatasetsPage.ConsistencyModel {
        var levels: [(String, Int, Int)] = []
        for level in RegionLevel.allCases {
            let rows = report.rows.filter { $0.level == level }
            if !rows.isEmpty { levels.append(("Plants vs EPA's \(PlantNames.sheetTitle(level))", rows.count, rows.filter { $0.status == .differs }.count)) }
        }
        for level in ["state", "ba", "subregion", "nerc"] {
            let rows = report.rollups.filter { $0.level == level }
            if !rows.isEmpty {
                levels.append(("\(PlantNames.level(level).map(PlantNames.levelTitle) ?? level) rows summed vs US", rows.count, rows.filter { $0.status == "differs" }.count))
            }
        }
        let differences = report.rows.filter { $0.status != .ok }
            .sorted { abs($0.relativeDifference ?? .infinity) > abs($1.relativeDifference ?? .infinity) }
            .map { PlantDatasetsPage.Difference(level: PlantNames.levelKey($0.level), region: $0.region, column: $0.column, published: $0.published,
                                                computed: $0.computed, relative: $0.relativeDifference, status: PlantsRegionsAPI.statusKey($0.status)) }
        let rollups = report.rollups.filter { $0.status != "ok" }.map {
            PlantDatasetsPage.Difference(level: $0.level, region: "US", column: $0.column, published: $0.us, computed: $0.sum,
                                         relative: $0.relativeDifference, status: $0.status)
        }
        var seen = Set<UUID>()
        let sources = ([report.plantDataset].compactMap { $0 } + report.regionDatasets).filter { seen.insert($0.id).inserted }.map {
            PlantsUI.Source(releaseLabel: $0.releaseLabel, fileName: $0.fileName, synthetic: $0.synthetic)
        }
        return PlantDatasetsPage.ConsistencyModel(
            selection: PlantsUI.Selection(years: years, year: report.year, releases: releases, release: release), sources: sources,
            consistent: report.consistent,
            counts: [("Agree", report.counts.ok), ("Differ", report.counts.differs), ("EPA blank", report.counts.publishedMissing),
                     ("Not computable", report.counts.computedMissing)],
            levels: levels, differences: differences, rollups: rollups, unmatched: report.unmatchedRegions, message: nil)
    }

    static func datasetsPage(_ request: Request, _ context: AppRequestContext, platform: PlatformServices, store: PlantStore,
                             notice: PageContext.Notice?) async throws -> Response {
        let identity = try context.requireIdentity()
        let catalog = try await store.catalog()
        let current = Set(SheetKind.allCases.flatMap { kind in catalog.years(kind).compactMap { catalog.source(kind, year: $0)?.id } })
        let jobs = try await JobRepository(platform.database.db, kind: platform.database.kind).list(
            JobFilter(createdBy: identity.can(.jobsReadAll) ? nil : identity.user.id, kind: PlantImportJob.name), before: nil, limit: 10)
        let model = PlantDatasetsPage.Model(
            datasets: catalog.datasets.map { d in
                let rows = [("plants", d.plantCount), ("generators", d.generatorCount), ("units", d.unitCount), ("region rows", d.regionCount)]
                    .filter { $0.1 > 0 }.map { "\(PlantsUI.number(Double($0.1), decimals: 0)) \($0.0)" }.joined(separator: ", ")
                return PlantDatasetsPage.Dataset(
                    id: d.id.uuidString.lowercased(), fileName: d.fileName, releaseLabel: d.releaseLabel, years: d.years,
                    sheets: d.sheets.map { $0.name ?? $0.kind.sheetNameStem }.joined(separator: ", "), rows: rows, sha256: d.sha256,
                    importedAt: d.importedAt, importedBy: d.importedByName, synthetic: d.synthetic, warnings: d.warnings,
                    current: current.contains(d.id))
            },
            jobs: try await WebRoutes.jobRows(jobs, identity: identity, platform: platform),
            canImport: identity.can(.plantsImport), uploadLimit: platform.config.uploadLimit)
        return PageSupport.html(PlantDatasetsPage.render(model, context: PageSupport.context(request, context, notice: notice)))
    }
}
