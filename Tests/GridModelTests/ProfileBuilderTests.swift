import Foundation
import Testing
@testable import GridModel

@Suite("Profile builder")
struct ProfileBuilderTests {
    static func topology(_ houses: [House]) -> GridTopology {
        GridTopology(timeZone: "Europe/Berlin", grids: [Grid(name: "G", transformers: [Transformer(name: "T", capacityKW: 100)], houses: houses)])
    }

    static func fill(_ source: some HouseProfileSource, house: Int, steps: Range<Int>) -> [Double] {
        var out = [Double](repeating: 0, count: steps.count)
        out.withUnsafeMutableBufferPointer { source.fill(house: house, steps: steps, into: $0) }
        return out
    }

    @Test func randomisedHousesDifferKeepTheirAnnualEnergyAndAreReproducible() throws {
        // Arrange
        let houses = (0..<4).map { House(name: "H\($0)", transformer: "T", annualConsumptionKWh: 4000) }
        let period = try SimulationPeriod(from: LocalDate("2025-01-01")!, to: LocalDate("2026-01-01")!, timeZoneID: "Europe/Berlin")
        // Act
        let a = try StandardLoadSource(topology: Self.topology(houses), period: period, seed: 9)
        let b = try StandardLoadSource(topology: Self.topology(houses), period: period, seed: 9)
        let h0 = Self.fill(a, house: 0, steps: 0..<period.stepCount)
        let h1 = Self.fill(a, house: 1, steps: 0..<period.stepCount)
        // Assert
        #expect(h0 != h1)
        #expect(h0 == Self.fill(b, house: 0, steps: 0..<period.stepCount))
        for series in [h0, h1] {
            let annual: Double = series.reduce(0, +) / 4
            #expect(abs(annual / 4000 - 1) < 0.01)
        }
    }

    @Test func anyWindowEqualsTheSameSliceOfTheWholePeriod() throws {
        // Arrange
        var house = House(name: "H", transformer: "T", annualConsumptionKWh: 3000)
        house.ev = EVSpec(arrivalHour: 18, departureHour: 7, kWhPerDay: 10, chargerKW: 3.7)
        let period = try SimulationPeriod(from: LocalDate("2025-03-01")!, to: LocalDate("2025-04-01")!, timeZoneID: "Europe/Berlin")
        let source = try StandardLoadSource(topology: Self.topology([house]), period: period, seed: 3)
        // Act
        let whole = Self.fill(source, house: 0, steps: 0..<period.stepCount)
        let window = Self.fill(source, house: 0, steps: 1000..<1300)
        // Assert
        #expect(Array(whole[1000..<1300]) == window)
    }

    @Test func dstYearHas35040QuarterHoursWithShortAndLongDays() throws {
        // Arrange / Act
        let period = try SimulationPeriod(from: LocalDate("2025-01-01")!, to: LocalDate("2026-01-01")!, timeZoneID: "Europe/Berlin")
        let calendar = StepCalendar(period: period)
        var perDay = [Int](repeating: 0, count: calendar.days.count)
        for d in calendar.dayOfStep { perDay[Int(d)] += 1 }
        // Assert
        #expect(period.stepCount == 35040)
        #expect(calendar.days.count == 365)
        #expect(perDay[LocalDate("2025-03-30")!.dayOfYear - 1] == 92)
        #expect(perDay[LocalDate("2025-10-26")!.dayOfYear - 1] == 100)
        #expect(calendar.months.count == 12 && calendar.months.first == "2025-01")
        #expect(calendar.minuteOfStep[0] == 0)
    }

    @Test func evChargesItsDailyEnergyAcrossMidnight() throws {
        // Arrange: 22:00 → 06:00 at 3.7 kW for 11.1 kWh = 3 h, always finished before departure.
        var house = House(name: "H", transformer: "T", annualConsumptionKWh: 0)
        house.ev = EVSpec(arrivalHour: 22, departureHour: 6, kWhPerDay: 11.1, chargerKW: 3.7)
        let period = try SimulationPeriod(from: LocalDate("2025-06-01")!, to: LocalDate("2025-06-11")!)
        let source = try StandardLoadSource(topology: Self.topology([house]), period: period, seed: 5)
        // Act
        let series = Self.fill(source, house: 0, steps: 0..<period.stepCount)
        // Assert: 10 sessions start in the period (the one of 31 May ends before and contributes its tail after midnight).
        let energy: Double = series.reduce(0, +) / 4
        #expect(energy > 9.4 * 11.1 && energy < 10.6 * 11.1)
        #expect(series.max()! <= 3.7 + 1e-12)
        #expect(series[(12 * 4)..<(20 * 4)].allSatisfy { $0 == 0 })  // never charging midday
    }

    @Test func evStopsAtDeparture() {
        // Arrange: arrival 18:00, departure 19:00, 11 kW but 20 kWh wanted → only 1 h (±30 min jitter on arrival).
        let ev = EVSpec(arrivalHour: 18, departureHour: 19, kWhPerDay: 20, chargerKW: 11)
        // Act
        let energy = (0..<96).reduce(0.0) { $0 + ev.power(seed: 1, house: 0, epochDay: 20000, minute: $1 * 15, stepMinutes: 15) / 4 }
        // Assert
        #expect(energy > 5.5 - 1e-9 && energy <= 16.5 + 1e-9)
    }

    @Test func heatPumpFollowsDegreeHoursAndCOP() {
        // Arrange
        let hp = HeatPumpSpec(heatLossKWPerK: 0.2, baseTemperatureC: 15, copCurve: [COPPoint(temperatureC: -5, cop: 2), COPPoint(temperatureC: 5, cop: 4)])
        // Act / Assert
        #expect(hp.cop(at: 0) == 3)
        #expect(hp.cop(at: -20) == 2 && hp.cop(at: 30) == 4)
        #expect(isClose(hp.electricPower(outdoorTemperature: 0), 0.2 * 15 / 3))
        #expect(hp.electricPower(outdoorTemperature: 16) == 0)
        var capped = hp
        capped.maxElectricKW = 1
        #expect(capped.electricPower(outdoorTemperature: -5) == 1)
        #expect(isClose(HeatPumpSpec.heatLoss(annualHeatKWh: 100, temperatures: [5, 10, 20], stepHours: 1), 100.0 / 15))
    }

    @Test func heatPumpNeedsTemperatures() throws {
        // Arrange
        var house = House(name: "H", transformer: "T", annualConsumptionKWh: 0)
        house.heatPump = HeatPumpSpec(heatLossKWPerK: 0.25)
        let period = try SimulationPeriod(from: LocalDate("2025-01-01")!, to: LocalDate("2025-01-02")!)
        // Act / Assert
        #expect(throws: SimulationError.self) { try StandardLoadSource(topology: Self.topology([house]), period: period, seed: 1) }
        let source = try StandardLoadSource(topology: Self.topology([house]), period: period, seed: 1, temperatures: [Double](repeating: 5, count: 96))
        #expect(isClose(Self.fill(source, house: 0, steps: 0..<1)[0], 0.25 * 10 / HeatPumpSpec(heatLossKWPerK: 0).cop(at: 5)))
    }

    @Test func pvShapeSourceAppliesLossesAndClipsAtTheInverter() throws {
        // Arrange: shape 1.2 kW/kWp at noon; 10 kWp with 10 % losses → 10.8 kW DC, clipped at 9 kW AC.
        var house = House(name: "H", transformer: "T", annualConsumptionKWh: 0)
        house.pvSystems = [PVSystemSpec(kWp: 10, lossesPercent: 10, inverterKW: 9), PVSystemSpec(kWp: 2, azimuthDegrees: 90, lossesPercent: 0)]
        let topology = Self.topology([house, House(name: "N", transformer: "T", annualConsumptionKWh: 0)])
        var calls = 0
        // Act
        let source = try PVShapeSource(topology: topology, period: period(steps: 2)) { key in
            calls += 1
            return key.azimuthDegrees == 180 ? [0.5, 1.2] : [0.25, 0.25]
        }
        // Assert
        #expect(calls == 2 && source.shapeCount == 2)
        #expect(Self.fill(source, house: 0, steps: 0..<2) == [4.5 + 0.5, 9 + 0.5])
        #expect(Self.fill(source, house: 1, steps: 0..<2) == [0, 0])
    }

    @Test func acShapesAreScaledByKWpOnlyAndKeyedByTheWholeSystem() throws {
        // Arrange: two systems differing only in losses need two AC shapes; kWp scales.
        var a = House(name: "A", transformer: "T", annualConsumptionKWh: 0)
        a.pvSystems = [PVSystemSpec(kWp: 4, lossesPercent: 14, dcAcRatio: 1.2)]
        var b = House(name: "B", transformer: "T", annualConsumptionKWh: 0)
        b.pvSystems = [PVSystemSpec(kWp: 8, lossesPercent: 10, dcAcRatio: 1.2), PVSystemSpec(kWp: 2, lossesPercent: 14, dcAcRatio: 1.2)]
        nonisolated(unsafe) var keys: [PVShapeSource.ShapeKey] = []
        // Act
        let source = try PVShapeSource(topology: Self.topology([a, b]), period: period(steps: 1), output: .acPerKWp) { key in
            keys.append(key)
            return [key.lossesPercent == 14 ? 0.5 : 0.6]
        }
        // Assert
        #expect(keys.count == 2 && keys.allSatisfy { isClose($0.dcAcRatio, 1.2) })
        #expect(Self.fill(source, house: 0, steps: 0..<1) == [2])
        #expect(isClose(Self.fill(source, house: 1, steps: 0..<1)[0], 8 * 0.6 + 2 * 0.5))
    }

    @Test func syntheticClearSkyIsZeroAtNightAndPeaksNearNoon() throws {
        // Arrange
        let period = try SimulationPeriod(from: LocalDate("2025-06-21")!, to: LocalDate("2025-06-22")!, timeZoneID: "Europe/Berlin")
        let key = PVShapeSource.ShapeKey(tiltDegrees: 30, azimuthDegrees: 180, temperatureCoefficient: -0.004, location: GeoLocation(latitude: 52.5, longitude: 13.4), lossesPercent: 0, dcAcRatio: 0)
        // Act
        let shape = SyntheticClimate.clearSkyShape(key, period: period)
        // Assert
        let peak = shape.indices.max { shape[$0] < shape[$1] }!
        #expect(shape[0] == 0 && shape[95] == 0)
        #expect((11 * 4...14 * 4).contains(peak))  // local summer time, solar noon ≈ 13:05
        #expect(shape[peak] > 0.8 && shape[peak] < 1.2)
    }
}
