/// Builds consistency reports: EPA's region sheets are sums of its plant sheet, with rates
/// recomputed from the sums, so loading both lets us check one against the other.
public enum ConsistencyCheck {
    /// Tolerance on top of rounding: a relative difference up to this is still `ok`. EPA's explorer
    /// files round to about ten significant digits, and a few national totals include plants that
    /// belong to no subregion, so an exact sum is not always attainable. Default one part per million.
    public static let defaultRelativeTolerance = 1e-6

    /// Plants summed by the region sheet's level, compared with the region sheet, for every year
    /// both hold.
    public static func plants(
        _ plants: EGRIDSheet, against regions: EGRIDSheet, relativeTolerance: Double = defaultRelativeTolerance
    ) -> ConsistencyReport {
        guard let level = regions.kind.regionLevel else { return ConsistencyReport(rows: [], unmatchedRegions: []) }
        let keyColumn = level.keyCode.flatMap { plants.table.column($0) }
        let typed = plants.plants
        let sums = groupedSums(plants.table, codes: { RegionColumns.plantCode($0) }) { row in
            let code = level == .us ? "US" : keyColumn?.text(at: row)
            return code.map { GroupKey(year: typed[row].year, code: $0) }
        }
        return compare(sums, against: regions, level: level, suffixes: nil, relativeTolerance: relativeTolerance)
    }

    /// A lower-level region sheet (states, subregions, NERC regions, BAs) summed to the nation and
    /// compared with the US sheet.
    public static func regions(
        _ parts: EGRIDSheet, against us: EGRIDSheet, relativeTolerance: Double = defaultRelativeTolerance
    ) -> ConsistencyReport {
        guard let partLevel = parts.kind.regionLevel, us.kind == .us else { return ConsistencyReport(rows: [], unmatchedRegions: []) }
        let years = rowYears(parts)
        let sums = groupedSums(parts.table, codes: { partLevel.prefix + $0 }) { row in
            years[row].map { GroupKey(year: $0, code: "US") }
        }
        return compare(sums, against: us, level: .us, suffixes: nil, relativeTolerance: relativeTolerance)
    }

    /// Every rate and share of a region sheet recomputed from the sheet's own sums (masses,
    /// generation, heat input) and compared with the published rate: EPA's formulas, checked.
    public static func rates(
        of regions: EGRIDSheet, relativeTolerance: Double = defaultRelativeTolerance
    ) -> ConsistencyReport {
        guard let level = regions.kind.regionLevel else { return ConsistencyReport(rows: [], unmatchedRegions: []) }
        let years = rowYears(regions)
        let key = level.keyCode.flatMap { regions.table.column($0) }
        let sums = groupedSums(regions.table, codes: { level.prefix + $0 }) { row in
            guard let year = years[row] else { return nil }
            return GroupKey(year: year, code: level == .us ? "US" : key?.text(at: row) ?? "")
        }
        let derivedOnly = Set(RegionColumns.ratios.map(\.suffix) + ResourceFuel.allCases.map(\.shareSuffix))
        return compare(sums, against: regions, level: level, suffixes: derivedOnly, relativeTolerance: relativeTolerance)
    }

    struct GroupKey: Hashable { let year: Int; let code: String }

    private static func rowYears(_ sheet: EGRIDSheet) -> [Int?] {
        let yearColumn = sheet.table.numbers("YEAR")
        return (0..<sheet.table.rowCount).map { r in
            if let y = yearColumn?[r], !y.isNaN { return Int(y) }
            return sheet.years.count == 1 ? sheet.years[0] : nil
        }
    }

    /// Σ per group for every additive suffix whose source column exists.
    private static func groupedSums(
        _ table: SheetTable, codes: (String) -> String, group: (Int) -> GroupKey?
    ) -> [GroupKey: [String: Estimate]] {
        let columns: [(String, [Double])] = RegionColumns.additive.compactMap { s in table.numbers(codes(s)).map { (s, $0) } }
        var out: [GroupKey: [String: Estimate]] = [:]
        for row in 0..<table.rowCount {
            guard let key = group(row) else { continue }
            var sums = out[key] ?? Dictionary(uniqueKeysWithValues: columns.map { ($0.0, Estimate.missing) })
            for (suffix, values) in columns where !values[row].isNaN { sums[suffix]!.add(values[row]) }
            out[key] = sums
        }
        return out
    }

    private static func compare(
        _ sums: [GroupKey: [String: Estimate]], against sheet: EGRIDSheet, level: RegionLevel,
        suffixes: Set<String>?, relativeTolerance: Double
    ) -> ConsistencyReport {
        let years = rowYears(sheet)
        let key = level.keyCode.flatMap { sheet.table.column($0) }
        let candidates = RegionColumns.additive + RegionColumns.ratios.map(\.suffix) + ResourceFuel.allCases.map(\.shareSuffix)
        let targets: [(String, SheetColumn)] = candidates
            .filter { suffixes?.contains($0) ?? true }
            .compactMap { s in sheet.table.column(level.prefix + s).map { (s, $0) } }
        // A published 0 shows no decimals of its own; it was rounded like the rest of its column.
        let zeroHalfUnits: [String: Double] = Dictionary(uniqueKeysWithValues: targets.map { suffix, column in
            guard case .numbers(let values) = column.values else { return (suffix, 0) }
            let units = values.filter { !$0.isNaN && $0 != 0 }.map(Estimate.halfUnit).sorted()
            return (suffix, units.isEmpty ? 0 : units[units.count / 2])
        })
        let comparedYears = Set(sums.keys.map(\.year))
        var rows: [ConsistencyReport.Row] = []
        var matched: Set<GroupKey> = []
        for r in 0..<sheet.table.rowCount {
            guard let year = years[r], comparedYears.contains(year) else { continue }
            let groupKey = GroupKey(year: year, code: level == .us ? "US" : key?.text(at: r) ?? "")
            matched.insert(groupKey)
            let derived = sums[groupKey].map(RegionColumns.derive) ?? [:]
            for (suffix, column) in targets {
                let estimate = derived[suffix] ?? .missing
                rows.append(row(level: level, year: year, region: groupKey.code, column: column.code,
                                published: column.number(at: r), estimate: estimate, zeroHalfUnit: zeroHalfUnits[suffix] ?? 0,
                                relativeTolerance: relativeTolerance))
            }
        }
        let unmatched = sums.keys.filter { !matched.contains($0) }.map { "\($0.year)/\($0.code)" }.sorted()
        return ConsistencyReport(rows: rows, unmatchedRegions: unmatched)
    }

    private static func row(
        level: RegionLevel, year: Int, region: String, column: String, published: Double?, estimate: Estimate,
        zeroHalfUnit: Double, relativeTolerance: Double
    ) -> ConsistencyReport.Row {
        let computed = estimate.value
        var status: ConsistencyReport.Status
        var tolerance = estimate.slack
        var absolute: Double?
        var relative: Double?
        switch (published, computed) {
        case (nil, nil): status = .ok
        case (nil, _): status = .publishedMissing
        case (_, nil): status = .computedMissing
        case let (p?, c?):
            tolerance += (p == 0 ? zeroHalfUnit : Estimate.halfUnit(p)) + relativeTolerance * abs(p) + 1e-12
            absolute = c - p
            relative = p == 0 ? nil : (c - p) / abs(p)
            status = abs(c - p) <= tolerance ? .ok : .differs
        }
        return ConsistencyReport.Row(
            level: level, year: year, region: region, column: column, published: published, computed: computed,
            absoluteDifference: absolute, relativeDifference: relative, tolerance: tolerance, status: status)
    }
}
