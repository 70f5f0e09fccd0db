/// One combustion unit of an eGRID unit sheet (UNT), e.g. EPA's `access_unit_file_2021.xlsx`.
public struct GeneratingUnit: Sendable, Hashable, Codable {
    public var year: Int
    public var sequence: Int?
    public var state: String?
    public var plantName: String?
    /// ORISPL of the plant.
    public var plantID: Int
    /// Unit id (`UNITID`), a string.
    public var unitID: String
    public var primeMover: String?
    /// Operating status (`UNTOPST`).
    public var status: String?
    public var programCodes: String?
    public var fuel: String?
    public var operatingHours: Double?
    /// MMBtu, annual and ozone season.
    public var heatInput: Double?
    public var heatInputOzone: Double?
    /// Short tons (NOx, SO2, CO2) and lb (Hg).
    public var nox: Double?
    public var noxOzone: Double?
    public var so2: Double?
    public var co2: Double?
    public var mercury: Double?
    /// Year the unit came on line (`UNTYRONL`), read as the number in the cell even where the
    /// workbook formats it as a date.
    public var yearOnline: Int?
    public var row: Int
    public var line: Int

    static func all(from t: SheetTable, year sheetYear: Int?) throws -> [GeneratingUnit] {
        typealias R = TableReader
        let unitID = t.column("UNITID")
        let state = t.column("PSTATABB"), name = t.column("PNAME"), prmvr = t.column("PRMVR"), status = t.column("UNTOPST")
        let prg = t.column("PRGCODE"), fuel = t.column("FUELU1"), hrs = t.numbers("HRSOP")
        let hti = t.numbers("HTIAN"), htioz = t.numbers("HTIOZ"), nox = t.numbers("NOXAN"), noxoz = t.numbers("NOXOZ")
        let so2 = t.numbers("SO2AN"), co2 = t.numbers("CO2AN"), hg = t.numbers("HGAN"), online = t.numbers("UNTYRONL")
        var out: [GeneratingUnit] = []
        out.reserveCapacity(t.rowCount)
        try R.forEachFacility(t, sheetYear: sheetYear) { r, line, year, plantID, sequence in
            guard let uid = R.text(unitID, r) else { throw EGRIDImportError(.missingValue, line: line, column: "UNITID") }
            out.append(GeneratingUnit(
                year: year, sequence: sequence, state: R.text(state, r),
                plantName: R.text(name, r), plantID: plantID, unitID: uid, primeMover: R.text(prmvr, r),
                status: R.text(status, r), programCodes: R.text(prg, r), fuel: R.text(fuel, r),
                operatingHours: R.value(hrs, r), heatInput: R.value(hti, r), heatInputOzone: R.value(htioz, r),
                nox: R.value(nox, r), noxOzone: R.value(noxoz, r), so2: R.value(so2, r), co2: R.value(co2, r),
                mercury: R.value(hg, r), yearOnline: R.value(online, r).map { Int($0) }, row: r, line: line))
        }
        return out
    }
}
