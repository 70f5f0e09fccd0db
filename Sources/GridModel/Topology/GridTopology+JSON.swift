import Foundation

// Field names here are the `powerhouse.grid/v1` contract; `reference/grid/topology-schema.md` documents them.
extension GridTopology {
    /// Reads a topology document and validates it, throwing a `TopologyError` with every issue found.
    public static func read(json data: Data) throws -> GridTopology {
        let tree: GridJSON
        do {
            tree = try GridJSON.parse(data)
        } catch {
            throw TopologyError(issues: [ValidationIssue(path: "", message: "not valid JSON: \(error)")])
        }
        var reader = JSONFieldReader()
        let topology = GridTopology(tree: tree, reader: &reader)
        var issues = reader.issues
        if let topology, issues.isEmpty { issues = topology.validate() }
        guard let topology, issues.isEmpty else { throw TopologyError(issues: issues) }
        return topology
    }

    /// The document as JSON text: sorted keys, two-space indent, stable numbers.
    public func jsonString() -> String { jsonValue.serialized() }

    /// The document as UTF-8 JSON data.
    public func jsonData() -> Data { Data(jsonString().utf8) }

    public var jsonValue: GridJSON {
        var root: [String: GridJSON] = ["schema": .string(GridTopology.schemaID), "time_zone": .string(timeZone)]
        root["grids"] = .array(grids.map(\.jsonValue))
        return .object(root)
    }

    init?(tree: GridJSON, reader: inout JSONFieldReader) {
        guard let root = reader.object(tree, at: "", allowed: ["schema", "time_zone", "grids"]) else { return nil }
        let schema = reader.string(root, "schema", at: "")
        if let schema, schema != GridTopology.schemaID {
            reader.fail("schema", "unsupported schema \"\(schema)\"; this version reads \"\(GridTopology.schemaID)\"")
        }
        let zone = reader.optionalString(root, "time_zone", at: "") ?? "UTC"
        let grids = reader.array(root, "grids", at: "").enumerated().compactMap { index, value in
            Grid(tree: value, path: "grids[\(index)]", reader: &reader)
        }
        self.init(timeZone: zone, grids: grids)
    }
}

extension Grid {
    var jsonValue: GridJSON {
        var o: [String: GridJSON] = ["name": .string(name)]
        if let location { o["location"] = .object(["latitude": .number(location.latitude), "longitude": .number(location.longitude)]) }
        o["transformers"] = .array(transformers.map(\.jsonValue))
        o["houses"] = .array(houses.map(\.jsonValue))
        return .object(o)
    }

    init?(tree: GridJSON, path: String, reader: inout JSONFieldReader) {
        guard let o = reader.object(tree, at: path, allowed: ["name", "location", "transformers", "houses"]) else { return nil }
        let name = reader.string(o, "name", at: path)
        var location: GeoLocation?
        if let loc = o["location"], loc != .null {
            let p = JSONFieldReader.join(path, "location")
            if let l = reader.object(loc, at: p, allowed: ["latitude", "longitude"]),
               let lat = reader.number(l, "latitude", at: p), let lon = reader.number(l, "longitude", at: p) {
                location = GeoLocation(latitude: lat, longitude: lon)
            }
        }
        let transformers = reader.array(o, "transformers", at: path).enumerated().compactMap { i, v in
            Transformer(tree: v, path: "\(path).transformers[\(i)]", reader: &reader)
        }
        let houses = reader.array(o, "houses", at: path).enumerated().compactMap { i, v in
            House(tree: v, path: "\(path).houses[\(i)]", reader: &reader)
        }
        guard let name else { return nil }
        self.init(name: name, location: location, transformers: transformers, houses: houses)
    }
}

extension Transformer {
    var jsonValue: GridJSON {
        var o: [String: GridJSON] = ["name": .string(name), "capacity_kw": .number(capacityKW)]
        o.put("kva", kva)
        o.put("power_factor", powerFactor)
        return .object(o)
    }

    init?(tree: GridJSON, path: String, reader: inout JSONFieldReader) {
        guard let o = reader.object(tree, at: path, allowed: ["name", "capacity_kw", "kva", "power_factor"]) else { return nil }
        let name = reader.string(o, "name", at: path)
        let capacity = reader.number(o, "capacity_kw", at: path)
        let kva = reader.optionalNumber(o, "kva", at: path)
        let pf = reader.optionalNumber(o, "power_factor", at: path)
        guard let name, let capacity else { return nil }
        self.init(name: name, capacityKW: capacity, kva: kva, powerFactor: pf)
    }
}

extension House {
    static let fieldNames: Set<String> = [
        "name", "transformer", "type", "annual_consumption_kwh", "profile", "flags", "tags", "pv_systems", "battery", "ev", "heat_pump",
    ]

    var jsonValue: GridJSON {
        var o: [String: GridJSON] = [
            "name": .string(name), "transformer": .string(transformer), "type": .string(type.rawValue),
            "annual_consumption_kwh": .number(annualConsumptionKWh),
        ]
        if let profile { o["profile"] = .string(profile.rawValue) }
        if !flags.isEmpty { o["flags"] = .array(flags.sorted().map { .string($0.rawValue) }) }
        if !tags.isEmpty { o["tags"] = .array(tags.map { .string($0) }) }
        if !pvSystems.isEmpty { o["pv_systems"] = .array(pvSystems.map(\.jsonValue)) }
        if let battery { o["battery"] = battery.jsonValue }
        if let ev { o["ev"] = ev.jsonValue }
        if let heatPump { o["heat_pump"] = heatPump.jsonValue }
        return .object(o)
    }

    init?(tree: GridJSON, path: String, reader: inout JSONFieldReader) {
        guard let o = reader.object(tree, at: path, allowed: House.fieldNames) else { return nil }
        let name = reader.string(o, "name", at: path)
        let transformer = reader.string(o, "transformer", at: path)
        var type = HouseType.residential
        if let raw = reader.optionalString(o, "type", at: path) {
            if let t = HouseType(rawValue: raw) { type = t } else {
                reader.fail("\(path).type", "unknown house type \"\(raw)\"; use one of \(HouseType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let annual = reader.number(o, "annual_consumption_kwh", at: path)
        var profile: StandardLoadProfile?
        if let raw = reader.optionalString(o, "profile", at: path) {
            profile = StandardLoadProfile(rawValue: raw)
            if profile == nil {
                reader.fail("\(path).profile", "unknown profile \"\(raw)\"; use one of \(StandardLoadProfile.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let flags = Set(reader.stringArray(o, "flags", at: path).map(HouseFlag.init(rawValue:)))
        let tags = reader.stringArray(o, "tags", at: path)
        let pv = reader.array(o, "pv_systems", at: path).enumerated().compactMap { i, v in
            PVSystemSpec(tree: v, path: "\(path).pv_systems[\(i)]", reader: &reader)
        }
        let battery = o["battery"].flatMap { $0 == .null ? nil : BatterySpec(tree: $0, path: "\(path).battery", reader: &reader) }
        let ev = o["ev"].flatMap { $0 == .null ? nil : EVSpec(tree: $0, path: "\(path).ev", reader: &reader) }
        let hp = o["heat_pump"].flatMap { $0 == .null ? nil : HeatPumpSpec(tree: $0, path: "\(path).heat_pump", reader: &reader) }
        guard let name, let transformer, let annual else { return nil }
        self.init(
            name: name, transformer: transformer, type: type, annualConsumptionKWh: annual, profile: profile, flags: flags,
            tags: tags, pvSystems: pv, battery: battery, ev: ev, heatPump: hp)
    }
}

extension PVSystemSpec {
    var jsonValue: GridJSON {
        var o: [String: GridJSON] = [
            "kwp": .number(kWp), "tilt_deg": .number(tiltDegrees), "azimuth_deg": .number(azimuthDegrees),
            "losses_percent": .number(lossesPercent), "temperature_coefficient_per_c": .number(temperatureCoefficient),
        ]
        o.put("inverter_ac_kw", inverterKW)
        o.put("dc_ac_ratio", dcAcRatio)
        return .object(o)
    }

    init?(tree: GridJSON, path: String, reader: inout JSONFieldReader) {
        let allowed: Set<String> = ["kwp", "tilt_deg", "azimuth_deg", "losses_percent", "inverter_ac_kw", "dc_ac_ratio", "temperature_coefficient_per_c"]
        guard let o = reader.object(tree, at: path, allowed: allowed) else { return nil }
        let kwp = reader.number(o, "kwp", at: path)
        let d = PVSystemSpec(kWp: 0)
        let tilt = reader.optionalNumber(o, "tilt_deg", at: path) ?? d.tiltDegrees
        let azimuth = reader.optionalNumber(o, "azimuth_deg", at: path) ?? d.azimuthDegrees
        let losses = reader.optionalNumber(o, "losses_percent", at: path) ?? d.lossesPercent
        let inverter = reader.optionalNumber(o, "inverter_ac_kw", at: path)
        let ratio = reader.optionalNumber(o, "dc_ac_ratio", at: path)
        let gamma = reader.optionalNumber(o, "temperature_coefficient_per_c", at: path) ?? d.temperatureCoefficient
        guard let kwp else { return nil }
        self.init(kWp: kwp, tiltDegrees: tilt, azimuthDegrees: azimuth, lossesPercent: losses, inverterKW: inverter, dcAcRatio: ratio, temperatureCoefficient: gamma)
    }
}

extension BatterySpec {
    var jsonValue: GridJSON {
        var o: [String: GridJSON] = [
            "capacity_kwh": .number(capacityKWh), "max_charge_kw": .number(maxChargeKW), "max_discharge_kw": .number(maxDischargeKW),
            "charge_efficiency": .number(chargeEfficiency), "discharge_efficiency": .number(dischargeEfficiency),
            "min_soc": .number(minSoC), "max_soc": .number(maxSoC), "initial_soc": .number(initialSoC),
        ]
        o.put("peak_threshold_kw", peakThresholdKW)
        return .object(o)
    }

    init?(tree: GridJSON, path: String, reader: inout JSONFieldReader) {
        let allowed: Set<String> = [
            "capacity_kwh", "max_charge_kw", "max_discharge_kw", "charge_efficiency", "discharge_efficiency", "min_soc", "max_soc",
            "initial_soc", "peak_threshold_kw",
        ]
        guard let o = reader.object(tree, at: path, allowed: allowed) else { return nil }
        let d = BatterySpec(capacityKWh: 0, maxChargeKW: 0, maxDischargeKW: 0)
        let capacity = reader.number(o, "capacity_kwh", at: path)
        let charge = reader.number(o, "max_charge_kw", at: path)
        let discharge = reader.number(o, "max_discharge_kw", at: path)
        let etaC = reader.optionalNumber(o, "charge_efficiency", at: path) ?? d.chargeEfficiency
        let etaD = reader.optionalNumber(o, "discharge_efficiency", at: path) ?? d.dischargeEfficiency
        let minSoC = reader.optionalNumber(o, "min_soc", at: path) ?? d.minSoC
        let maxSoC = reader.optionalNumber(o, "max_soc", at: path) ?? d.maxSoC
        let initial = reader.optionalNumber(o, "initial_soc", at: path) ?? d.initialSoC
        let threshold = reader.optionalNumber(o, "peak_threshold_kw", at: path)
        guard let capacity, let charge, let discharge else { return nil }
        self.init(
            capacityKWh: capacity, maxChargeKW: charge, maxDischargeKW: discharge, chargeEfficiency: etaC, dischargeEfficiency: etaD,
            minSoC: minSoC, maxSoC: maxSoC, initialSoC: initial, peakThresholdKW: threshold)
    }
}

extension EVSpec {
    var jsonValue: GridJSON {
        .object([
            "arrival_hour": .number(arrivalHour), "departure_hour": .number(departureHour), "kwh_per_day": .number(kWhPerDay),
            "charger_kw": .number(chargerKW),
        ])
    }

    init?(tree: GridJSON, path: String, reader: inout JSONFieldReader) {
        guard let o = reader.object(tree, at: path, allowed: ["arrival_hour", "departure_hour", "kwh_per_day", "charger_kw"]) else { return nil }
        let d = EVSpec()
        self.init(
            arrivalHour: reader.optionalNumber(o, "arrival_hour", at: path) ?? d.arrivalHour,
            departureHour: reader.optionalNumber(o, "departure_hour", at: path) ?? d.departureHour,
            kWhPerDay: reader.optionalNumber(o, "kwh_per_day", at: path) ?? d.kWhPerDay,
            chargerKW: reader.optionalNumber(o, "charger_kw", at: path) ?? d.chargerKW)
    }
}

extension HeatPumpSpec {
    var jsonValue: GridJSON {
        var o: [String: GridJSON] = [
            "heat_loss_kw_per_k": .number(heatLossKWPerK), "base_temperature_c": .number(baseTemperatureC),
            "cop_curve": .array(copCurve.map { .array([.number($0.temperatureC), .number($0.cop)]) }),
        ]
        o.put("max_electric_kw", maxElectricKW)
        return .object(o)
    }

    init?(tree: GridJSON, path: String, reader: inout JSONFieldReader) {
        guard let o = reader.object(tree, at: path, allowed: ["heat_loss_kw_per_k", "base_temperature_c", "cop_curve", "max_electric_kw"]) else { return nil }
        let loss = reader.number(o, "heat_loss_kw_per_k", at: path)
        let base = reader.optionalNumber(o, "base_temperature_c", at: path) ?? 15
        var curve = HeatPumpSpec.airSourceCOP
        if o["cop_curve"] != nil {
            let p = "\(path).cop_curve"
            curve = reader.array(o, "cop_curve", at: path).enumerated().compactMap { i, item in
                guard case .array(let pair) = item, pair.count == 2,
                      let t = reader.number(pair[0], at: "\(p)[\(i)][0]"), let c = reader.number(pair[1], at: "\(p)[\(i)][1]")
                else {
                    reader.fail("\(p)[\(i)]", "expected a [temperature_c, cop] pair")
                    return nil
                }
                return COPPoint(temperatureC: t, cop: c)
            }
        }
        let maxKW = reader.optionalNumber(o, "max_electric_kw", at: path)
        guard let loss else { return nil }
        self.init(heatLossKWPerK: loss, baseTemperatureC: base, copCurve: curve, maxElectricKW: maxKW)
    }
}
