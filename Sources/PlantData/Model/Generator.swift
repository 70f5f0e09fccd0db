/// One generator of an eGRID generator sheet (GEN).
public struct Generator: Sendable, Hashable, Codable {
    public var year: Int
    public var sequence: Int?
    public var state: String?
    public var plantName: String?
    /// ORISPL of the plant.
    public var plantID: Int
    /// Generator id (`GENID`), a string: `1`, `01`, `3R`, `WT1` are all different generators.
    public var generatorID: String
    public var boilerCount: Double?
    public var status: String?
    public var primeMover: String?
    public var fuel: String?
    /// MW.
    public var nameplateCapacity: Double?
    /// Fraction.
    public var capacityFactor: Double?
    /// MWh, annual and ozone season.
    public var netGeneration: Double?
    public var netGenerationOzone: Double?
    public var generationSource: String?
    public var yearOnline: Int?
    public var retirementYear: Int?
    public var row: Int
    public var line: Int

    static func all(from t: SheetTable, year sheetYear: Int?) throws -> [Generator] {
        typealias R = TableReader
        let genID = t.column("GENID")
        let state = t.column("PSTATABB"), name = t.column("PNAME"), numblr = t.numbers("NUMBLR")
        let status = t.column("GENSTAT"), prmvr = t.column("PRMVR"), fuel = t.column("FUELG1")
        let cap = t.numbers("NAMEPCAP"), cf = t.numbers("CFACT"), gen = t.numbers("GENNTAN"), genOz = t.numbers("GENNTOZ")
        let src = t.column("GENERSRC"), online = t.numbers("GENYRONL"), retire = t.numbers("GENYRRET")
        var out: [Generator] = []
        out.reserveCapacity(t.rowCount)
        try R.forEachFacility(t, sheetYear: sheetYear) { r, line, year, plantID, sequence in
            guard let gid = R.text(genID, r) else { throw EGRIDImportError(.missingValue, line: line, column: "GENID") }
            out.append(Generator(
                year: year, sequence: sequence, state: R.text(state, r),
                plantName: R.text(name, r), plantID: plantID, generatorID: gid, boilerCount: R.value(numblr, r),
                status: R.text(status, r), primeMover: R.text(prmvr, r), fuel: R.text(fuel, r),
                nameplateCapacity: R.value(cap, r), capacityFactor: R.value(cf, r), netGeneration: R.value(gen, r),
                netGenerationOzone: R.value(genOz, r), generationSource: R.text(src, r),
                yearOnline: R.value(online, r).map { Int($0) }, retirementYear: R.value(retire, r).map { Int($0) },
                row: r, line: line))
        }
        return out
    }
}
