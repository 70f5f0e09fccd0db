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
}
