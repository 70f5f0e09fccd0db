extension Plant {
    /// Types every row of a plant sheet.
    static func all(from table: SheetTable, year sheetYear: Int?) throws -> [Plant] {
        typealias R = TableReader
        let t = table
        let name = t.column("PNAME"), state = t.column("PSTATABB")
        let fipsSt = t.column("FIPSST"), fipsCn = t.column("FIPSCNTY"), county = t.column("CNTYNAME")
        let lat = t.numbers("LAT"), lon = t.numbers("LON")
        let opName = t.column("OPRNAME"), opCode = t.column("OPRCODE"), utName = t.column("UTLSRVNM"), utID = t.column("UTLSRVID")
        let sector = t.column("SECTOR"), baCode = t.column("BACODE"), baName = t.column("BANAME")
        let sr = t.column("SUBRGN"), srName = t.column("SRNAME"), nerc = t.column("NERC"), iso = t.column("ISORTO")
        let prmfl = t.column("PLPRMFL"), fuelct = t.column("PLFUELCT")
        let cap = t.numbers("NAMEPCAP"), capfac = t.numbers("CAPFAC")
        let gen = t.numbers("PLNGENAN"), hti = t.numbers("PLHTIAN"), htit = t.numbers("PLHTIANT"), hg = t.numbers("PLHGAN")
        let masses = Pollutant.allCases.map { t.numbers($0.massMeasure.plantCode) }
        let rates = Pollutant.allCases.map { t.numbers("PL" + $0.outputRateSuffix) }
        let genByFuel = ResourceFuel.allCases.map { t.numbers("PL" + $0.generationSuffix) }
        let shares = ResourceFuel.allCases.map { t.numbers("PL" + $0.shareSuffix) }

        var plants: [Plant] = []
        plants.reserveCapacity(t.rowCount)
        try R.forEachFacility(t, sheetYear: sheetYear) { r, line, year, id, sequence in
            var p = Plant(year: year, plantID: id, name: R.text(name, r) ?? "", state: R.text(state, r) ?? "")
            p.sequence = sequence
            p.fipsState = R.text(fipsSt, r); p.fipsCounty = R.text(fipsCn, r); p.county = R.text(county, r)
            p.latitude = R.value(lat, r); p.longitude = R.value(lon, r)
            p.operatorName = R.text(opName, r); p.operatorCode = R.text(opCode, r)
            p.utilityName = R.text(utName, r); p.utilityID = R.text(utID, r); p.sector = R.text(sector, r)
            p.balancingAuthorityCode = R.text(baCode, r); p.balancingAuthorityName = R.text(baName, r)
            p.subregion = R.text(sr, r); p.subregionName = R.text(srName, r)
            p.nercRegion = R.text(nerc, r); p.isoRTO = R.text(iso, r)
            p.primaryFuel = R.text(prmfl, r); p.fuelCategory = R.text(fuelct, r)?.uppercased()
            p.nameplateCapacity = R.value(cap, r); p.capacityFactor = R.value(capfac, r)
            p.netGeneration = R.value(gen, r); p.heatInput = R.value(hti, r); p.totalHeatInput = R.value(htit, r)
            p.mercury = R.value(hg, r)
            for (k, pollutant) in Pollutant.allCases.enumerated() {
                p.emissions[pollutant] = R.value(masses[k], r)
                p.outputRates[pollutant] = R.value(rates[k], r)
            }
            for (k, fuel) in ResourceFuel.allCases.enumerated() {
                p.generationByFuel[fuel] = R.value(genByFuel[k], r)
                p.resourceMix[fuel] = R.value(shares[k], r)
            }
            p.row = r
            p.line = line
            plants.append(p)
        }
        return plants
    }
}
