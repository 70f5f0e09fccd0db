import Foundation
import Hummingbird
import PlantData
import Platform
import Storage
import WebUI

/// The Plants pages: map, plant list, plant, regions, region report, datasets (with the upload form) and
/// the consistency report. Handlers turn the request into PlantData calls and a page model, nothing more.
enum PlantsPages {
    static func add(to routes: Routes, store: PlantStore) {
        let platform = routes.platform

        routes.add(Endpoint(.get, "/plants", access: .permission(.plantsRead), kind: .page, summary: "Plant map", tag: "web")) {
            request, context in
            let page = PageSupport.context(request, context)
            guard let scope = try await pageScope(request, store: store) else {
                return PageSupport.html(PlantsMapPage.render(emptyMapModel(), context: page))
            }
            let query = try PlantFilters.query(request)
            let matching = scope.plants.filter(query.matches)
            let located = matching.filter { $0.latitude != nil && $0.longitude != nil }
            let shown = located.count > 4_000
                ? Array(located.sorted { ($0.netGeneration ?? -.infinity) > ($1.netGeneration ?? -.infinity) }.prefix(4_000)) : located
            let totals = RegionTotalsSummary(matching)
            let top = PlantRanking.topEmitters(matching, pollutant: .co2, count: 10).map { entry in
                PlantsMapPage.RankedPlant(
                    id: entry.plant.id, name: entry.plant.name, state: entry.plant.state, fuelCategory: entry.plant.fuelCategory,
                    value: entry.value, rate: EmissionRate.output(.co2, mass: entry.plant.emissions.co2, generation: entry.plant.netGeneration))
            }
            let model = PlantsMapPage.Model(
                selection: selection(scope), sources: [source(scope.dataset)], filters: filters(request), choices: choices(scope.plants),
                points: shown.map { p in
                    PlantMapSVG.Point(id: p.id, name: p.name, state: p.state, latitude: p.latitude!, longitude: p.longitude!,
                                      fuelCategory: p.fuelCategory, netGeneration: p.netGeneration, capacity: p.nameplateCapacity)
                },
                matching: matching.count, withoutCoordinates: matching.count - located.count,
                totals: PlantsMapPage.Totals(plants: matching.count, capacityMW: totals.capacity, generationMWh: totals.generation,
                                             co2Tons: totals.co2, co2RateLbPerMWh: totals.co2Rate),
                topEmitters: top, empty: false)
            return PageSupport.html(PlantsMapPage.render(model, context: page))
        }

        routes.add(Endpoint(.get, "/plants/list", access: .permission(.plantsRead), kind: .page, summary: "Plants", tag: "web")) {
            request, context in
            let page = PageSupport.context(request, context)
            guard let scope = try await pageScope(request, store: store) else {
                return PageSupport.html(PlantsMapPage.render(emptyMapModel(), context: page))
            }
            var query = try PlantFilters.sorted(request, try PlantFilters.query(request))
            let q = Query(request)
            query.offset = try q.int("offset", default: 0, range: 0...10_000_000)
            query.limit = 100
            let result = query.run(on: scope.plants)
            let sortKey = PlantFilters.sortKeys.first { $0.1 == query.sort }?.0 ?? "name"
            let model = PlantsListPage.Model(
                selection: selection(scope), sources: [source(scope.dataset)], filters: filters(request), choices: choices(scope.plants),
                sort: sortKey, descending: query.descending,
                rows: result.items.map { p in
                    PlantsListPage.Row(
                        id: p.id, orispl: p.plantID, name: p.name, state: p.state, operatorName: p.operatorName, fuelCategory: p.fuelCategory,
                        primaryFuel: p.primaryFuel, subregion: p.subregion, capacityMW: p.nameplateCapacity, capacityFactor: p.capacityFactor,
                        generationMWh: p.netGeneration, co2Tons: p.emissions.co2,
                        co2Rate: EmissionRate.output(.co2, mass: p.emissions.co2, generation: p.netGeneration))
                },
                total: result.total, offset: result.offset, pageSize: 100)
            return PageSupport.html(PlantsListPage.render(model, context: page))
        }

        routes.add(Endpoint(.get, "/plants/plant/:id", access: .permission(.plantsRead), kind: .page, summary: "Plant", tag: "web")) {
            request, context in
            let (year, orispl) = try PlantsAPI.plantID(context)
            let detail = try await PlantsAPI.detail(year: year, orispl: orispl, release: try Query(request).string("release"), store: store)
            let catalog = try await store.catalog()
            let model = plantModel(detail, catalog: catalog)
            return PageSupport.html(PlantDetailPage.render(model, context: PageSupport.context(request, context)))
        }

        routes.add(Endpoint(.get, "/plants/regions", access: .permission(.plantsRead), kind: .page, summary: "Regions", tag: "web")) {
            request, context in
            let page = PageSupport.context(request, context)
            let q = Query(request)
            let level = try q.level(default: .state)!
            let catalog = try await store.catalog()
            guard !catalog.datasets.isEmpty else { return PageSupport.html(PlantsMapPage.render(emptyMapModel(), context: page)) }
            let figures = try await PlantsRegionsAPI.figures(request, store: store, level: level, byFuel: false, codes: [])
            let years = figures.source == .plants ? catalog.years(.plant) : catalog.years(level.sheetKind)
            let model = PlantRegionsPage.ListModel(
                selection: PlantsUI.Selection(years: years, year: figures.year, releases: catalog.releases, release: try q.string("release")),
                sources: figures.datasets.map(source), level: PlantNames.levelKey(level), levelTitle: PlantNames.levelTitle(level),
                source: figures.source.rawValue,
                canChooseSource: catalog.source(.plant, year: figures.year) != nil && catalog.source(level.sheetKind, year: figures.year) != nil,
                regions: figures.views.map(region))
            return PageSupport.html(PlantRegionsPage.renderList(model, context: page))
        }

        for report in [false, true] {
            routes.add(Endpoint(.get, report ? "/plants/regions/:level/:code/report" : "/plants/regions/:level/:code",
                                access: .permission(.plantsRead), kind: .page, summary: report ? "Region report (printable)" : "Region",
                                tag: "web")) { request, context in
                guard let level = PlantNames.level(context.parameters.get("level") ?? "") else { throw Problem.notFound("region level") }
                let code = (context.parameters.get("code") ?? "").uppercased()
                guard !code.isEmpty, code.count <= 12 else { throw Problem.notFound("region") }
                let model = try await regionModel(request, level: level, code: code, store: store, now: platform.clock.now)
                let page = PageSupport.context(request, context)
                return PageSupport.html(report ? PlantRegionsPage.renderReport(model, context: page) : PlantRegionsPage.renderDetail(model, context: page))
            }
        }

        routes.add(Endpoint(.get, "/plants/consistency", access: .permission(.plantsRead), kind: .page, summary: "Consistency report", tag: "web")) {
            request, context in
            let q = Query(request)
            let catalog = try await store.catalog()
            let years = Array(Set(catalog.regionYears + catalog.years(.plant))).sorted()
            let release = try q.string("release")
            var model: PlantDatasetsPage.ConsistencyModel
            do {
                let report = try await PlantsRegionsAPI.consistency(year: try q.year(), release: release, status: nil, store: store)
                model = consistencyModel(report, years: years, releases: catalog.releases, release: release, catalog: catalog)
            } catch let problem as Problem where problem.statusCode == 404 {
                model = PlantDatasetsPage.ConsistencyModel(
                    selection: PlantsUI.Selection(years: years, year: try q.year() ?? years.last, releases: catalog.releases, release: release),
                    sources: [], consistent: true, counts: [], levels: [], differences: [], rollups: [], unmatched: [],
                    message: problem.detail)
            }
            return PageSupport.html(PlantDatasetsPage.renderConsistency(model, context: PageSupport.context(request, context)))
        }

        routes.add(Endpoint(.get, "/plants/datasets", access: .permission(.plantsRead), kind: .page, summary: "eGRID datasets", tag: "web")) {
            request, context in
            try await datasetsPage(request, context, platform: platform, store: store, notice: nil)
        }

        routes.add(Endpoint(.post, "/plants/imports", access: .permission(.plantsImport), kind: .page,
                            summary: "Import an eGRID file (form upload)", tag: "web", audit: "plants.import")) { request, context in
            guard let reader = MultipartReader(contentType: request.headers[.contentType], body: request.body) else {
                throw Problem(.unsupportedMediaType, detail: "the upload form sends multipart/form-data; reload the page and try again")
            }
            var fields: [String: String] = [:]
            var received: (PlantsDatasetsAPI.ImportView, HTTPResponse.Status)?
            while let part = try await reader.nextPart() {
                guard part.fileName != nil, part.name == "file" else {
                    fields[part.name] = try await reader.text()
                    continue
                }
                // The token came first (the form puts the file last): check it before taking the file.
                try PageSupport.checkCSRF(fields["csrf_token"], request, context)
                let year = try fields["year"].flatMap { $0.isEmpty ? nil : $0 }.map { text -> Int in
                    guard let year = Int(text), (1990...2100).contains(year) else { throw Problem.invalid("/year", "must be a year from 1990 to 2100") }
                    return year
                }
                let release = fields["release"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces) }
                received = try await PlantsDatasetsAPI.receive(
                    reader.contents(), fileName: part.fileName.flatMap { $0.isEmpty ? nil : $0 }, contentType: part.contentType,
                    length: nil, year: year, release: release, context: context, platform: platform)
                break
            }
            guard let (view, _) = received else { throw Problem.invalid("/file", "choose a file to import") }
            if view.status == "unchanged" {
                return try await datasetsPage(request, context, platform: platform, store: store, notice: .init(
                    .info, "Nothing changed: that file was imported before (\(view.dataset?.releaseLabel ?? "same SHA-256"))."))
            }
            return PageSupport.redirect("/plants/datasets?done=job-submitted")
        }

        routes.add(Endpoint(.post, "/plants/datasets/:id/delete", access: .permission(.plantsImport), kind: .page,
                            summary: "Delete a dataset (form)", tag: "web", audit: "plants.dataset.delete")) { request, context in
            let form = try await PageSupport.form(WebRoutes.CSRFForm.self, request, context)
            try PageSupport.checkCSRF(form.csrfToken, request, context)
            let id = try context.uuid(what: "dataset")
            try await PlantsDatasetsAPI.delete(id: id, context: context, platform: platform, store: store)
            return PageSupport.redirect("/plants/datasets")
        }
    }

    // MARK: models

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
