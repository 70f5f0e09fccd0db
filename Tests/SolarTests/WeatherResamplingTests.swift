import Foundation
import Testing
@testable import Solar

@Suite("Hourly weather at 15 minutes, synthetic weather")
struct WeatherResamplingTests {
    static let hourly = Result { try Weather.tmy3(contentsOf: Fixture.url("723170TYA-subset.CSV"), year: 2023) }

    @Test func spreadingKeepsEveryHourlyMean() throws {
        // Arrange
        let hourly = try Self.hourly.get()

        // Act
        let fine = hourly.resampled(toIntervalSeconds: 900)

        // Assert
        #expect(fine.count == 4 * hourly.count)
        #expect(fine.timestamps[5] == hourly.timestamps[1] + 900_000)
        var worst = 0.0
        for i in 0..<hourly.count {
            for (coarse, spread) in [(hourly.ghi, fine.ghi), (hourly.dni, fine.dni), (hourly.dhi, fine.dhi)] {
                let mean = spread[(4 * i)..<(4 * i + 4)].reduce(0, +) / 4
                worst = max(worst, abs(mean - coarse[i]))
            }
        }
        #expect(worst < 1e-9)
    }

    @Test func spreadingFollowsTheSunWithinTheHour() throws {
        // Arrange: 21 June, the hour after local sunrise (05:00–06:00 EST) and the noon hour.
        let hourly = try Self.hourly.get()
        let fine = hourly.resampled(toIntervalSeconds: 900)
        let morning = try #require(hourly.timestamps.firstIndex(of: CivilTime.unixMilliseconds(
            year: 2023, month: 6, day: 21, hour: 5, minute: 0, utcOffsetHours: -5)))

        // Act
        let quarters = Array(fine.ghi[(4 * morning)..<(4 * morning + 4)])

        // Assert: rising through the hour rather than flat.
        #expect(hourly.ghi[morning] > 0)
        #expect(quarters == quarters.sorted() && quarters[0] < quarters[3])
    }

    @Test func fifteenMinuteEnergyStaysCloseToHourly() throws {
        // Arrange
        let hourly = try Self.hourly.get()
        let system = PVSystem(kWp: 5, tilt: 30)

        // Act
        let hourlyEnergy = PVSimulator(weather: hourly).acEnergyKWh(system)
        let fineEnergy = PVSimulator(weather: hourly.resampled(toIntervalSeconds: 900)).acEnergyKWh(system)

        // Assert: the same light, redistributed within hours.
        #expect(abs(fineEnergy / hourlyEnergy - 1) < 0.02)
    }

    @Test func syntheticWeatherIsDeterministicForASeed() {
        // Arrange
        let site = Location(latitude: 48.2, longitude: 16.4, elevation: 200, utcOffsetHours: 1)

        // Act
        let a = Weather.synthetic(location: site, year: 2023, model: SyntheticWeatherModel(seed: 7))
        let b = Weather.synthetic(location: site, year: 2023, model: SyntheticWeatherModel(seed: 7))
        let c = Weather.synthetic(location: site, year: 2023, model: SyntheticWeatherModel(seed: 8))

        // Assert
        #expect(a == b)
        #expect(a.ghi != c.ghi)
        #expect(a.count == 35_040)
    }

    @Test func syntheticWeatherIsPlausible() {
        // Arrange
        let site = Location(latitude: 48.2, longitude: 16.4, elevation: 200, utcOffsetHours: 1)

        // Act
        let weather = Weather.synthetic(location: site, model: SyntheticWeatherModel(seed: 42))
        let annualGHI = weather.ghi.reduce(0, +) * 0.25 / 1000
        let energy = PVSimulator(weather: weather).acEnergyKWh(PVSystem(kWp: 1, tilt: 35))

        // Assert: Vienna sees ~1,100–1,300 kWh/m² a year and ~1,000–1,200 kWh/kWp.
        #expect(annualGHI > 900 && annualGHI < 1500, "GHI \(annualGHI) kWh/m²")
        #expect(energy > 800 && energy < 1500, "yield \(energy) kWh/kWp")
        #expect(weather.ghi.allSatisfy { $0 >= 0 } && weather.dni.allSatisfy { $0 >= 0 })
        #expect(zip(weather.ghi, weather.dhi).allSatisfy { $1 <= $0 + 1e-9 })
    }

    @Test func seededRandomIsReproducible() {
        var a = SeededRandom(seed: 1)
        var b = SeededRandom(seed: 1)
        #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
    }
}
