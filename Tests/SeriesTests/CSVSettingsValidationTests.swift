import Foundation
import Testing
@testable import Series

@Suite struct CSVSettingsValidationTests {
    @Test func impossibleSettingsAreRejectedUpFront() {
        let cases: [(inout CSVSettings) -> Void] = [
            { $0.columns = [CSVColumn(index: 0, header: "time")] },
            { $0.delimiter = .comma; $0.decimalSeparator = .comma },
            { $0.decimalSeparator = .point; $0.thousandsSeparator = .point },
            { $0.columns = [CSVColumn(index: -1, header: "x")] },
        ]
        for edit in cases {
            #expect(throws: CSVImportError.self) { try CSVReader(settings: CSVFixture.settings(edit)) }
        }
    }

    @Test func settingsRoundTripThroughJSON() throws {
        let settings = CSVFixture.settings {
            $0.delimiter = .tab
            $0.columns = [CSVColumn(index: 2, header: "P [kW]", name: "P", unit: "kW", kind: .power)]
            $0.timeColumn = 1
        }
        let json = try JSONEncoder().encode(settings)
        #expect(try JSONDecoder().decode(CSVSettings.self, from: json) == settings)
    }
}
