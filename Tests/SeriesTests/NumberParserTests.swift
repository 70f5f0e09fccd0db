import Foundation
import Testing
@testable import Series

@Suite struct NumberParserTests {
    private func parse(_ s: String, _ syntax: NumberSyntax = NumberSyntax()) -> Double? {
        Array(s.utf8).withUnsafeBufferPointer { NumberParser.parse($0.baseAddress!, 0, $0.count, syntax) }
    }

    @Test func matchesCorrectRoundingOnRandomDecimals() {
        var rng = SplitMix64(seed: 99)
        for i in 0..<50_000 {
            let text: String
            switch i % 4 {
            case 0: text = String(Double(bitPattern: rng.next() >> 2))  // shortest round-trip digits, any magnitude
            case 1: text = "\(Int64(rng.next() % 10_000_000) - 5_000_000).\(rng.next() % 1000)"
            case 2: text = "0.\(String(repeating: "0", count: Int(rng.next() % 5)))\(rng.next() % 100_000_000)"
            default: text = "\(rng.next())\(rng.next() % 1000).\(rng.next())e-\(rng.next() % 40)"
            }
            let expected = Double(text)
            #expect(parse(text)?.bitPattern == expected?.bitPattern, "\(text)")
        }
    }

    @Test func groupingAndDecimalCommaAreStrict() {
        let german = NumberSyntax(decimal: UInt8(ascii: ","), thousands: UInt8(ascii: "."))
        #expect(parse("1.234.567,25", german) == 1_234_567.25)
        #expect(parse("-0,5", german) == -0.5)
        #expect(parse("12.5", german) == nil)
        #expect(parse("12,5,3", german) == nil)
        #expect(parse("1.23.456", german) == nil)
        #expect(parse("-0")?.sign == .minus)
        #expect(parse("1e400") == .infinity)
        #expect(parse("inf") == .infinity)
        #expect(parse("12 kW") == nil)
        #expect(parse("0x1p3") == nil)
        #expect(parse(".5") == 0.5 && parse("5.") == 5)
    }
}
