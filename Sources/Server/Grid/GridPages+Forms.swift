import Foundation
import GridModel
import Hummingbird
import Platform
import Storage
import WebUI

/// The Grid pages' form posts. Each turns its form into the same edit the API makes (`TopologyEditor`,
/// `SimulationStore`), then redirects with a notice; a refused edit shows the problem with every field named.
extension GridPages {
    /// An `application/x-www-form-urlencoded` body as a dictionary (the last value of a repeated key wins).
    struct Form: Sendable {
        let values: [String: String]

        static func read(_ request: Request, _ context: AppRequestContext) async throws -> Form {
            let buffer: ByteBuffer
            do {
                buffer = try await request.body.collect(upTo: context.jsonBodyLimit)
            } catch {
                throw Problem(.payloadTooLarge, detail: "forms are limited to \(context.jsonBodyLimit) bytes")
            }
            var values: [String: String] = [:]
            for pair in String(buffer: buffer).split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                func decode(_ s: Substring) -> String { s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s) }
                guard let key = parts.first else { continue }
                values[decode(key)] = parts.count > 1 ? decode(parts[1]) : ""
            }
            try PageSupport.checkCSRF(values["csrf_token"], request, context)
            return Form(values: values)
        }

        subscript(_ key: String) -> String? {
            guard let value = values[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
            return value
        }

        /// A number field; empty is nil, anything else that is not a number is a 422 naming the field.
        func number(_ key: String) throws -> GridJSON? {
            guard let text = self[key] else { return nil }
            guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite else {
                throw Problem.invalid(key, "\"\(text)\" is not a number")
            }
            return .number(value)
        }

        func list(_ key: String) -> GridJSON? {
            guard let text = self[key] else { return nil }
            return .array(text.split(separator: ",").map { .string($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 != .string("") })
        }

        /// The named fields that are filled in, as JSON numbers.
        func numbers(_ keys: [String]) throws -> [String: GridJSON] {
            var o: [String: GridJSON] = [:]
            for key in keys { if let value = try number(key) { o[key] = value } }
            return o
        }
    }

    /// Runs a form's action: redirect on success, the error page (status and every field problem) otherwise.
    static func form(
        _ request: Request, _ context: AppRequestContext, _ action: (Form) async throws -> String
    ) async throws -> Response {
        do {
            let form = try await Form.read(request, context)
            return PageSupport.redirect(try await action(form))
        } catch let problem as Problem where problem.statusCode != 401 && problem.statusCode != 403 {
            var message = problem.detail ?? problem.title
            if let errors = problem.errors, !errors.isEmpty, problem.detail?.contains("\n") != true {
                message += " — " + errors.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
            }
            var shown = problem
            shown.detail = message
            return PageSupport.errorPage(shown, request, context)
        }
    }

    /// A house (or house template) from the add/bulk forms: basic fields, one PV system, one battery.
    static func houseBody(_ form: Form) throws -> [String: GridJSON] {
        var house: [String: GridJSON] = [:]
        if let name = form["name"] { house["name"] = .string(name) }
        if let transformer = form["transformer"] { house["transformer"] = .string(transformer) }
        if let type = form["type"] { house["type"] = .string(type) }
        if let annual = try form.number("annual_consumption_kwh") { house["annual_consumption_kwh"] = annual }
        if let kwp = try form.number("pv_kwp"), kwp != .number(0) { house["pv_systems"] = .array([.object(["kwp": kwp])]) }
        if let capacity = try form.number("battery_kwh")?.number, capacity > 0 {
            house["battery"] = .object(["capacity_kwh": .number(capacity), "max_charge_kw": .number(capacity / 2), "max_discharge_kw": .number(capacity / 2)])
        }
        return house
    }

    static func gridPath(_ context: AppRequestContext) throws -> String {
        "/grid/grids/\(try context.uuid(what: "grid").uuidString.lowercased())"
    }

    static func housePath(_ context: AppRequestContext, _ name: String) throws -> String {
        try gridPath(context) + "/houses/\(GridUI.path(name))"
    }

    static func addForms(to routes: Routes) {
        let platform = routes.platform
        func post(_ path: String, _ permission: Permission, _ summary: String, audit: String, _ action: @escaping @Sendable (Request, AppRequestContext, Form) async throws -> String) {
            routes.add(Endpoint(.post, path, access: .permission(permission), kind: .page, summary: summary, tag: "web", audit: audit)) { request, context in
                try await form(request, context) { form in try await action(request, context, form) }
            }
        }

        post("/grid/grids", .gridWrite, "Create a grid (form)", audit: "grid.create") { _, context, form in
            let name = try GridStore.checkName(form["name"], field: "name")
            var inner: [String: GridJSON] = [
                "name": .string(name), "houses": .array([]),
                "transformers": .array([.object(["name": .string(form["transformer"] ?? "T1"), "capacity_kw": try form.number("capacity_kw") ?? .null])]),
            ]
            if let lat = try form.number("latitude"), let lon = try form.number("longitude") { inner["location"] = .object(["latitude": lat, "longitude": lon]) }
            let root: [String: GridJSON] = [
                "schema": .string(GridTopology.schemaID), "time_zone": .string(form["time_zone"] ?? "UTC"), "grids": .array([.object(inner)]),
            ]
            let (topology, _) = try TopologyEditor(root: root).finishCreate()
            let grid = try await GridStore.create(name: name, topology: topology, context: context, platform: platform, action: "grid.create")
            return "/grid/grids/\(grid.id.uuidString.lowercased())?done=grid-created"
        }

        post("/grid/grids/import", .gridWrite, "Import a topology (form)", audit: "grid.import") { _, context, form in
            guard case .object(let root) = try GridHTTP.parse(Data((form["document"] ?? "").utf8)) else {
                throw Problem.invalid("document", "must be a powerhouse.grid/v1 document (a JSON object)")
            }
            let topology = try TopologyEditor(root: root).finish().topology
            let name = try GridStore.checkName(form["name"] ?? topology.grids.first?.name, field: "name")
            let grid = try await GridStore.create(name: name, topology: topology, context: context, platform: platform, action: "grid.import")
            return "/grid/grids/\(grid.id.uuidString.lowercased())?done=grid-imported"
        }

        post("/grid/grids/:id/settings", .gridWrite, "Rename a grid, change its zone or location (form)", audit: "grid.update") { request, context, form in
            let rename = try GridStore.checkName(form["name"], field: "name")
            let zone = form["time_zone"] ?? "UTC"
            let location: GridJSON = try form.number("latitude").flatMap { lat in try form.number("longitude").map { .object(["latitude": lat, "longitude": $0]) } } ?? .null
            _ = try await GridStore.change(request, context, platform, rename: rename, detail: { (_: Int) in "grid updated" }) { editor in
                var grids = editor.grids
                for g in grids.indices {
                    grids[g]["location"] = location == .null ? nil : location
                    if grids.count == 1 { grids[g]["name"] = .string(rename) }
                }
                editor.grids = grids
                editor = TopologyEditor(root: editor.root.merging(["time_zone": .string(zone)]) { $1 })
                return (nil, "", 0)
            }
            return try gridPath(context) + "?done=grid-updated"
        }

        post("/grid/grids/:id/delete", .gridWrite, "Delete a grid (form)", audit: "grid.delete") { _, context, _ in
            try await GridStore.delete(context, platform)
            return "/grid?done=grid-deleted"
        }

        post("/grid/grids/:id/transformers", .gridWrite, "Add a transformer (form)", audit: "grid.transformer.create") { request, context, form in
            var body = try form.numbers(["capacity_kw", "kva", "power_factor"])
            body["name"] = form["name"].map(GridJSON.string)
            let gridName = form["grid"]
            let frozen = body
            _ = try await GridStore.change(request, context, platform, detail: { (name: String) in "transformer \(name)" }) { editor in
                (try editor.addTransformer(frozen, gridName: gridName), "", frozen["name"]?.string ?? "")
            }
            return try gridPath(context) + "?done=transformer-added"
        }

        post("/grid/grids/:id/transformers/:name", .gridWrite, "Change a transformer (form)", audit: "grid.transformer.update") { request, context, form in
            let old = try GridHTTP.name(context, "name")
            var body = try form.numbers(["capacity_kw", "kva", "power_factor"])
            body["name"] = .string(form["name"] ?? old)
            let frozen = body
            _ = try await GridStore.change(request, context, platform, detail: { (name: String) in "transformer \(name)" }) { editor in
                (try editor.replaceTransformer(old, with: frozen), "", frozen["name"]?.string ?? old)
            }
            return try gridPath(context) + "?done=transformer-saved"
        }

        post("/grid/grids/:id/transformers/:name/delete", .gridWrite, "Remove a transformer (form)", audit: "grid.transformer.delete") { request, context, form in
            let name = try GridHTTP.name(context, "name")
            let cascade = form["cascade"] == "true"
            _ = try await GridStore.change(request, context, platform, detail: { (count: Int) in "transformer \(name), \(count) house(s) removed" }) { editor in
                (nil, "", try editor.removeTransformer(name, cascade: cascade))
            }
            return try gridPath(context) + "?done=transformer-removed"
        }

        post("/grid/grids/:id/houses", .gridWrite, "Add a house (form)", audit: "grid.house.create") { request, context, form in
            let body = try houseBody(form)
            _ = try await GridStore.change(request, context, platform, detail: { (name: String) in "house \(name)" }) { editor in
                (try editor.addHouse(body), "", body["name"]?.string ?? "")
            }
            return try housePath(context, body["name"]?.string ?? "") + "?done=house-added"
        }

        post("/grid/grids/:id/houses/bulk", .gridWrite, "Add houses from a template (form)", audit: "grid.house.bulk_create") { request, context, form in
            guard let count = try form.number("count")?.number, count == count.rounded(), (1...10_000).contains(count) else {
                throw Problem.invalid("count", "must be a whole number from 1 to 10000")
            }
            var template = try houseBody(form)
            template.removeValue(forKey: "name")
            let prefix = form["name_prefix"] ?? "H"
            let frozen = template
            _ = try await GridStore.change(request, context, platform, detail: { (names: [String]) in "\(names.count) houses" }) { editor in
                let (names, path) = try editor.addHouses(count: Int(count), template: frozen, prefix: prefix)
                return (path, "/template", names)
            }
            return try gridPath(context) + "?done=houses-added"
        }

        post("/grid/grids/:id/houses/:name", .gridWrite, "Change a house (form)", audit: "grid.house.update") { request, context, form in
            let old = try GridHTTP.name(context, "name")
            var patch: [String: GridJSON] = [:]
            for key in ["name", "transformer", "type"] { if let value = form[key] { patch[key] = .string(value) } }
            if let annual = try form.number("annual_consumption_kwh") { patch["annual_consumption_kwh"] = annual }
            patch["flags"] = form.list("flags") ?? .null
            patch["tags"] = form.list("tags") ?? .null
            let frozen = patch
            let (_, _, name) = try await GridStore.change(request, context, platform, detail: { (house: String) in "house \(house)" }) { editor in
                let current = try editor.requireHouse(old).value
                let merged = TopologyEditor.mergePatch(.object(current), .object(frozen)).object ?? current
                return (try editor.replaceHouse(old, with: merged), "", merged["name"]?.string ?? old)
            }
            return try housePath(context, name) + "?done=house-saved"
        }

        post("/grid/grids/:id/houses/:name/json", .gridWrite, "Replace a house from JSON (form)", audit: "grid.house.update") { request, context, form in
            let old = try GridHTTP.name(context, "name")
            guard case .object(let body) = try GridHTTP.parse(Data((form["json"] ?? "").utf8)) else {
                throw Problem.invalid("json", "must be a JSON object: the house")
            }
            let (_, _, name) = try await GridStore.change(request, context, platform, detail: { (house: String) in "house \(house)" }) { editor in
                (try editor.replaceHouse(old, with: body), "", body["name"]?.string ?? old)
            }
            return try housePath(context, name) + "?done=house-saved"
        }

        post("/grid/grids/:id/houses/:name/delete", .gridWrite, "Remove a house (form)", audit: "grid.house.delete") { request, context, _ in
            let name = try GridHTTP.name(context, "name")
            _ = try await GridStore.change(request, context, platform, detail: { (_: Int) in "house \(name)" }) { editor in
                try editor.removeHouse(name)
                return (nil, "", 0)
            }
            return try gridPath(context) + "?done=house-removed"
        }

        let pvKeys = ["kwp", "tilt_deg", "azimuth_deg", "losses_percent", "dc_ac_ratio", "inverter_ac_kw", "temperature_coefficient_per_c"]

        post("/grid/grids/:id/houses/:name/pv", .gridWrite, "Add a PV system (form)", audit: "grid.pv.create") { request, context, form in
            let name = try GridHTTP.name(context, "name")
            let body = try form.numbers(pvKeys)
            _ = try await GridStore.change(request, context, platform, detail: { (index: Int) in "house \(name), PV system \(index)" }) { editor in
                let (path, index) = try editor.addPV(name, body)
                return (path, "", index)
            }
            return try housePath(context, name) + "?done=house-saved"
        }

        post("/grid/grids/:id/houses/:name/pv/:index", .gridWrite, "Change a PV system (form)", audit: "grid.pv.update") { request, context, form in
            let name = try GridHTTP.name(context, "name")
            let index = try GridRoutes.pvIndex(context)
            let body = try form.numbers(pvKeys)
            _ = try await GridStore.change(request, context, platform, detail: { (index: Int) in "house \(name), PV system \(index)" }) { editor in
                (try editor.changePV(name, index: index, to: body), "", index)
            }
            return try housePath(context, name) + "?done=house-saved"
        }

        post("/grid/grids/:id/houses/:name/pv/:index/delete", .gridWrite, "Remove a PV system (form)", audit: "grid.pv.delete") { request, context, _ in
            let name = try GridHTTP.name(context, "name")
            let index = try GridRoutes.pvIndex(context)
            _ = try await GridStore.change(request, context, platform, detail: { (index: Int) in "house \(name), PV system \(index)" }) { editor in
                _ = try editor.changePV(name, index: index, to: nil)
                return (nil, "", index)
            }
            return try housePath(context, name) + "?done=house-saved"
        }

        post("/grid/grids/:id/houses/:name/battery", .gridWrite, "Set a battery (form)", audit: "grid.battery.update") { request, context, form in
            let name = try GridHTTP.name(context, "name")
            let body = try form.numbers(["capacity_kwh", "max_charge_kw", "max_discharge_kw", "min_soc", "max_soc", "initial_soc", "peak_threshold_kw"])
            _ = try await GridStore.change(request, context, platform, detail: { (_: Int) in "house \(name), battery" }) { editor in
                (try editor.changeBattery(name, to: body), "", 0)
            }
            return try housePath(context, name) + "?done=house-saved"
        }

        post("/grid/grids/:id/houses/:name/battery/delete", .gridWrite, "Remove a battery (form)", audit: "grid.battery.delete") { request, context, _ in
            let name = try GridHTTP.name(context, "name")
            _ = try await GridStore.change(request, context, platform, detail: { (_: Int) in "house \(name), battery" }) { editor in
                _ = try editor.changeBattery(name, to: nil)
                return (nil, "", 0)
            }
            return try housePath(context, name) + "?done=house-saved"
        }

        post("/grid/simulations", .simulationsRun, "Start a simulation run (form)", audit: "simulation.start") { _, context, form in
            let identity = try context.requireIdentity()
            var body: [String: GridJSON] = [:]
            for key in ["grid_id", "name", "from", "to", "strategy", "scope", "battery_strategy", "detail"] {
                if let value = form[key] { body[key] = .string(value) }
            }
            for key in ["step_minutes", "seed", "peak_threshold_kw", "co2_kg_per_kwh"] { if let value = try form.number(key) { body[key] = value } }
            if let priority = form.list("priority") { body["priority"] = priority }
            if let subregion = form["egrid_subregion"] { body["co2_kg_per_kwh"] = .object(["egrid_subregion": .string(subregion)]) }
            var tariffs: [String: GridJSON] = [:]
            if let price = try form.number("import_price") { tariffs["import"] = price }
            if let price = try form.number("feed_in_price") { tariffs["feed_in"] = price }
            tariffs["community"] = try form.number("community_price") ?? .string("midpoint")
            if let currency = form["currency"] { tariffs["currency"] = .string(currency) }
            body["tariffs"] = .object(tariffs)
            if let weather = form["weather"], weather != "synthetic" {
                body["weather"] = .object(["source": .string("file"), "id": .string(weather)])
            } else {
                body["weather"] = .object(["source": .string("synthetic"), "seed": try form.number("seed") ?? .number(1)])
            }
            let started = try await SimulationStore.start(body, identity: identity, context: context, platform: platform)
            return "/grid/simulations/\(started.simulation.id.uuidString.lowercased())?done=run-started"
        }

        post("/grid/simulations/:id/cancel", .simulationsRun, "Cancel a run (form)", audit: "simulation.cancel") { _, context, _ in
            let simulation = try await SimulationStore.simulation(context, platform)
            _ = try await SimulationStore.cancel(simulation, context: context, platform: platform)
            return "/grid/simulations/\(simulation.id.uuidString.lowercased())?done=run-cancelled"
        }

        post("/grid/simulations/:id/delete", .simulationsRun, "Delete a run (form)", audit: "simulation.delete") { _, context, _ in
            try await SimulationStore.delete(try await SimulationStore.simulation(context, platform), context: context, platform: platform)
            return "/grid?done=run-deleted"
        }
    }
}
