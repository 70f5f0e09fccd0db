import Foundation
import GridModel
import Platform

/// Edits a stored `powerhouse.grid/v1` document as a JSON tree: the CRUD routes insert, replace and remove objects,
/// then `finish` reads the whole document back through GridModel's reader, which type-checks and validates it (and
/// names every problem by its path, reported relative to the request body). What is stored is the reader's
/// canonical output, so defaults are written out and export → import → export stays byte-identical.
struct TopologyEditor {
    private(set) var root: [String: GridJSON]

    init(document: String) throws {
        guard case .object(let root) = try GridHTTP.parse(Data(document.utf8)) else {
            throw Problem(.internal, detail: "the stored topology is not a JSON object")
        }
        self.root = root
    }

    init(root: [String: GridJSON]) { self.root = root }

    // MARK: reading

    var grids: [[String: GridJSON]] {
        get { (root["grids"]?.array ?? []).map { $0.object ?? [:] } }
        set { root["grids"] = .array(newValue.map(GridJSON.object)) }
    }

    static func list(_ grid: [String: GridJSON], _ key: String) -> [[String: GridJSON]] {
        (grid[key]?.array ?? []).map { $0.object ?? [:] }
    }

    func house(named name: String) -> (grid: Int, index: Int, value: [String: GridJSON])? {
        for (g, grid) in grids.enumerated() {
            if let h = Self.list(grid, "houses").firstIndex(where: { $0["name"]?.string == name }) {
                return (g, h, Self.list(grid, "houses")[h])
            }
        }
        return nil
    }

    func transformer(named name: String) -> (grid: Int, index: Int, value: [String: GridJSON])? {
        for (g, grid) in grids.enumerated() {
            if let t = Self.list(grid, "transformers").firstIndex(where: { $0["name"]?.string == name }) {
                return (g, t, Self.list(grid, "transformers")[t])
            }
        }
        return nil
    }

    var transformerNames: [String] { grids.flatMap { Self.list($0, "transformers").compactMap { $0["name"]?.string } } }
    var houseNames: Set<String> { Set(grids.flatMap { Self.list($0, "houses").compactMap { $0["name"]?.string } }) }

    func requireHouse(_ name: String) throws -> (grid: Int, index: Int, value: [String: GridJSON]) {
        guard let found = house(named: name) else { throw Problem.notFound("house \"\(name)\"") }
        return found
    }

    func requireTransformer(_ name: String) throws -> (grid: Int, index: Int, value: [String: GridJSON]) {
        guard let found = transformer(named: name) else { throw Problem.notFound("transformer \"\(name)\"") }
        return found
    }

    /// The inner grid a house with `body["transformer"]` belongs to; 422 on `/transformer` when it names none.
    func gridOf(transformerField body: [String: GridJSON], pointer: String = "/transformer") throws -> Int {
        guard let name = body["transformer"]?.string else { throw Problem.invalid(pointer, "is required: the name of the house's transformer") }
        guard let found = transformer(named: name) else {
            let known = transformerNames.map { "\"\($0)\"" }.joined(separator: ", ")
            throw Problem.invalid(pointer, "unknown transformer \"\(name)\" (known: \(known.isEmpty ? "none" : known))")
        }
        return found.grid
    }

    private mutating func update(grid g: Int, _ key: String, _ change: (inout [[String: GridJSON]]) -> Void) {
        var all = grids
        var items = Self.list(all[g], key)
        change(&items)
        all[g][key] = .array(items.map(GridJSON.object))
        grids = all
    }

    private func checkNewName(_ body: [String: GridJSON], taken: Set<String>, what: String, pointer: String = "/name") throws {
        if let name = body["name"]?.string, taken.contains(name) {
            throw Problem(.conflict, detail: "a \(what) named \"\(name)\" already exists", errors: [.init(field: pointer, message: "already exists")])
        }
    }

    // MARK: houses

    /// Appends a house; returns its document path.
    mutating func addHouse(_ body: [String: GridJSON]) throws -> String {
        try checkNewName(body, taken: houseNames, what: "house")
        let g = try gridOf(transformerField: body)
        var path = ""
        update(grid: g, "houses") { houses in
            path = "grids[\(g)].houses[\(houses.count)]"
            houses.append(body)
        }
        return path
    }

    /// Replaces a house (moving it when its transformer is in another grid of the document); returns its new path.
    mutating func replaceHouse(_ name: String, with body: [String: GridJSON]) throws -> String {
        let old = try requireHouse(name)
        if let newName = body["name"]?.string, newName != name { try checkNewName(body, taken: houseNames, what: "house") }
        let g = try gridOf(transformerField: body)
        if g == old.grid {
            update(grid: g, "houses") { $0[old.index] = body }
            return "grids[\(g)].houses[\(old.index)]"
        }
        update(grid: old.grid, "houses") { $0.remove(at: old.index) }
        return try addHouse(body)
    }

    mutating func removeHouse(_ name: String) throws {
        let old = try requireHouse(name)
        update(grid: old.grid, "houses") { $0.remove(at: old.index) }
    }

    /// Changes one part of a house (`pv_systems`, `battery`) through `change`; returns the house's path.
    mutating func editHouse(_ name: String, _ change: (inout [String: GridJSON]) throws -> Void) throws -> String {
        let found = try requireHouse(name)
        var house = found.value
        try change(&house)
        update(grid: found.grid, "houses") { $0[found.index] = house }
        return "grids[\(found.grid)].houses[\(found.index)]"
    }

    /// Appends a PV system to a house; returns its path and index.
    mutating func addPV(_ house: String, _ body: [String: GridJSON]) throws -> (path: String, index: Int) {
        var index = 0
        let path = try editHouse(house) { h in
            var systems = h["pv_systems"]?.array ?? []
            index = systems.count
            systems.append(.object(body))
            h["pv_systems"] = .array(systems)
        }
        return ("\(path).pv_systems[\(index)]", index)
    }

    /// Replaces (with a body) or removes (without) a house's PV system; returns its path.
    mutating func changePV(_ house: String, index: Int, to body: [String: GridJSON]?) throws -> String {
        let path = try editHouse(house) { h in
            var systems = h["pv_systems"]?.array ?? []
            guard systems.indices.contains(index) else { throw Problem.notFound("PV system \(index) of house \"\(house)\"") }
            if let body { systems[index] = .object(body) } else { systems.remove(at: index) }
            h["pv_systems"] = systems.isEmpty ? nil : .array(systems)
        }
        return "\(path).pv_systems[\(index)]"
    }

    /// Sets (with a body) or removes (without) a house's battery; returns its path.
    mutating func changeBattery(_ house: String, to body: [String: GridJSON]?) throws -> String {
        try editHouse(house) { h in
            if let body { h["battery"] = .object(body) } else if h.removeValue(forKey: "battery") == nil {
                throw Problem.notFound("battery of house \"\(house)\"")
            }
        } + ".battery"
    }

    /// Adds `count` houses made from `template`, named `prefix` + a zero-padded number, skipping names in use.
    /// Returns the new names and the path of the first new house.
    mutating func addHouses(count: Int, template: [String: GridJSON], prefix: String) throws -> (names: [String], firstPath: String) {
        let g = try gridOf(transformerField: template, pointer: "/template/transformer")
        let taken = houseNames
        var names: [String] = []
        var number = 0
        let digits = max(3, String(taken.count + count).count)
        while names.count < count {
            number += 1
            let candidate = prefix + String(repeating: "0", count: max(0, digits - String(number).count)) + String(number)
            if !taken.contains(candidate) { names.append(candidate) }
        }
        var firstPath = ""
        update(grid: g, "houses") { houses in
            firstPath = "grids[\(g)].houses[\(houses.count)]"
            for name in names {
                var house = template
                house["name"] = .string(name)
                houses.append(house)
            }
        }
        return (names, firstPath)
    }

    // MARK: transformers

    /// Adds a transformer to the inner grid named by `gridName` (optional when the document has one grid).
    mutating func addTransformer(_ body: [String: GridJSON], gridName: String?) throws -> String {
        try checkNewName(body, taken: Set(transformerNames), what: "transformer")
        let g: Int
        if let gridName {
            guard let index = grids.firstIndex(where: { $0["name"]?.string == gridName }) else {
                throw Problem.invalid("/grid", "no grid named \"\(gridName)\" in this topology")
            }
            g = index
        } else {
            guard grids.count == 1 else { throw Problem.invalid("/grid", "this topology has \(grids.count) grids: name the one the transformer belongs to") }
            g = 0
        }
        var path = ""
        update(grid: g, "transformers") { transformers in
            path = "grids[\(g)].transformers[\(transformers.count)]"
            transformers.append(body)
        }
        return path
    }

    /// Replaces a transformer; a new name is carried over to its houses.
    mutating func replaceTransformer(_ name: String, with body: [String: GridJSON]) throws -> String {
        let old = try requireTransformer(name)
        let newName = body["name"]?.string ?? name
        if newName != name { try checkNewName(body, taken: Set(transformerNames), what: "transformer") }
        update(grid: old.grid, "transformers") { $0[old.index] = body }
        if newName != name {
            update(grid: old.grid, "houses") { houses in
                for i in houses.indices where houses[i]["transformer"]?.string == name { houses[i]["transformer"] = .string(newName) }
            }
        }
        return "grids[\(old.grid)].transformers[\(old.index)]"
    }

    /// Removes a transformer; with `cascade` its houses go too, else a transformer with houses is a conflict.
    mutating func removeTransformer(_ name: String, cascade: Bool) throws -> Int {
        let old = try requireTransformer(name)
        let houses = Self.list(grids[old.grid], "houses").filter { $0["transformer"]?.string == name }.count
        if houses > 0, !cascade {
            throw Problem(.conflict, detail: "transformer \"\(name)\" still has \(houses) house(s): move or delete them first, or pass cascade=true")
        }
        if Self.list(grids[old.grid], "transformers").count == 1 {
            throw Problem(.conflict, detail: "a grid needs at least one transformer; add another before removing \"\(name)\"")
        }
        update(grid: old.grid, "transformers") { $0.remove(at: old.index) }
        update(grid: old.grid, "houses") { $0.removeAll { $0["transformer"]?.string == name } }
        return houses
    }

    // MARK: validation

    /// Reads the edited document through GridModel: the canonical topology and its text, or a 422 naming each
    /// problem (relative to the body at `bodyPointer` when it lies under `documentPath`).
    func finish(documentPath: String? = nil, bodyPointer: String = "") throws -> (topology: GridTopology, document: String) {
        do {
            let topology = try GridTopology.read(json: Data(GridJSON.object(root).serialized().utf8))
            return (topology, topology.jsonString())
        } catch let error as TopologyError {
            throw GridHTTP.problem(error, documentPath: documentPath, bodyPointer: bodyPointer)
        }
    }

    /// Applies an RFC 7386 merge patch: `null` removes a key, objects merge, anything else replaces.
    static func mergePatch(_ target: GridJSON, _ patch: GridJSON) -> GridJSON {
        guard case .object(let changes) = patch else { return patch }
        var result = target.object ?? [:]
        for (key, value) in changes {
            if value == .null { result.removeValue(forKey: key) } else { result[key] = mergePatch(result[key] ?? .null, value) }
        }
        return .object(result)
    }
}
