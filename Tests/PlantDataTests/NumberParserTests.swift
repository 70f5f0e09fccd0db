import Foundation
import Testing
@testable import PlantData

@Suite("Numbers as EPA writes them")
struct NumberParserTests {
    @Test(arguments: [
        ("23,077", 23077.0), ("-2,428", -2428.0), ("(2,428)", -2428.0), ("1,234,567.891", 1234567.891),
        ("0.051", 0.051), (".5", 0.5), ("1.5E-05", 0.000015), ("+7", 7.0), (" 42 ", 42.0),
        ("947.182", 947.182), ("4168370118", 4168370118.0), ("12345678901234567890", 12345678901234567890.0),
    ])
    func parsesNumbers(text: String, expected: Double) {
        #expect(NumberParser.parse(text) == .number(expected, percent: false))
    }

    @Test func blankAndDoubleDashAreMissingNotZero() {
        #expect(NumberParser.parse("") == .missing)
        #expect(NumberParser.parse("  ") == .missing)
        #expect(NumberParser.parse("--") == .missing)
        #expect(NumberParser.parse("0") == .number(0, percent: false))
    }

    @Test func percentSignIsReported() {
        #expect(NumberParser.parse("27.5%") == .number(27.5, percent: true))
    }

    @Test(arguments: ["12.3.4", "12,5,3", "1234,567", ",123", "abc", "-", "1e", "(12", "1,23", "N/A"])
    func rejectsWhatIsNotANumber(text: String) {
        #expect(NumberParser.parse(text) == .invalid)
    }

    @Test func matchesSwiftsOwnParsingForManyDecimals() {
        // The fast path must round exactly like strtod.
        var generator = DemoRandom(seed: 42)
        for _ in 0..<2000 {
            let v = Double.random(in: -1e7...1e7, using: &generator)
            let text = String(format: "%.6f", v)
            #expect(NumberParser.parse(text) == .number(Double(text)!, percent: false))
        }
    }
}

@Suite("Numbers with 17 to 19 significant digits")
struct LongNumberTests {
    @Test func roundExactlyLikeSwiftsCorrectlyRoundedParser() {
        // Arrange: unrounded workbook values, e.g. 114133.94901141883 or 0.24168000023487965.
        var generator = DemoRandom(seed: 7)
        for _ in 0..<5_000 {
            let digits = Int.random(in: 17...19, using: &generator)
            var text = String(String(UInt64.random(in: 1_000_000_000_000_000_000...9_999_999_999_999_999_999, using: &generator)).prefix(digits))
            let point = Int.random(in: 0...text.count, using: &generator)
            text.insert(".", at: text.index(text.startIndex, offsetBy: point))
            // Act
            let parsed = NumberParser.parse(String(text))
            // Assert
            #expect(parsed == .number(Double(String(text))!, percent: false), "\(text)")
        }
    }
}
