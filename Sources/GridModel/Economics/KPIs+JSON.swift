import Foundation

extension EnergyTotals {
    /// Every total by its snake_case name, in a fixed order (JSON keys, CSV columns).
    public var metrics: [(name: String, value: Double)] {
        [
            ("load_kwh", load), ("pv_kwh", pv), ("self_consumed_kwh", selfConsumption), ("battery_charge_kwh", batteryCharge),
            ("battery_discharge_kwh", batteryDischarge), ("received_kwh", received), ("delivered_kwh", delivered),
            ("import_kwh", gridImport), ("export_kwh", gridExport), ("curtailed_kwh", curtailed), ("cost", cost),
            ("baseline_cost", baselineCost), ("saving", saving), ("co2_kg", co2Kg), ("baseline_co2_kg", baselineCo2Kg),
        ]
    }

    public var jsonValue: GridJSON { .object(Dictionary(uniqueKeysWithValues: metrics.map { ($0.name, .number($0.value)) })) }
}

extension HouseResult {
    /// The house's totals per month (keyed `YYYY-MM`, from `SimulationResult.months`) and over the run.
    public func jsonValue(months: [String]) -> GridJSON {
        var o: [String: GridJSON] = [
            "name": .string(name), "grid": .string(grid), "transformer": .string(transformer), "total": total.jsonValue,
            "monthly": .object(Dictionary(uniqueKeysWithValues: zip(months, monthly.map(\.jsonValue)))),
            "peak_import_kw": .number(peakImportKW),
        ]
        o.put("battery_capacity_kwh", batteryCapacityKWh)
        return .object(o)
    }
}

extension KPIs {
    /// Every figure by its snake_case name, in a fixed order (JSON keys, CSV columns, comparisons).
    public var metrics: [(name: String, value: Double?)] {
        totals.metrics.map { ($0.name, Optional($0.value)) } + [
            ("self_sufficiency", selfSufficiency), ("self_consumption", selfConsumption), ("community_share", communityShare),
            ("battery_cycles", batteryCycles), ("battery_capacity_kwh", batteryCapacityKWh), ("peak_import_kw", peakImportKW),
            ("peak_loading_kw", peakLoadingKW), ("peak_loading_percent", peakLoadingPercent), ("hours_over_capacity", hoursOverCapacity),
            ("overload_kwh", overloadKWh), ("max_overload_kw", maxOverloadKW),
        ]
    }

    /// The figures as a JSON object; absent (nil) figures are left out.
    public var jsonValue: GridJSON {
        var o: [String: GridJSON] = [:]
        for (name, value) in metrics { o.put(name, value) }
        return .object(o)
    }
}

extension KPIReport {
    public var jsonValue: GridJSON {
        func named(_ list: [NamedKPIs]) -> GridJSON {
            .array(list.map { item in
                guard case .object(var o) = item.kpis.jsonValue else { return .null }
                o["name"] = .string(item.name)
                return .object(o)
            })
        }
        return .object(["total": total.jsonValue, "grids": named(grids), "transformers": named(transformers), "houses": named(houses)])
    }
}

extension SimulationResult {
    /// The KPI document a run writes (`kpis.json`): schema, period, options and every KPI. Stable text: sorted keys,
    /// shortest round-trip numbers.
    public func kpiDocument(notes: [String] = []) -> GridJSON {
        let iso = ISO8601DateFormatter()
        var doc: [String: GridJSON] = [
            "schema": .string("powerhouse.grid-kpis/v1"),
            "period": .object([
                "start": .string(iso.string(from: period.start)), "end": .string(iso.string(from: period.end)),
                "step_minutes": .number(Double(period.stepMinutes)), "steps": .number(Double(period.stepCount)),
                "time_zone": .string(period.timeZoneID),
            ]),
            "options": options.jsonValue,
            "kpis": kpis.jsonValue,
        ]
        if !notes.isEmpty { doc["notes"] = .array(notes.map { .string($0) }) }
        return .object(doc)
    }
}

extension SimulationOptions {
    var jsonValue: GridJSON {
        var o: [String: GridJSON] = ["scope": .string(scope.rawValue), "currency": .string(economics.currency)]
        switch sharing {
        case .proRata: o["strategy"] = .string("pro-rata")
        case .equalShare: o["strategy"] = .string("equal")
        case .priority(let entries):
            o["strategy"] = .string("priority")
            o["priority"] = .array(entries.map { e in
                switch e {
                case .house(let n): .string("house:\(n)")
                case .flag(let f): .string("flag:\(f.rawValue)")
                case .tag(let t): .string("tag:\(t)")
                }
            })
        }
        switch battery {
        case .selfConsumption: o["battery_strategy"] = .string("self-consumption")
        case .peakShaving(let t):
            o["battery_strategy"] = .string("peak-shaving")
            o["peak_threshold_kw"] = .number(t)
        }
        return .object(o)
    }
}
