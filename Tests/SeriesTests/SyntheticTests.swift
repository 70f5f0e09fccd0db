import Foundation
import Testing
@testable import Series

@Suite struct SyntheticTests {
    private let year2024 = (CSVFixture.iso("2024-01-01T00:00:00Z"), CSVFixture.iso("2025-01-01T00:00:00Z"))

    /// FNV-1a over the values' bit patterns: pins "same seed, same values on every machine".
    private func fingerprint(_ data: SeriesData) -> UInt64 {
        data.values.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ $1.bitPattern) &* 0x100_0000_01B3 }
    }

    @Test func sameSeedSameValuesDifferentSeedDifferentValues() {
        let (from, to) = year2024
        for profile in Synthetic.Profile.allCases {
            let a = Synthetic.series(profile, id: "a", from: from, to: to, seed: 1).data
            let b = Synthetic.series(profile, id: "b", from: from, to: to, seed: 1).data
            let c = Synthetic.series(profile, id: "c", from: from, to: to, seed: 2).data
            #expect(a == b && a != c, "\(profile)")
            #expect(a.count == 366 * 96)
        }
    }

    @Test func valuesArePinnedAcrossMachines() {
        let (from, _) = year2024
        let to = from + 7 * 86_400_000
        let prints = Synthetic.Profile.allCases.map { fingerprint(Synthetic.series($0, id: "x", from: from, to: to, seed: 42).data) }
        #expect(prints == SyntheticTests.pinned, "\(prints.map { String($0, radix: 16) })")
    }

    static let pinned: [UInt64] = [0x6d07_6947_6f59_e4bf, 0xea72_773b_cb26_6f0b, 0x7127_cc6b_a864_1eca, 0x3792_e5c6_436f_2aa5]

    @Test func valuesHaveMeterResolution() {
        let (from, to) = year2024
        for profile in Synthetic.Profile.allCases {
            let data = Synthetic.series(profile, id: "x", from: from, to: to, seed: 3).data
            let scale = (1 / profile.resolution).rounded()
            #expect(data.values.allSatisfy { ($0 * scale).rounded() / scale == $0 }, "\(profile)")
        }
    }

    @Test func householdLoadMeetsAnnualEnergyAndShape() {
        let (from, to) = year2024
        let load = Synthetic.householdLoad(from: from, to: to, seed: 7)
        let kwh = load.values.reduce(0, +) / 4
        #expect(abs(kwh - 3500) < 350)
        #expect(load.values.allSatisfy { $0 > 0 && $0 < 10 })
        let january = load.slice(from: from, to: from + 31 * 86_400_000).values.reduce(0, +)
        let july = load.slice(from: CSVFixture.iso("2024-07-01T00:00:00Z"), to: CSVFixture.iso("2024-08-01T00:00:00Z")).values.reduce(0, +)
        #expect(january > july)
    }

    @Test func pvIsZeroAtNightAndLargerInSummer() {
        let (from, to) = year2024
        let pv = Synthetic.pv(from: from, to: to, seed: 7, kWp: 5)
        let midnightUTC = pv.timestamps.indices.filter { pv.timestamps[$0] % 86_400_000 == 0 }
        #expect(midnightUTC.allSatisfy { pv.values[$0] == 0 })
        #expect(pv.values.allSatisfy { $0 >= 0 && $0 <= 5 })
        let kwh = pv.values.reduce(0, +) / 4
        #expect(kwh > 3000 && kwh < 6500)  // ~600–1300 kWh/kWp in central Europe
        let june = pv.slice(from: CSVFixture.iso("2024-06-01T00:00:00Z"), to: CSVFixture.iso("2024-07-01T00:00:00Z")).values.reduce(0, +)
        let december = pv.slice(from: CSVFixture.iso("2024-12-01T00:00:00Z"), to: to).values.reduce(0, +)
        #expect(june > 3 * december)
    }

    @Test func temperatureAndVibrationHaveTheirTrends() {
        let (from, to) = year2024
        let temperature = Synthetic.temperature(from: from, to: to, seed: 7)
        let jan = temperature.slice(from: from, to: from + 31 * 86_400_000).values
        let jul = temperature.slice(from: CSVFixture.iso("2024-07-01T00:00:00Z"), to: CSVFixture.iso("2024-08-01T00:00:00Z")).values
        let julyMean: Double = jul.reduce(0, +) / Double(jul.count)
        let januaryMean: Double = jan.reduce(0, +) / Double(jan.count)
        #expect(julyMean > januaryMean + 8)
        let vibration = Synthetic.vibration(from: from, to: to, seed: 7)
        let firstMonth = vibration.values.prefix(4000).sorted()[2000]
        let lastMonth = vibration.values.suffix(4000).sorted()[2000]
        #expect(lastMonth > firstMonth + 1)
        #expect(vibration.values.contains { $0 > lastMonth + 2.5 })
    }

    @Test func codecStoresAYearOfLoadAndPVInAtMostThreeBytesPerPoint() throws {
        let (from, to) = year2024
        for data in [Synthetic.householdLoad(from: from, to: to, seed: 1), Synthetic.pv(from: from, to: to, seed: 1)] {
            let pieces = BlockPlanner(for: data).split(data)
            var bytes = 0
            for piece in pieces {
                let encoded: [UInt8] = ChunkCodec.encode(piece.data)
                bytes += encoded.count
                #expect(try ChunkCodec.decode(encoded) == piece.data)
            }
            #expect(Double(bytes) / Double(data.count) <= 3)
        }
    }
}
