import Foundation

extension GridTopology {
    /// Every semantic problem of the topology, each naming its field path; empty when the topology is usable.
    public func validate() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        func fail(_ path: String, _ message: String) { issues.append(ValidationIssue(path: path, message: message)) }

        if TimeZone(identifier: timeZone) == nil { fail("time_zone", "unknown IANA time zone \"\(timeZone)\" (e.g. \"Europe/Berlin\", \"UTC\")") }
        if grids.isEmpty { fail("grids", "at least one grid is needed") }

        // Names are unique across the whole document because CSV columns and result rows are keyed by them.
        var gridNames: [String: String] = [:]
        var transformerNames: [String: String] = [:]
        var houseNames: [String: String] = [:]
        func unique(_ name: String, _ path: String, in seen: inout [String: String], what: String) {
            if name.trimmingCharacters(in: .whitespaces).isEmpty { fail("\(path).name", "\(what) name is empty") }
            else if let first = seen[name] { fail("\(path).name", "duplicate \(what) name \"\(name)\" (first used at \(first))") }
            else { seen[name] = path }
        }

        for (g, grid) in grids.enumerated() {
            let gp = "grids[\(g)]"
            unique(grid.name, gp, in: &gridNames, what: "grid")
            if let loc = grid.location {
                if !(-90...90).contains(loc.latitude) { fail("\(gp).location.latitude", "\(loc.latitude) is outside −90…90") }
                if !(-180...180).contains(loc.longitude) { fail("\(gp).location.longitude", "\(loc.longitude) is outside −180…180") }
            }
            if grid.transformers.isEmpty { fail("\(gp).transformers", "grid \"\(grid.name)\" has no transformer") }
            for (t, tr) in grid.transformers.enumerated() {
                let tp = "\(gp).transformers[\(t)]"
                unique(tr.name, tp, in: &transformerNames, what: "transformer")
                if !(tr.capacityKW > 0) { fail("\(tp).capacity_kw", "capacity must be positive, got \(GridJSON.format(tr.capacityKW))") }
                if let kva = tr.kva {
                    if !(kva > 0) { fail("\(tp).kva", "must be positive, got \(GridJSON.format(kva))") }
                    else if tr.capacityKW > kva { fail("\(tp).capacity_kw", "\(GridJSON.format(tr.capacityKW)) kW exceeds the rating of \(GridJSON.format(kva)) kVA") }
                }
                if let pf = tr.powerFactor, !(pf > 0 && pf <= 1) { fail("\(tp).power_factor", "must be in (0, 1], got \(GridJSON.format(pf))") }
            }
            let local = Set(grid.transformers.map(\.name))
            for (h, house) in grid.houses.enumerated() {
                let hp = "\(gp).houses[\(h)]"
                unique(house.name, hp, in: &houseNames, what: "house")
                if !local.contains(house.transformer) {
                    let known = grid.transformers.map { "\"\($0.name)\"" }.joined(separator: ", ")
                    fail("\(hp).transformer", "unknown transformer \"\(house.transformer)\" in grid \"\(grid.name)\" (known: \(known.isEmpty ? "none" : known))")
                }
                if !(house.annualConsumptionKWh >= 0) { fail("\(hp).annual_consumption_kwh", "must be zero or positive, got \(GridJSON.format(house.annualConsumptionKWh))") }
                for flag in house.flags.sorted() where !HouseFlag.known.contains(flag) {
                    fail("\(hp).flags", "unknown flag \"\(flag.rawValue)\"; known flags: \(HouseFlag.known.map(\.rawValue).joined(separator: ", ")) (put free-form labels in tags)")
                }
                for (i, pv) in house.pvSystems.enumerated() { pv.validate(at: "\(hp).pv_systems[\(i)]", fail: fail) }
                house.battery?.validate(at: "\(hp).battery", fail: fail)
                house.ev?.validate(at: "\(hp).ev", fail: fail)
                house.heatPump?.validate(at: "\(hp).heat_pump", fail: fail)
            }
        }
        return issues
    }

    /// Throws a `TopologyError` carrying every issue when the topology is invalid.
    public func validated() throws -> GridTopology {
        let issues = validate()
        if !issues.isEmpty { throw TopologyError(issues: issues) }
        return self
    }
}

private func fmt(_ v: Double) -> String { GridJSON.format(v) }

extension PVSystemSpec {
    func validate(at p: String, fail: (String, String) -> Void) {
        if !(kWp > 0) { fail("\(p).kwp", "must be positive, got \(fmt(kWp))") }
        if !(0...90).contains(tiltDegrees) { fail("\(p).tilt_deg", "must be within 0…90, got \(fmt(tiltDegrees))") }
        if !(0...360).contains(azimuthDegrees) { fail("\(p).azimuth_deg", "must be within 0…360 (180 = south), got \(fmt(azimuthDegrees))") }
        if !(0..<100).contains(lossesPercent) { fail("\(p).losses_percent", "must be within 0…<100, got \(fmt(lossesPercent))") }
        if let inv = inverterKW, !(inv > 0) { fail("\(p).inverter_ac_kw", "must be positive, got \(fmt(inv))") }
        if let r = dcAcRatio, !(r > 0) { fail("\(p).dc_ac_ratio", "must be positive, got \(fmt(r))") }
        if let inv = inverterKW, let r = dcAcRatio, inv > 0, r > 0, abs(kWp / inv - r) > 0.01 * r {
            fail("\(p).dc_ac_ratio", "\(fmt(r)) contradicts kwp/inverter_ac_kw = \(fmt(kWp / inv)); give only one of them")
        }
        if !(-0.02...0).contains(temperatureCoefficient) {
            fail("\(p).temperature_coefficient_per_c", "expected a small negative fraction per °C such as -0.004, got \(fmt(temperatureCoefficient))")
        }
    }
}

extension BatterySpec {
    func validate(at p: String, fail: (String, String) -> Void) {
        if !(capacityKWh > 0) { fail("\(p).capacity_kwh", "must be positive, got \(fmt(capacityKWh))") }
        if !(maxChargeKW >= 0) { fail("\(p).max_charge_kw", "must be zero or positive, got \(fmt(maxChargeKW))") }
        if !(maxDischargeKW >= 0) { fail("\(p).max_discharge_kw", "must be zero or positive, got \(fmt(maxDischargeKW))") }
        if !(chargeEfficiency > 0 && chargeEfficiency <= 1) { fail("\(p).charge_efficiency", "must be in (0, 1], got \(fmt(chargeEfficiency))") }
        if !(dischargeEfficiency > 0 && dischargeEfficiency <= 1) { fail("\(p).discharge_efficiency", "must be in (0, 1], got \(fmt(dischargeEfficiency))") }
        var socOK = true
        for (key, v) in [("min_soc", minSoC), ("max_soc", maxSoC), ("initial_soc", initialSoC)] where !(0...1).contains(v) {
            fail("\(p).\(key)", "state of charge must be within 0…1, got \(fmt(v))")
            socOK = false
        }
        guard socOK else { return }
        if minSoC > maxSoC { fail("\(p).min_soc", "\(fmt(minSoC)) is greater than max_soc \(fmt(maxSoC))") }
        else if !(minSoC...maxSoC).contains(initialSoC) {
            fail("\(p).initial_soc", "\(fmt(initialSoC)) is outside min_soc…max_soc (\(fmt(minSoC))…\(fmt(maxSoC)))")
        }
        if let t = peakThresholdKW, !(t >= 0) { fail("\(p).peak_threshold_kw", "must be zero or positive, got \(fmt(t))") }
    }
}

extension EVSpec {
    func validate(at p: String, fail: (String, String) -> Void) {
        if !(0..<24).contains(arrivalHour) { fail("\(p).arrival_hour", "must be within 0…<24, got \(fmt(arrivalHour))") }
        if !(0..<24).contains(departureHour) { fail("\(p).departure_hour", "must be within 0…<24, got \(fmt(departureHour))") }
        if arrivalHour == departureHour { fail("\(p).departure_hour", "equals arrival_hour: the car would never be plugged in") }
        if !(kWhPerDay >= 0) { fail("\(p).kwh_per_day", "must be zero or positive, got \(fmt(kWhPerDay))") }
        if !(chargerKW > 0) { fail("\(p).charger_kw", "must be positive, got \(fmt(chargerKW))") }
    }
}

extension HeatPumpSpec {
    func validate(at p: String, fail: (String, String) -> Void) {
        if !(heatLossKWPerK >= 0) { fail("\(p).heat_loss_kw_per_k", "must be zero or positive, got \(fmt(heatLossKWPerK))") }
        if !baseTemperatureC.isFinite { fail("\(p).base_temperature_c", "must be a finite temperature") }
        if copCurve.isEmpty { fail("\(p).cop_curve", "needs at least one [temperature_c, cop] point") }
        for (i, point) in copCurve.enumerated() {
            if !(point.cop > 0) { fail("\(p).cop_curve[\(i)]", "COP must be positive, got \(fmt(point.cop))") }
            if i > 0, !(point.temperatureC > copCurve[i - 1].temperatureC) {
                fail("\(p).cop_curve[\(i)]", "temperatures must increase strictly (\(fmt(point.temperatureC)) after \(fmt(copCurve[i - 1].temperatureC)))")
            }
        }
        if let m = maxElectricKW, !(m > 0) { fail("\(p).max_electric_kw", "must be positive, got \(fmt(m))") }
    }
}
