import Foundation
import GridModel
import Platform

/// What `POST /api/v1/simulations` asks for, checked field by field (every problem named by its JSON pointer),
/// and kept as the run's immutable `parameters` document. The job reads the stored parameters back through the
/// same parser, so what was accepted is exactly what runs.
struct SimulationSpec: Sendable, Equatable {
    enum WeatherChoice: Sendable, Equatable {
        case synthetic(seed: UInt64)
        case file(id: UUID)
    }

    var name: String?
    var gridID: UUID?
    var from: LocalDate
    var to: LocalDate
    var stepMinutes: Int
    var strategy: String
    var priority: [String]
    var scope: SharingScope
    var battery: BatteryStrategy
    var economics: Economics
    var seed: UInt64
    var detail: DetailLevel
    var weather: WeatherChoice
    /// Where `co2_kg_per_kwh` came from when the request named an eGRID subregion (see `EGRIDEmissionFactor`).
    var co2Source: String?

    static let fields: Set<String> = [
        "name", "grid_id", "topology", "from", "to", "step_minutes", "strategy", "priority", "scope", "battery_strategy",
        "peak_threshold_kw", "tariffs", "co2_kg_per_kwh", "co2_source", "seed", "detail", "weather",
    ]

    /// Parses a request body (or stored parameters); throws a 422 listing every problem.
    static func parse(_ body: [String: GridJSON]) throws -> SimulationSpec {
        var r = FieldReader()
        for key in body.keys.sorted() where !fields.contains(key) { r.fail("/\(key)", "unknown field") }
        let name = r.string(body, "name", maxLength: 200)
        let gridID = r.string(body, "grid_id").flatMap { text -> UUID? in
            guard let id = UUID(uuidString: text) else { r.fail("/grid_id", "\"\(text)\" is not a grid id (UUID)"); return nil }
            return id
        }
        let from = r.date(body, "from")
        let to = r.date(body, "to")
        if let from, let to, !(from < to) { r.fail("/to", "must be after from (\(from)); a run covers 1 day to 1 year") }
        let step = r.integer(body, "step_minutes", allowed: [5, 10, 15, 30, 60]) ?? 15
        let strategy = r.choice(body, "strategy", ["pro-rata", "equal", "priority"]) ?? "pro-rata"
        var priority: [String] = []
        if let list = body["priority"], list != .null {
            if let items = list.array, items.allSatisfy({ $0.string != nil }) { priority = items.compactMap(\.string) } else {
                r.fail("/priority", "must be an array of strings (house names, flags or tags, optionally house:/flag:/tag: prefixed)")
            }
        }
        let scope = r.choice(body, "scope", ["transformer", "grid", "none"]).flatMap(SharingScope.init(rawValue:)) ?? .transformer
        var battery = BatteryStrategy.selfConsumption
        if r.choice(body, "battery_strategy", ["self-consumption", "peak-shaving"]) == "peak-shaving" {
            battery = .peakShaving(thresholdKW: r.number(body, "peak_threshold_kw", minimum: 0) ?? 0)
        }
        var economics = Economics()
        if let tariffs = body["tariffs"], tariffs != .null {
            if let t = tariffs.object {
                for key in t.keys.sorted() where !["import", "feed_in", "community", "currency"].contains(key) {
                    r.fail("/tariffs/\(key)", "unknown field; tariffs take import, feed_in, community and currency")
                }
                if let value = t["import"] { economics.importTariff = r.tariff(value, "/tariffs/import") ?? economics.importTariff }
                if let value = t["feed_in"] { economics.feedInTariff = r.tariff(value, "/tariffs/feed_in") ?? economics.feedInTariff }
                switch t["community"] {
                case nil, .null?, .string("midpoint")?: economics.communityPrice = .midpoint
                case .number(let price)? where price.isFinite: economics.communityPrice = .fixed(price)
                default: r.fail("/tariffs/community", "must be a price per kWh or \"midpoint\"")
                }
                if let currency = t["currency"] {
                    if let text = currency.string, (1...10).contains(text.count) { economics.currency = text } else {
                        r.fail("/tariffs/currency", "must be a short currency label such as EUR")
                    }
                }
            } else {
                r.fail("/tariffs", "must be an object with import, feed_in, community and currency")
            }
        }
        switch body["co2_kg_per_kwh"] {
        case nil, .null?: break
        case .number(let factor)? where factor >= 0 && factor.isFinite: economics.emissions = .constant(factor)
        case .array(let hourly)? where !hourly.isEmpty && hourly.allSatisfy({ ($0.number ?? -1) >= 0 }):
            economics.emissions = .hourly(hourly.compactMap(\.number))
        default:
            r.fail("/co2_kg_per_kwh", "must be kg CO2 per kWh (a number ≥ 0), an hourly array of them, or {\"egrid_subregion\": \"ERCT\"}")
        }
        let co2Source = r.string(body, "co2_source", maxLength: 300)
        let seed = r.integer(body, "seed", range: 0...Double(1 << 53)).map(UInt64.init) ?? 1
        let detail = r.choice(body, "detail", ["aggregates", "full"]).flatMap(DetailLevel.init(rawValue:)) ?? .aggregates
        var weather = WeatherChoice.synthetic(seed: seed)
        if let w = body["weather"], w != .null {
            if let o = w.object {
                switch r.choice(o, "source", ["synthetic", "file"], at: "/weather") ?? "synthetic" {
                case "file":
                    if let text = r.string(o, "id", at: "/weather", required: true) {
                        if let id = UUID(uuidString: text) { weather = .file(id: id) } else { r.fail("/weather/id", "\"\(text)\" is not a weather file id") }
                    }
                default:
                    weather = .synthetic(seed: r.integer(o, "seed", range: 0...Double(1 << 53), at: "/weather").map(UInt64.init) ?? seed)
                }
            } else {
                r.fail("/weather", "must be {\"source\": \"synthetic\", \"seed\": 1} or {\"source\": \"file\", \"id\": \"…\"}")
            }
        }
        guard r.errors.isEmpty, let from, let to else {
            if from == nil, !r.errors.contains(where: { $0.field == "/from" }) { r.fail("/from", "is required: the first day, YYYY-MM-DD") }
            if to == nil, !r.errors.contains(where: { $0.field == "/to" }) { r.fail("/to", "is required: the end day (exclusive), YYYY-MM-DD") }
            throw r.problem
        }
        return SimulationSpec(
            name: name, gridID: gridID, from: from, to: to, stepMinutes: step, strategy: strategy, priority: priority, scope: scope,
            battery: battery, economics: economics, seed: seed, detail: detail, weather: weather, co2Source: co2Source)
    }

    /// The run's options for a topology (priority entries are resolved against its house names).
    func options(for topology: GridTopology) throws -> SimulationOptions {
        let sharing: SharingStrategy
        do {
            sharing = try SimulateCommand.sharingStrategy(strategy, priority: priority, houseNames: Set(topology.allHouses.map(\.name)))
        } catch {
            throw Problem.invalid("/priority", "\(error)")
        }
        return SimulationOptions(sharing: sharing, scope: scope, battery: battery, economics: economics, detail: detail)
    }

    /// Checks what can only be checked against the topology: the period in its time zone, the priority list.
    func check(against topology: GridTopology) throws {
        _ = try options(for: topology)
        do {
            _ = try SimulationPeriod(from: from, to: to, timeZoneID: topology.timeZone, stepMinutes: stepMinutes)
        } catch {
            throw Problem.invalid("/to", "\(error)")
        }
    }

    func request(topology: GridTopology) throws -> SimulateRequest {
        SimulateRequest(topology: topology, from: from, to: to, stepMinutes: stepMinutes, seed: seed, options: try options(for: topology))
    }

    /// The stored form: every parameter written out, defaults included.
    var parameters: GridJSON {
        var o: [String: GridJSON] = [
            "from": .string(from.description), "to": .string(to.description), "step_minutes": .number(Double(stepMinutes)),
            "strategy": .string(strategy), "scope": .string(scope.rawValue), "seed": .number(Double(seed)), "detail": .string(detail.rawValue),
        ]
        if let name { o["name"] = .string(name) }
        if let gridID { o["grid_id"] = .uuid(gridID) }
        if !priority.isEmpty { o["priority"] = .array(priority.map(GridJSON.string)) }
        switch battery {
        case .selfConsumption: o["battery_strategy"] = .string("self-consumption")
        case .peakShaving(let threshold):
            o["battery_strategy"] = .string("peak-shaving")
            o["peak_threshold_kw"] = .number(threshold)
        }
        var tariffs: [String: GridJSON] = [
            "import": Self.json(economics.importTariff), "feed_in": Self.json(economics.feedInTariff), "currency": .string(economics.currency),
        ]
        switch economics.communityPrice {
        case .midpoint: tariffs["community"] = .string("midpoint")
        case .fixed(let price): tariffs["community"] = .number(price)
        }
        o["tariffs"] = .object(tariffs)
        switch economics.emissions {
        case .constant(let factor): o["co2_kg_per_kwh"] = .number(factor)
        case .hourly(let values): o["co2_kg_per_kwh"] = .array(values.map(GridJSON.number))
        }
        if let co2Source { o["co2_source"] = .string(co2Source) }
        switch weather {
        case .synthetic(let seed): o["weather"] = .object(["source": .string("synthetic"), "seed": .number(Double(seed))])
        case .file(let id): o["weather"] = .object(["source": .string("file"), "id": .uuid(id)])
        }
        return .object(o)
    }

    static func json(_ tariff: Tariff) -> GridJSON {
        switch tariff {
        case .flat(let price): .number(price)
        case .timeOfUse(let weekday, let weekend): .object(["weekday": .array(weekday.map(GridJSON.number)), "weekend": .array(weekend.map(GridJSON.number))])
        case .perStep(let values): .array(values.map(GridJSON.number))
        }
    }
}

/// Reads fields of a JSON object, collecting every problem as a field error.
struct FieldReader {
    var errors: [Problem.FieldError] = []

    mutating func fail(_ field: String, _ message: String) { errors.append(.init(field: field, message: message)) }

    var problem: Problem {
        Problem(.validation, detail: errors.map { "\($0.field): \($0.message)" }.joined(separator: "; "), errors: errors)
    }

    mutating func string(_ o: [String: GridJSON], _ key: String, at prefix: String = "", required: Bool = false, maxLength: Int = 200) -> String? {
        switch o[key] {
        case nil, .null?:
            if required { fail("\(prefix)/\(key)", "is required") }
            return nil
        case .string(let text)?:
            guard text.count <= maxLength else { fail("\(prefix)/\(key)", "is longer than \(maxLength) characters"); return nil }
            return text
        default:
            fail("\(prefix)/\(key)", "must be a string")
            return nil
        }
    }

    mutating func choice(_ o: [String: GridJSON], _ key: String, _ allowed: [String], at prefix: String = "") -> String? {
        guard let text = string(o, key, at: prefix) else { return nil }
        guard allowed.contains(text) else { fail("\(prefix)/\(key)", "must be one of \(allowed.joined(separator: ", "))"); return nil }
        return text
    }

    mutating func date(_ o: [String: GridJSON], _ key: String) -> LocalDate? {
        guard let text = string(o, key) else { return nil }
        guard let date = LocalDate(text) else { fail("/\(key)", "\"\(text)\" is not a date like 2025-01-01"); return nil }
        return date
    }

    mutating func number(_ o: [String: GridJSON], _ key: String, minimum: Double, at prefix: String = "") -> Double? {
        switch o[key] {
        case nil, .null?: return nil
        case .number(let n)? where n >= minimum && n.isFinite: return n
        default:
            fail("\(prefix)/\(key)", "must be a number ≥ \(minimum == minimum.rounded() ? String(Int(minimum)) : String(minimum))")
            return nil
        }
    }

    mutating func integer(_ o: [String: GridJSON], _ key: String, range: ClosedRange<Double>, at prefix: String = "") -> Int? {
        switch o[key] {
        case nil, .null?: return nil
        case .number(let n)? where n == n.rounded() && range.contains(n): return Int(n)
        default:
            fail("\(prefix)/\(key)", "must be a whole number from \(Int(range.lowerBound)) to \(Int(range.upperBound))")
            return nil
        }
    }

    mutating func integer(_ o: [String: GridJSON], _ key: String, allowed: [Int]) -> Int? {
        guard let n = integer(o, key, range: 0...1_000_000) else { return nil }
        guard allowed.contains(n) else { fail("/\(key)", "must be one of \(allowed.map(String.init).joined(separator: ", "))"); return nil }
        return n
    }

    mutating func tariff(_ value: GridJSON, _ field: String) -> Tariff? {
        switch value {
        case .number(let price) where price.isFinite: return .flat(price)
        case .object(let table):
            let weekday = table["weekday"]?.array?.compactMap(\.number) ?? []
            let weekend = table["weekend"]?.array?.compactMap(\.number) ?? weekday
            guard weekday.count == 24, weekend.count == 24, Set(table.keys).isSubset(of: ["weekday", "weekend"]) else {
                fail(field, "a time-of-use table needs \"weekday\" and \"weekend\": 24 prices each, by local hour")
                return nil
            }
            return .timeOfUse(weekday: weekday, weekend: weekend)
        default:
            fail(field, "must be a price per kWh or {\"weekday\": [24 prices], \"weekend\": [24 prices]}")
            return nil
        }
    }
}
