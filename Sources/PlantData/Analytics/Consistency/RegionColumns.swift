/// The columns of region sheets that can be recomputed from the plant sheet (or from a lower
/// level), by code suffix: `ST` + `CO2AN` = `STCO2AN`.
enum RegionColumns {
    /// Sums: region value = Σ plant values (`NAMEPCAP` ↔ plant `NAMEPCAP`, `CO2AN` ↔ `PLCO2AN`).
    static let additive: [String] = Measure.allCases.map(\.regionSuffix)
        + ResourceFuel.allCases.map(\.generationSuffix)
        + ["GENATN", "GENATR", "GENATH", "GENACY", "GENACN"]

    /// Rates: region value = factor × Σ numerator / Σ denominator.
    struct Ratio { let suffix: String; let numerator: String; let denominator: String; let factor: Double }

    static let ratios: [Ratio] = {
        var out: [Ratio] = []
        for p in Pollutant.allCases {
            let mass = p.massMeasure.regionSuffix, k = p.poundsPerMassUnit
            out.append(Ratio(suffix: p.outputRateSuffix, numerator: mass, denominator: "NGENAN", factor: k))
            out.append(Ratio(suffix: p.inputRateSuffix, numerator: mass, denominator: "HTIAN", factor: k))
            out.append(Ratio(suffix: p.combustionRateSuffix, numerator: mass, denominator: "GENACY", factor: k))
        }
        out.append(Ratio(suffix: "NOXRTO", numerator: "NOXOZ", denominator: "NGENOZ", factor: 2000))
        out.append(Ratio(suffix: "NOXRO", numerator: "NOXOZ", denominator: "HTIOZ", factor: 2000))
        return out
    }()

    /// Plant-sheet code of an additive suffix.
    static func plantCode(_ suffix: String) -> String { suffix == "NAMEPCAP" ? "NAMEPCAP" : "PL" + suffix }

    /// Sums, rates and resource-mix shares of one region, from its summed inputs.
    static func derive(_ sums: [String: Estimate]) -> [String: Estimate] {
        var out = sums
        for r in ratios {
            out[r.suffix] = Estimate.ratio(sums[r.numerator] ?? .missing, sums[r.denominator] ?? .missing, factor: r.factor)
        }
        // Shares with negative fuel generation counted as 0 (see `RegionTotals.resourceMix`).
        var total = Estimate(value: nil, slack: 0)
        for fuel in ResourceFuel.allCases {
            if let e = sums[fuel.generationSuffix], let v = e.value {
                total.value = (total.value ?? 0) + max(v, 0)
                total.slack += e.slack
            }
        }
        for fuel in ResourceFuel.allCases {
            guard let e = sums[fuel.generationSuffix], let v = e.value else { continue }
            out[fuel.shareSuffix] = Estimate.ratio(Estimate(value: max(v, 0), slack: e.slack), total, factor: 1)
        }
        return out
    }
}
