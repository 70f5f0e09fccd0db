import Foundation
import Testing
@testable import PlantData

@Suite("xlsx workbooks")
struct WorkbookTests {
    @Test func epaUnitWorkbookReadsEveryUnitWithRawYears() throws {
        // Arrange
        let data = try TestFiles.epa("access_unit_file_2021.xlsx")
        // Act
        let file = try EGRIDReader.readWorkbook(data, options: ImportOptions(fileName: "access_unit_file_2021.xlsx"))
        // Assert
        let sheet = try #require(file.sheets.first)
        #expect(file.sheets.count == 1)
        #expect(sheet.name == "Unit_File")
        #expect(sheet.kind == .unit)
        #expect(sheet.years == [2021])
        #expect(sheet.table.codes.first == "sequnt")
        let units = sheet.units
        #expect(units.count == 24_598)
        // Row 2 and 3: Barry, units "1" and "2" (ids are strings even where they look like numbers).
        #expect(units[0].state == "AL")
        #expect(units[0].plantName == "Barry")
        #expect(units[0].plantID == 3)
        #expect(units[0].unitID == "1")
        #expect(units[0].programCodes == "ARP, CSNOX, CSOSG2, CSSO2G2")
        #expect(units[0].heatInput == 0)
        #expect(units[0].line == 2)
        #expect(units[1].unitID == "2")
        #expect(units[1].operatingHours == 57)
        #expect(units[1].heatInput == 14475.35)
        #expect(units[1].nox == 0.359)
        #expect(units[1].co2 == 860.1)
        #expect(units[1].mercury == nil)
        // untyronl is formatted as a date (openpyxl reads 1905-05-07); the cell holds 1954.
        #expect(units[0].yearOnline == 1954)
        #expect(units[99].plantName == "AES Alamitos")
        #expect(units[99].heatInputOzone == 1_976_947.5)
        #expect(units.compactMap(\.yearOnline).count == 4_031)
        #expect(units.compactMap(\.yearOnline).allSatisfy { (1900...2021).contains($0) })
        #expect(sheet.warnings.contains { $0.contains("untyronl") && $0.contains("date") })
        // The last row: a nuclear unit without emissions or year.
        #expect(units[24_597].plantName == "Salem Generating Station")
        #expect(units[24_597].fuel == "NUC")
        #expect(units[24_597].heatInput == 92_367_974)
        #expect(units[24_597].co2 == nil)
        #expect(units[24_597].yearOnline == nil)
        // openpyxl: Σ co2an = 1,997,475,367.621008 short tons.
        #expect(abs(units.compactMap(\.co2).reduce(0, +) - 1_997_475_367.621008) < 1e-3)
    }

    @Test func eGRIDWorkbookSheetsAreIdentifiedByNameAndCodes() throws {
        // Act
        let file = try EGRIDReader.readWorkbook(TestFiles.fixture("egrid_small.xlsx"), options: ImportOptions(releaseLabel: "2023 test"))
        // Assert
        #expect(file.sheets.map(\.kind) == [.plant, .state, .us])
        #expect(file.sheets.map(\.name) == ["PLNT23", "ST23", "US23"])
        #expect(file.skippedSheets == ["Contents"])
        #expect(file.identity.years == [2023])
        #expect(file.identity.releaseLabel == "2023 test")
    }

    @Test func workbookPlantsEqualTheCSVPlants() throws {
        // Arrange
        let csv = try EGRIDReader.readCSV(TestFiles.fixture("PLNT23_utf8bom_crlf.csv")).sheets[0].plants
        // Act
        let xlsx = try EGRIDReader.readWorkbook(TestFiles.fixture("egrid_small.xlsx")).sheet(.plant)?.plants ?? []
        // Assert
        #expect(xlsx.count == csv.count)
        for (a, b) in zip(xlsx, csv) {
            #expect(a.name == b.name)
            #expect(a.fipsState == b.fipsState)  // "01", kept as text
            #expect(a.netGeneration == b.netGeneration)
            #expect(a.emissions == b.emissions)
            #expect(a.generationByFuel == b.generationByFuel)
            #expect(a.resourceMix == b.resourceMix)
        }
    }

    @Test func workbookRegionSheetsAreTheSumsOfItsPlants() throws {
        // Arrange
        let file = try EGRIDReader.readWorkbook(TestFiles.fixture("egrid_small.xlsx"))
        let plants = try #require(file.sheet(.plant))
        // Act
        let states = ConsistencyCheck.plants(plants, against: try #require(file.sheet(.state)))
        let us = ConsistencyCheck.plants(plants, against: try #require(file.sheet(.us)))
        // Assert
        #expect(states.isConsistent, "\(states.differences.prefix(3))")
        #expect(us.isConsistent, "\(us.differences.prefix(3))")
        #expect(us.counts[.ok, default: 0] >= 50)
    }

    @Test func somethingElseIsNotAWorkbook() throws {
        // Act / Assert
        #expect(throws: EGRIDImportError(.badWorkbook("not an xlsx workbook (the zip container cannot be opened)"))) {
            _ = try EGRIDReader.readWorkbook(Data("SEQPLT23,PSTATABB\n".utf8))
        }
    }
}

@Suite("Format detection")
struct FormatDetectionTests {
    @Test func readTellsWorkbooksFromCSV() throws {
        // Act
        let workbook = try EGRIDReader.read(TestFiles.fixture("egrid_small.xlsx"))
        let csv = try EGRIDReader.read(TestFiles.fixture("PLNT23_cp1252_lf.csv"))
        // Assert
        #expect(workbook.sheets.count == 3)
        #expect(csv.sheets.map(\.kind) == [.plant])
    }
}

@Suite("Worksheet XML in all its forms")
struct WorksheetQuirksTests {
    @Test func everyCellFormReadsToItsValue() throws {
        // Act
        let file = try EGRIDReader.readWorkbook(TestFiles.fixture("quirks.xlsx"))
        // Assert
        let sheet = try #require(file.sheets.first)
        #expect(sheet.kind == .generator)
        #expect(sheet.years == [2021])
        let t = sheet.table
        #expect(t.lines == [2, 4])
        #expect(t.column("PSTATABB")?.text(at: 0) == "TX")  // shared string
        #expect(t.column("PSTATABB")?.text(at: 1) == "TX")  // formula string result
        #expect(t.column("PNAME")?.text(at: 0) == "Rich & Famous")  // rich text, phonetic run left out
        #expect(t.column("PNAME")?.text(at: 1) == "A <B> é")  // entities
        #expect(t.column("GENID")?.text(at: 0) == "01")
        #expect(t.column("GENID")?.text(at: 1) == "Line\rBreak")  // _x000D_
        #expect(t.column("GENYRONL")?.number(at: 0) == 1954)  // date-styled, read raw
        #expect(t.column("GENYRONL")?.number(at: 1) == nil)  // self-closing styled cell
        #expect(t.column("NOTE")?.text(at: 0) == "TRUE")  // boolean
        #expect(t.column("NOTE")?.text(at: 1) == nil)  // #N/A
        #expect(t.column("NAMEPCAP")?.number(at: 0) == 150)
        #expect(sheet.generators.map(\.nameplateCapacity) == [150, -12.25])
        #expect(sheet.warnings.contains { $0.contains("GENYRONL") })
    }
}
