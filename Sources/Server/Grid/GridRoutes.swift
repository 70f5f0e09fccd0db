import Foundation
import GridModel
import Hummingbird
import Platform
import Storage

/// `/api/v1/grids/…`: stored topologies, their transformers, houses, PV systems and batteries, and import/export
/// of the whole `powerhouse.grid/v1` document.
enum GridRoutes {
    static func add(to routes: Routes) {
        addGrids(to: routes)
        addTransformers(to: routes)
        addHouses(to: routes)
        addEquipment(to: routes)
    }

    // MARK: grids

    static func addGrids(to routes: Routes) {
        let platform = routes.platform

        routes.add(Endpoint(
            .get, "/api/v1/grids", access: .permission(.gridRead), summary: "Stored grids (topologies) by name", tag: "grid",
            parameters: [.init("search", "string", "part of the name"), .init("limit", "integer", "page size, 1–200"),
                         .init("cursor", "string", "from next_cursor")],
            response: "GridPage")
        ) { request, _ in
            let query = Query(request)
            let limit = try query.limit()
            let grids = try await GridRepository(platform.database.db).list(
                search: try query.string("search"), after: try query.cursor(), limit: limit + 1)
            let items = grids.prefix(limit).map(GridViews.summary)
            let next = grids.count > limit ? grids.prefix(limit).last.map { GridJSON.string(Cursor.encode($0.name.lowercased())) } : nil
            return GridHTTP.response(.object(["items": .array(items), "next_cursor": next ?? .null]))
        }

        routes.add(Endpoint(
            .post, "/api/v1/grids", access: .permission(.gridWrite),
            summary: "Create a grid: name, time zone, location and its first transformers", tag: "grid", audit: "grid.create",
            request: "CreateGrid", response: "Grid", status: 201)
        ) { request, context in
            let body = try await GridHTTP.readObject(request, context)
            let name = try GridStore.checkName(body["name"]?.string)
            var inner: [String: GridJSON] = ["name": .string(name), "houses": .array([]), "transformers": body["transformers"] ?? .array([])]
            if let location = body["location"], location != .null { inner["location"] = location }
            let allowed: Set<String> = ["name", "time_zone", "location", "transformers"]
            if let unknown = body.keys.sorted().first(where: { !allowed.contains($0) }) {
                throw Problem.invalid("/\(unknown)", "unknown field; a grid takes name, time_zone, location and transformers")
            }
            let root: [String: GridJSON] = [
                "schema": .string(GridTopology.schemaID), "time_zone": body["time_zone"] ?? .string("UTC"), "grids": .array([.object(inner)]),
            ]
            let (topology, _) = try TopologyEditor(root: root).finishCreate()
            let grid = try await GridStore.create(name: name, topology: topology, context: context, platform: platform, action: "grid.create")
            return GridHTTP.response(
                GridViews.detail(grid, topology), status: .created, headers: GridStore.headers(grid, location: "/api/v1/grids/\(grid.id.uuidString.lowercased())"))
        }

        routes.add(Endpoint(
            .post, "/api/v1/grids/import", access: .permission(.gridWrite),
            summary: "Import a powerhouse.grid/v1 document as a new grid (named by ?name= or its first grid)", tag: "grid",
            audit: "grid.import", parameters: [.init("name", "string", "name of the new grid")], request: "TopologyDocument",
            response: "Grid", status: 201)
        ) { request, context in
            let topology = try await readDocument(request, context)
            let name = try GridStore.checkName(try Query(request).string("name") ?? topology.grids.first?.name, field: "name")
            let grid = try await GridStore.create(name: name, topology: topology, context: context, platform: platform, action: "grid.import")
            return GridHTTP.response(
                GridViews.detail(grid, topology), status: .created, headers: GridStore.headers(grid, location: "/api/v1/grids/\(grid.id.uuidString.lowercased())"))
        }

        routes.add(Endpoint(
            .get, "/api/v1/grids/:id", access: .permission(.gridRead), summary: "One grid with its topology and totals",
            tag: "grid", response: "Grid")
        ) { _, context in
            let grid = try await GridStore.grid(context, platform)
            return GridHTTP.response(GridViews.detail(grid, try GridStore.topology(grid)), headers: GridStore.headers(grid))
        }

        routes.add(Endpoint(
            .get, "/api/v1/grids/:id/export", access: .permission(.gridRead),
            summary: "The grid as one powerhouse.grid/v1 document (import it elsewhere unchanged)", tag: "grid",
            responseType: "application/json")
        ) { _, context in
            let grid = try await GridStore.grid(context, platform)
            return GridHTTP.download(
                grid.document, contentType: "application/json; charset=utf-8", filename: "\(grid.name).json", headers: GridStore.headers(grid))
        }

        routes.add(Endpoint(
            .put, "/api/v1/grids/:id/topology", access: .permission(.gridWrite),
            summary: "Replace the grid's whole topology by a powerhouse.grid/v1 document", tag: "grid", audit: "grid.import",
            request: "TopologyDocument", response: "Grid")
        ) { request, context in
            let body = try await GridHTTP.read(request, context)
            let (grid, topology, _) = try await GridStore.change(request, context, platform, detail: { (_: Int) in "topology replaced" }) { editor in
                guard case .object(let root) = body else { throw Problem.invalid("/", "must be a powerhouse.grid/v1 document (a JSON object)") }
                editor = TopologyEditor(root: root)
                return (nil, "", 0)
            }
            return GridHTTP.response(GridViews.detail(grid, topology), headers: GridStore.headers(grid))
        }

        routes.add(Endpoint(
            .patch, "/api/v1/grids/:id", access: .permission(.gridWrite),
            summary: "Rename the grid, change its time zone or location", tag: "grid", audit: "grid.update",
            request: "UpdateGrid", response: "Grid")
        ) { request, context in
            let body = try await GridHTTP.readObject(request, context)
            if let unknown = body.keys.sorted().first(where: { !["name", "time_zone", "location"].contains($0) }) {
                throw Problem.invalid("/\(unknown)", "unknown field; a grid's name, time_zone and location can be changed here")
            }
            let rename = try body["name"].map { try GridStore.checkName($0.string) }
            let (grid, topology, _) = try await GridStore.change(request, context, platform, rename: rename, detail: { (_: Int) in "grid updated" }) { editor in
                var root = editor.root
                if let zone = body["time_zone"] { root["time_zone"] = zone }
                var grids = TopologyEditor(root: root).grids
                for g in grids.indices {
                    if let location = body["location"] { grids[g]["location"] = location == .null ? nil : location }
                    if let rename, grids.count == 1 { grids[g]["name"] = .string(rename) }
                }
                editor = TopologyEditor(root: root)
                editor.grids = grids
                return (nil, "", 0)
            }
            return GridHTTP.response(GridViews.detail(grid, topology), headers: GridStore.headers(grid))
        }

        routes.add(Endpoint(
            .delete, "/api/v1/grids/:id", access: .permission(.gridWrite),
            summary: "Delete a grid (its simulation runs keep their own snapshots)", tag: "grid", audit: "grid.delete")
        ) { _, context in
            try await GridStore.delete(context, platform)
            return .noContent()
        }
    }

    /// Reads a `powerhouse.grid/v1` body; problems are 422 with their document pointers.
    static func readDocument(_ request: Request, _ context: AppRequestContext) async throws -> GridTopology {
        let body = try await GridHTTP.read(request, context)
        guard case .object(let root) = body else { throw Problem.invalid("/", "must be a powerhouse.grid/v1 document (a JSON object)") }
        return try TopologyEditor(root: root).finish().topology
    }

    // MARK: transformers

    static func addTransformers(to routes: Routes) {
        let platform = routes.platform

        routes.add(Endpoint(
            .get, "/api/v1/grids/:id/transformers", access: .permission(.gridRead),
            summary: "The grid's transformers with their house counts", tag: "grid", response: "TransformerList")
        ) { _, context in
            let topology = try GridStore.topology(try await GridStore.grid(context, platform))
            return GridHTTP.response(.object(["items": .array(GridViews.transformers(topology))]))
        }

        routes.add(Endpoint(
            .post, "/api/v1/grids/:id/transformers", access: .permission(.gridWrite),
            summary: "Add a transformer (with \"grid\": the inner grid's name, when the document has several)", tag: "grid",
            audit: "grid.transformer.create", request: "Transformer", response: "Transformer", status: 201)
        ) { request, context in
            var received = try await GridHTTP.readObject(request, context)
            let gridName = received.removeValue(forKey: "grid")?.string
            let body = received
            let (grid, topology, name) = try await GridStore.change(request, context, platform, detail: { (name: String) in "transformer \(name)" }) { editor in
                let path = try editor.addTransformer(body, gridName: gridName)
                return (path, "", body["name"]?.string ?? "")
            }
            return try transformerResponse(name, grid, topology, status: .created)
        }

        routes.add(Endpoint(
            .get, "/api/v1/grids/:id/transformers/:name", access: .permission(.gridRead), summary: "One transformer",
            tag: "grid", response: "Transformer")
        ) { _, context in
            let grid = try await GridStore.grid(context, platform)
            return try transformerResponse(try GridHTTP.name(context, "name"), grid, try GridStore.topology(grid))
        }

        routes.add(Endpoint(
            .put, "/api/v1/grids/:id/transformers/:name", access: .permission(.gridWrite),
            summary: "Replace a transformer (a new name is carried over to its houses)", tag: "grid",
            audit: "grid.transformer.update", request: "Transformer", response: "Transformer")
        ) { request, context in
            let old = try GridHTTP.name(context, "name")
            let body = try await GridHTTP.readObject(request, context)
            let (grid, topology, name) = try await GridStore.change(request, context, platform, detail: { (name: String) in "transformer \(name)" }) { editor in
                let path = try editor.replaceTransformer(old, with: body)
                return (path, "", body["name"]?.string ?? old)
            }
            return try transformerResponse(name, grid, topology)
        }

        routes.add(Endpoint(
            .delete, "/api/v1/grids/:id/transformers/:name", access: .permission(.gridWrite),
            summary: "Remove a transformer (cascade=true also removes its houses)", tag: "grid", audit: "grid.transformer.delete",
            parameters: [.init("cascade", "boolean", "also remove the transformer's houses")])
        ) { request, context in
            let name = try GridHTTP.name(context, "name")
            let cascade = try Query(request).string("cascade") == "true"
            _ = try await GridStore.change(request, context, platform, detail: { (count: Int) in "transformer \(name), \(count) house(s) removed" }) { editor in
                (nil, "", try editor.removeTransformer(name, cascade: cascade))
            }
            return .noContent()
        }
    }

    static func transformerResponse(
        _ name: String, _ grid: StoredGrid, _ topology: GridTopology, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        guard let view = GridViews.transformers(topology).first(where: { $0["name"]?.string == name }) else {
            throw Problem.notFound("transformer \"\(name)\"")
        }
        let location = "/api/v1/grids/\(grid.id.uuidString.lowercased())/transformers/\(GridViews.escapePath(name))"
        return GridHTTP.response(view, status: status, headers: GridStore.headers(grid, location: status == .created ? location : nil))
    }
}

extension TopologyEditor {
    /// `finish` for a grid built from a create body: document paths `grids[0].…` are reported as body pointers.
    func finishCreate() throws -> (topology: GridTopology, document: String) {
        do {
            let topology = try GridTopology.read(json: Data(GridJSON.object(root).serialized().utf8))
            return (topology, topology.jsonString())
        } catch let error as TopologyError {
            let errors = error.issues.map { issue -> Problem.FieldError in
                var path = issue.path
                if path.hasPrefix("grids[0].") { path = String(path.dropFirst("grids[0].".count)) }
                if path == "grids[0]" || path == "grids" { path = "" }
                return Problem.FieldError(field: GridHTTP.pointer(path), message: issue.message)
            }
            throw Problem(.validation, detail: error.description, errors: errors)
        }
    }
}
