import Foundation
import Testing
@testable import PlantData

@Suite("Plant sheets in all their dresses")
struct PlantSheetImportTests {
    private func read(_ name: String) throws -> EGRIDFile {
        try EGRIDReader.readCSV(TestFiles.fixture(name), options: ImportOptions(releaseLabel: "2023 test", sha256: "abc", fileName: name))
    }

    @Test func twoHeaderRowsGiveKindYearDescriptionsAndCodes() throws {
        // Act
        let file = try read("PLNT23_utf8bom_crlf.csv")
        // Assert
        let sheet = try #require(file.sheets.first)
        #expect(sheet.kind == .plant)
        #expect(sheet.years == [2023])
        #expect(file.identity == DatasetIdentity(years: [2023], releaseLabel: "2023 test", sha256: "abc", fileName: "PLNT23_utf8bom_crlf.csv"))
        #expect(sheet.table.codes.first == "SEQPLT23")
        #expect(sheet.table.column("PLNGENAN")?.description == "Plant annual net generation (MWh)")
        #expect(sheet.table.columns.count == 141)
        #expect(sheet.plants.count == 12)
    }

    @Test func utf8WithBOMAndCRLFReadsNamesAndNumbers() throws {
        // Act
        let file = try read("PLNT23_utf8bom_crlf.csv")
        let plants = file.sheets[0].plants
        // Assert
        #expect(file.encoding == .utf8)
        #expect(plants[0].name == "Centrale Électrique du Café")
        #expect(plants[1].name == "Barry \"Big\" Plant, Unit A")
        #expect(plants[0].fipsState == "01")
        #expect(plants[0].line == 3)
        #expect(plants[4].nameplateCapacity == 1152)
        #expect(plants[4].netGeneration == 6_123_456.789)
        #expect(plants[4].emissions.co2 == 6_622_518.517)
        #expect(plants[4].fuelCategory == "COAL")
    }

    @Test func windows1252WithLFReadsTheSameNames() throws {
        // Act
        let file = try read("PLNT23_cp1252_lf.csv")
        // Assert
        #expect(file.encoding == .windows1252)
        #expect(file.sheets[0].plants[0].name == "Centrale Électrique du Café")
    }

    @Test func negativesWithMinusOrParenthesesAreTheSame() throws {
        // Act
        let minus = try read("PLNT23_utf8bom_crlf.csv").sheets[0].plants[2]
        let parens = try read("PLNT23_cp1252_lf.csv").sheets[0].plants[2]
        // Assert
        #expect(minus.netGeneration == -2428)
        #expect(parens.netGeneration == -2428)
    }

    @Test func blankAndDoubleDashAreNoDataWhileZeroStaysZero() throws {
        // Act
        let plants = try read("PLNT23_utf8bom_crlf.csv").sheets[0].plants
        // Assert
        #expect(plants[3].netGeneration == nil)  // blank cell
        #expect(plants[3].emissions.co2 == nil)
        #expect(plants[5].mercury == nil)  // "--"
        #expect(plants[2].emissions.co2 == 0)  // a real zero
    }

    @Test func percentNumbersAreNormalisedToFractions() throws {
        // Arrange
        let fractions = try read("PLNT23_utf8bom_crlf.csv").sheets[0]
        // Act
        let percents = try read("PLNT23_cp1252_lf.csv").sheets[0]
        // Assert
        #expect(percents.table.column("CAPFAC")?.normalizedFromPercent == true)
        #expect(percents.table.column("PLCLPR")?.normalizedFromPercent == true)
        #expect(fractions.table.column("PLCLPR")?.normalizedFromPercent == false)
        for (a, b) in zip(fractions.plants, percents.plants) {
            #expect(abs((a.capacityFactor ?? -1) - (b.capacityFactor ?? -1)) < 1e-9)
            for fuel in ResourceFuel.allCases {
                #expect(abs((a.resourceMix[fuel] ?? -1) - (b.resourceMix[fuel] ?? -1)) < 1e-9)
            }
        }
        #expect(percents.warnings.contains { $0.contains("CAPFAC") })
    }

    @Test func bothDressesReadToTheSamePlants() throws {
        // Act
        let a = try read("PLNT23_utf8bom_crlf.csv").sheets[0].plants
        let b = try read("PLNT23_cp1252_lf.csv").sheets[0].plants
        // Assert: everything but the percent-derived values (checked above) and the line numbers.
        func core(_ p: Plant) -> [String] {
            [p.name, p.state, "\(p.plantID)", p.fipsCounty ?? "", "\(p.netGeneration as Any)", "\(p.emissions)", "\(p.generationByFuel)"]
        }
        #expect(a.map(core) == b.map(core))
    }

    @Test func everyColumnIsKeptByCode() throws {
        // Act
        let sheet = try read("PLNT23_utf8bom_crlf.csv").sheets[0]
        let row = sheet.table.row(4)
        // Assert
        #expect(row["UNCO2SRC"] == .text("EPA/CAMD"))
        #expect(row["PLHTRT"] != nil)
        #expect(row["ISORTO"] == .missing)
        #expect(sheet.table.column("FIPSCNTY")?.isNumeric == false)
    }

    @Test func codeRowWithYearColumnHoldsSeveralYears() throws {
        // Act
        let file = try EGRIDReader.readCSV(TestFiles.fixture("state_codes_year.csv"))
        let sheet = file.sheets[0]
        // Assert
        #expect(sheet.kind == .state)
        #expect(sheet.years == [2022, 2023])
        #expect(file.identity.releaseLabel == "2022, 2023")
        #expect(sheet.table.column("STNAMEPCAP")?.description == nil)
        let regions = sheet.regions
        #expect(regions.count == 20)
        #expect(Set(regions.map(\.year)) == [2022, 2023])
        let al = try #require(regions.first { $0.code == "AL" && $0.year == 2023 })
        #expect(al.fipsState == "01")
        #expect(al.level == .state)
    }
}

@Suite("Column typing")
struct ColumnTypingTests {
    @Test func repeatedBlankAndPaddedTextCells() throws {
        // Arrange: a generator sheet (one code row) with repeats, blanks, "--", short FIPS and ids.
        let csv = """
            SEQGEN21,PSTATABB,ORISPL,GENID,FIPSST,NOTE,EXTRA
            1,TX,10,01,1,a,1.5
            2,TX,10,02,48,a,2
            3,,11,1,--,,--
            4,TX,11,2,06,a,
            5,AK,12,3R, 2 ,b,7
            """
        // Act
        let sheet = try #require(EGRIDReader.readCSV(Data(csv.utf8)).sheets.first)
        // Assert
        #expect(sheet.kind == .generator)
        #expect(sheet.years == [2021])
        let t = sheet.table
        #expect((0..<5).map { t.column("PSTATABB")!.text(at: $0) } == ["TX", "TX", nil, "TX", "AK"])
        #expect((0..<5).map { t.column("FIPSST")!.text(at: $0) } == ["01", "48", nil, "06", "02"])
        #expect(sheet.generators.map(\.generatorID) == ["01", "02", "1", "2", "3R"])
        #expect((0..<5).map { t.column("NOTE")!.text(at: $0) } == ["a", "a", nil, "a", "b"])
        #expect(t.column("EXTRA")?.isNumeric == true)
        #expect((0..<5).map { t.column("EXTRA")!.number(at: $0) } == [1.5, 2, nil, nil, 7])
    }
}
