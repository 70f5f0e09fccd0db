extension ConsistencyCheck {
    /// The same comparison for plants and region records as the server keeps them (typed, from its
    /// store, without the source sheets): the figures the typed records carry — capacity, heat input,
    /// generation, masses, generation by fuel — and the output rates and shares derived from them.
    public static func plants(
        _ plants: [Plant], against records: [RegionRecord], relativeTolerance: Double = defaultRelativeTolerance
    ) -> ConsistencyReport {
        var rows: [ConsistencyReport.Row] = []
        var unmatched: [String] = []
        let plantSheet = EGRIDSheet(typedPlants: plants)
        for level in RegionLevel.allCases {
            let own = records.filter { $0.level == level }
            guard !own.isEmpty else { continue }
            let report = Self.plants(plantSheet, against: EGRIDSheet(typedRegions: own, level: level), relativeTolerance: relativeTolerance)
            rows += report.rows
            unmatched += report.unmatchedRegions.map { "\(level.rawValue) \($0)" }
        }
        return ConsistencyReport(rows: rows, unmatchedRegions: unmatched)
    }
}

extension EGRIDSheet {
    /// A plant sheet rebuilt from typed plants: the columns `Plant` carries, under EPA's codes.
    init(typedPlants plants: [Plant]) {
        func numbers(_ code: String, _ value: (Plant) -> Double?) -> SheetColumn {
            SheetColumn(code: code, description: nil, values: .numbers(plants.map { value($0) ?? .nan }), normalizedFromPercent: false)
        }
        func texts(_ code: String, _ value: (Plant) -> String?) -> SheetColumn {
            SheetColumn(code: code, description: nil, values: .texts(plants.map(value)), normalizedFromPercent: false)
        }
        var columns = [
            numbers("YEAR") { Double($0.year) }, numbers("ORISPL") { Double($0.plantID) },
            texts("PSTATABB") { $0.state }, texts("BACODE") { $0.balancingAuthorityCode },
            texts("SUBRGN") { $0.subregion }, texts("NERC") { $0.nercRegion },
        ]
        for m in RegionTotals.plantMeasures { columns.append(numbers(m.plantCode) { $0.value(m) }) }
        for f in ResourceFuel.allCases { columns.append(numbers("PL" + f.generationSuffix) { $0.generationByFuel[f] }) }
        let table = SheetTable(columns: columns, rowCount: plants.count, lines: plants.map(\.line))
        self.init(kind: .plant, name: nil, years: Array(Set(plants.map(\.year))).sorted(), table: table, records: .plants(plants), warnings: [])
    }

    /// A region sheet rebuilt from typed records of one level.
    init(typedRegions records: [RegionRecord], level: RegionLevel) {
        let p = level.prefix
        func numbers(_ code: String, _ value: (RegionRecord) -> Double?) -> SheetColumn {
            SheetColumn(code: code, description: nil, values: .numbers(records.map { value($0) ?? .nan }), normalizedFromPercent: false)
        }
        var columns = [numbers("YEAR") { Double($0.year) }]
        if let key = level.keyCode {
            columns.append(SheetColumn(code: key, description: nil, values: .texts(records.map(\.code)), normalizedFromPercent: false))
        }
        for m in RegionTotals.plantMeasures { columns.append(numbers(p + m.regionSuffix) { $0.totals[m] }) }
        for f in ResourceFuel.allCases {
            columns.append(numbers(p + f.generationSuffix) { $0.generationByFuel[f] })
            columns.append(numbers(p + f.shareSuffix) { $0.resourceMix[f] })
        }
        for q in Pollutant.allCases { columns.append(numbers(p + q.outputRateSuffix) { $0.outputRates[q] }) }
        let table = SheetTable(columns: columns, rowCount: records.count, lines: records.map(\.line))
        self.init(kind: level.sheetKind, name: nil, years: Array(Set(records.map(\.year))).sorted(), table: table,
                  records: .regions(records), warnings: [])
    }
}
