import Foundation
import GridModel
import Hummingbird
import Platform
import Storage

/// Houses, their PV systems and batteries under `/api/v1/grids/{id}/houses/…`.
extension GridRoutes {
    // MARK: houses

    static func addHouses(to routes: Routes) {
        let platform = routes.platform

        routes.add(Endpoint(
            .get, "/api/v1/grids/:id/houses", access: .permission(.gridRead),
            summary: "The grid's houses in document order", tag: "grid",
            parameters: [.init("transformer", "string", "only this transformer's houses"), .init("limit", "integer", "page size, 1–200"),
                         .init("cursor", "string", "from next_cursor")],
            response: "HousePage")
        ) { request, context in
            let grid = try await GridStore.grid(context, platform)
            let query = Query(request)
            let limit = try query.limit()
            let offset = try query.cursor().map { text -> Int in
                guard let n = Int(text), n >= 0 else { throw Problem.badQuery("cursor", "is not a cursor this server gave out") }
                return n
            } ?? 0
            let transformer = try query.string("transformer")
            let houses = try TopologyEditor(document: grid.document).grids.flatMap { TopologyEditor.list($0, "houses") }
                .filter { transformer == nil || $0["transformer"]?.string == transformer }
            let page = houses.dropFirst(offset).prefix(limit).map(GridJSON.object)
            let next: GridJSON = offset + limit < houses.count ? .string(Cursor.encode(String(offset + limit))) : .null
            return GridHTTP.response(.object(["items": .array(Array(page)), "next_cursor": next, "total": .number(Double(houses.count))]),
                                     headers: GridStore.headers(grid))
        }

        routes.add(Endpoint(
            .post, "/api/v1/grids/:id/houses", access: .permission(.gridWrite),
            summary: "Add a house (its transformer decides the grid)", tag: "grid", audit: "grid.house.create",
            request: "House", response: "House", status: 201)
        ) { request, context in
            let body = try await GridHTTP.readObject(request, context)
            let (grid, _, name) = try await GridStore.change(request, context, platform, detail: { (house: String) in "house \(house)" }) { editor in
                (try editor.addHouse(body), "", body["name"]?.string ?? "")
            }
            return try houseResponse(name, grid, status: .created)
        }

        routes.add(Endpoint(
            .post, "/api/v1/grids/:id/houses/bulk", access: .permission(.gridWrite),
            summary: "Add N houses from a template, named prefix + number", tag: "grid", audit: "grid.house.bulk_create",
            request: "BulkHouses", response: "BulkHousesResult", status: 201)
        ) { request, context in
            let body = try await GridHTTP.readObject(request, context)
            guard let count = body["count"]?.number, count == count.rounded(), (1...10_000).contains(count) else {
                throw Problem.invalid("/count", "must be a whole number from 1 to 10000")
            }
            guard var given = body["template"]?.object else { throw Problem.invalid("/template", "is required: a house without a name") }
            given.removeValue(forKey: "name")
            if let transformer = body["transformer"] { given["transformer"] = transformer }
            let template = given
            let prefix = body["name_prefix"]?.string ?? "H"
            guard !prefix.isEmpty, prefix.count <= 50 else { throw Problem.invalid("/name_prefix", "must be 1–50 characters") }
            let (grid, _, names) = try await GridStore.change(request, context, platform, detail: { (names: [String]) in "\(names.count) houses" }) { editor in
                let (names, path) = try editor.addHouses(count: Int(count), template: template, prefix: prefix)
                return (path, "/template", names)
            }
            return GridHTTP.response(
                .object(["created": .array(names.map(GridJSON.string)), "grid_version": .number(Double(grid.version))]), status: .created,
                headers: GridStore.headers(grid))
        }

        routes.add(Endpoint(
            .get, "/api/v1/grids/:id/houses/:name", access: .permission(.gridRead), summary: "One house", tag: "grid", response: "House")
        ) { _, context in
            try houseResponse(try GridHTTP.name(context, "name"), try await GridStore.grid(context, platform))
        }

        routes.add(Endpoint(
            .put, "/api/v1/grids/:id/houses/:name", access: .permission(.gridWrite), summary: "Replace a house", tag: "grid",
            audit: "grid.house.update", request: "House", response: "House")
        ) { request, context in
            let old = try GridHTTP.name(context, "name")
            let body = try await GridHTTP.readObject(request, context)
            let (grid, _, name) = try await GridStore.change(request, context, platform, detail: { (house: String) in "house \(house)" }) { editor in
                (try editor.replaceHouse(old, with: body), "", body["name"]?.string ?? old)
            }
            return try houseResponse(name, grid)
        }

        routes.add(Endpoint(
            .patch, "/api/v1/grids/:id/houses/:name", access: .permission(.gridWrite),
            summary: "Change some fields of a house (JSON merge patch: null removes a field)", tag: "grid",
            audit: "grid.house.update", request: "HousePatch", response: "House")
        ) { request, context in
            let old = try GridHTTP.name(context, "name")
            let patch = try await GridHTTP.read(request, context)
            guard case .object = patch else { throw Problem.invalid("/", "must be a JSON object") }
            let (grid, _, name) = try await GridStore.change(request, context, platform, detail: { (house: String) in "house \(house)" }) { editor in
                let current = try editor.requireHouse(old).value
                let merged = TopologyEditor.mergePatch(.object(current), patch).object ?? current
                return (try editor.replaceHouse(old, with: merged), "", merged["name"]?.string ?? old)
            }
            return try houseResponse(name, grid)
        }

        routes.add(Endpoint(
            .delete, "/api/v1/grids/:id/houses/:name", access: .permission(.gridWrite), summary: "Remove a house", tag: "grid",
            audit: "grid.house.delete")
        ) { request, context in
            let name = try GridHTTP.name(context, "name")
            _ = try await GridStore.change(request, context, platform, detail: { (_: Int) in "house \(name)" }) { editor in
                try editor.removeHouse(name)
                return (nil, "", 0)
            }
            return .noContent()
        }
    }

    static func houseResponse(_ name: String, _ grid: StoredGrid, status: HTTPResponse.Status = .ok) throws -> Response {
        guard let house = try TopologyEditor(document: grid.document).house(named: name) else { throw Problem.notFound("house \"\(name)\"") }
        let location = "/api/v1/grids/\(grid.id.uuidString.lowercased())/houses/\(GridViews.escapePath(name))"
        return GridHTTP.response(.object(house.value), status: status, headers: GridStore.headers(grid, location: status == .created ? location : nil))
    }

    // MARK: PV systems and batteries

    static func addEquipment(to routes: Routes) {
        let platform = routes.platform

        routes.add(Endpoint(
            .get, "/api/v1/grids/:id/houses/:name/pv-systems", access: .permission(.gridRead),
            summary: "A house's PV systems", tag: "grid", response: "PVSystemList")
        ) { _, context in
            let grid = try await GridStore.grid(context, platform)
            let house = try TopologyEditor(document: grid.document).requireHouse(try GridHTTP.name(context, "name")).value
            return GridHTTP.response(.object(["items": house["pv_systems"] ?? .array([])]), headers: GridStore.headers(grid))
        }

        routes.add(Endpoint(
            .post, "/api/v1/grids/:id/houses/:name/pv-systems", access: .permission(.gridWrite),
            summary: "Add a PV system to a house", tag: "grid", audit: "grid.pv.create", request: "PVSystem", response: "PVSystemList",
            status: 201)
        ) { request, context in
            let name = try GridHTTP.name(context, "name")
            let body = try await GridHTTP.readObject(request, context)
            let (grid, _, index) = try await GridStore.change(request, context, platform, detail: { (index: Int) in "house \(name), PV system \(index)" }) { editor in
                let (path, index) = try editor.addPV(name, body)
                return (path, "", index)
            }
            return try pvResponse(name, grid, index: index, status: .created)
        }

        routes.add(Endpoint(
            .put, "/api/v1/grids/:id/houses/:name/pv-systems/:index", access: .permission(.gridWrite),
            summary: "Replace a house's PV system (index from 0)", tag: "grid", audit: "grid.pv.update", request: "PVSystem",
            response: "PVSystemList")
        ) { request, context in
            let name = try GridHTTP.name(context, "name")
            let index = try pvIndex(context)
            let body = try await GridHTTP.readObject(request, context)
            let (grid, _, _) = try await GridStore.change(request, context, platform, detail: { (index: Int) in "house \(name), PV system \(index)" }) { editor in
                (try editor.changePV(name, index: index, to: body), "", index)
            }
            return try pvResponse(name, grid, index: index)
        }

        routes.add(Endpoint(
            .delete, "/api/v1/grids/:id/houses/:name/pv-systems/:index", access: .permission(.gridWrite),
            summary: "Remove a house's PV system", tag: "grid", audit: "grid.pv.delete")
        ) { request, context in
            let name = try GridHTTP.name(context, "name")
            let index = try pvIndex(context)
            _ = try await GridStore.change(request, context, platform, detail: { (index: Int) in "house \(name), PV system \(index)" }) { editor in
                _ = try editor.changePV(name, index: index, to: nil)
                return (nil, "", index)
            }
            return .noContent()
        }

        routes.add(Endpoint(
            .get, "/api/v1/grids/:id/houses/:name/battery", access: .permission(.gridRead), summary: "A house's battery",
            tag: "grid", response: "Battery")
        ) { _, context in
            let grid = try await GridStore.grid(context, platform)
            let name = try GridHTTP.name(context, "name")
            guard let battery = try TopologyEditor(document: grid.document).requireHouse(name).value["battery"] else {
                throw Problem.notFound("battery of house \"\(name)\"")
            }
            return GridHTTP.response(battery, headers: GridStore.headers(grid))
        }

        routes.add(Endpoint(
            .put, "/api/v1/grids/:id/houses/:name/battery", access: .permission(.gridWrite),
            summary: "Set (add or replace) a house's battery", tag: "grid", audit: "grid.battery.update", request: "Battery",
            response: "Battery")
        ) { request, context in
            let name = try GridHTTP.name(context, "name")
            let body = try await GridHTTP.readObject(request, context)
            let (grid, _, _) = try await GridStore.change(request, context, platform, detail: { (_: Int) in "house \(name), battery" }) { editor in
                (try editor.changeBattery(name, to: body), "", 0)
            }
            let battery = try TopologyEditor(document: grid.document).requireHouse(name).value["battery"] ?? .null
            return GridHTTP.response(battery, headers: GridStore.headers(grid))
        }

        routes.add(Endpoint(
            .delete, "/api/v1/grids/:id/houses/:name/battery", access: .permission(.gridWrite),
            summary: "Remove a house's battery", tag: "grid", audit: "grid.battery.delete")
        ) { request, context in
            let name = try GridHTTP.name(context, "name")
            _ = try await GridStore.change(request, context, platform, detail: { (_: Int) in "house \(name), battery" }) { editor in
                _ = try editor.changeBattery(name, to: nil)
                return (nil, "", 0)
            }
            return .noContent()
        }
    }

    static func pvIndex(_ context: AppRequestContext) throws -> Int {
        guard let text = context.parameters.get("index"), let index = Int(text), index >= 0 else { throw Problem.notFound("PV system") }
        return index
    }

    static func pvResponse(_ name: String, _ grid: StoredGrid, index: Int, status: HTTPResponse.Status = .ok) throws -> Response {
        let house = try TopologyEditor(document: grid.document).requireHouse(name).value
        let systems = house["pv_systems"]?.array ?? []
        guard systems.indices.contains(index) else { throw Problem.notFound("PV system \(index) of house \"\(name)\"") }
        let location = "/api/v1/grids/\(grid.id.uuidString.lowercased())/houses/\(GridViews.escapePath(name))/pv-systems/\(index)"
        return GridHTTP.response(
            .object(["index": .number(Double(index)), "pv_system": systems[index], "items": .array(systems)]), status: status,
            headers: GridStore.headers(grid, location: status == .created ? location : nil))
    }
}
