import Foundation
import GridModel
import Storage

/// API representations of stored grids.
enum GridViews {
    static func summary(_ grid: StoredGrid) -> GridJSON {
        .object([
            "id": .uuid(grid.id), "name": .string(grid.name), "version": .number(Double(grid.version)),
            "house_count": .number(Double(grid.houseCount)), "transformer_count": .number(Double(grid.transformerCount)),
            "created_by": .uuid(grid.createdBy), "created_at": .date(grid.createdAt), "updated_at": .date(grid.updatedAt),
        ])
    }

    /// Summary, totals and the whole document under `topology`.
    static func detail(_ grid: StoredGrid, _ topology: GridTopology) -> GridJSON {
        guard case .object(var o) = summary(grid) else { return .null }
        o["time_zone"] = .string(topology.timeZone)
        o["totals"] = totals(topology)
        o["topology"] = topology.jsonValue
        return .object(o)
    }

    static func totals(_ topology: GridTopology) -> GridJSON {
        let houses = topology.allHouses
        let batteries = houses.compactMap(\.battery)
        return .object([
            "houses": .number(Double(houses.count)),
            "transformers": .number(Double(topology.grids.reduce(0) { $0 + $1.transformers.count })),
            "capacity_kw": .number(topology.grids.flatMap(\.transformers).reduce(0) { $0 + $1.capacityKW }),
            "annual_consumption_kwh": .number(houses.reduce(0) { $0 + $1.annualConsumptionKWh }),
            "pv_houses": .number(Double(houses.filter { !$0.pvSystems.isEmpty }.count)),
            "pv_kwp": .number(houses.reduce(0) { $0 + $1.pvKWp }),
            "batteries": .number(Double(batteries.count)),
            "battery_kwh": .number(batteries.reduce(0) { $0 + $1.capacityKWh }),
            "evs": .number(Double(houses.filter { $0.ev != nil }.count)),
            "heat_pumps": .number(Double(houses.filter { $0.heatPump != nil }.count)),
        ])
    }

    /// Each transformer's document fields plus its grid, house count, PV and battery totals.
    static func transformers(_ topology: GridTopology) -> [GridJSON] {
        topology.grids.flatMap { grid in
            let transformers = (grid.jsonValue["transformers"]?.array ?? [])
            return zip(grid.transformers, transformers).map { transformer, json -> GridJSON in
                var o: [String: GridJSON] = json.object ?? [:]
                let houses = grid.houses.filter { $0.transformer == transformer.name }
                o["grid"] = .string(grid.name)
                o["house_count"] = .number(Double(houses.count))
                o["pv_kwp"] = .number(houses.reduce(0) { $0 + $1.pvKWp })
                o["battery_kwh"] = .number(houses.compactMap(\.battery).reduce(0) { $0 + $1.capacityKWh })
                o["annual_consumption_kwh"] = .number(houses.reduce(0) { $0 + $1.annualConsumptionKWh })
                return GridJSON.object(o)
            }
        }
    }

    /// A name as a URL path segment.
    static func escapePath(_ name: String) -> String {
        name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? name
    }
}

extension Grid {
    /// The grid's part of the document.
    var jsonValue: GridJSON {
        let document: GridJSON = GridTopology(timeZone: "UTC", grids: [self]).jsonValue
        return document["grids"]?.array?.first ?? GridJSON.null
    }
}
