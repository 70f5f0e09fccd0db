import Foundation
import Testing
@testable import Solar

@Suite("Weather readers")
struct WeatherReaderTests {
    @Test func tmy3HourEndingRowsBecomeIntervalStartsInUTC() throws {
        // Arrange
        let url = Fixture.url("723170TYA-subset.CSV")

        // Act
        let weather = try Weather.tmy3(contentsOf: url, year: 2023)

        // Assert: "01/01/1988,01:00" at UTC−5 covers 00:00–01:00 local = 05:00 UTC.
        #expect(weather.count == 8760)
        #expect(weather.intervalSeconds == 3600)
        #expect(weather.timestamps[0] == 1_672_549_200_000)
        #expect(weather.timestamps[8759] == 1_704_081_600_000)
        #expect(zip(weather.timestamps, weather.timestamps.dropFirst()).allSatisfy { $1 - $0 == 3_600_000 })
        #expect(weather.location.latitude == 36.1 && weather.location.longitude == -79.95)
        #expect(weather.location.utcOffsetHours == -5 && weather.location.elevation == 273)
        #expect(weather.location.name == "GREENSBORO PIEDMONT TRIAD INT")
        #expect(weather.tempAir[0] == 10.0 && weather.windSpeed[0] == 6.2)
    }

    @Test func tmy3ReportsTheLineAndColumnOfABadValue() {
        // Arrange
        let text = """
        723170,"GREENSBORO",NC,-5.0,36.100,-79.950,273
        Date (MM/DD/YYYY),Time (HH:MM),GHI (W/m^2),DNI (W/m^2),DHI (W/m^2),Dry-bulb (C),Wspd (m/s)
        01/01/1988,01:00,0,0,0,10.0,6.2
        01/01/1988,02:00,0,x,0,10.0,6.2
        """

        // Act & Assert
        #expect(throws: WeatherError("line 4, column \"DNI (W/m^2)\": \"x\" is not a number")) {
            try Weather.tmy3(text: text)
        }
    }

    @Test func epwReadsLocationAndRelabelsHourEndingRows() throws {
        // Arrange: an EPW header and two rows (hour 12 and 13 on 21 June).
        let fields = { (hour: Int, ghi: Int) in
            "1999,6,21,\(hour),60,A7A7,25.0,10.0,40,99000,1300,1367,380,\(ghi),700,150,0,0,0,0,180,3.5,0,0,20000,77777,9,999999999,0,0.2,0,88,0.000,0.0,0.0"
        }
        let text = ([
            "LOCATION,Golden,CO,USA,TMY3,724666,39.74,-105.18,-7.0,1829.0",
            "DESIGN CONDITIONS,0", "TYPICAL/EXTREME PERIODS,0", "GROUND TEMPERATURES,0",
            "HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0", "COMMENTS 1,test", "COMMENTS 2,test",
            "DATA PERIODS,1,1,Data,Sunday, 1/ 1,12/31",
        ] + [fields(12, 900), fields(13, 950)]).joined(separator: "\n")

        // Act
        let weather = try Weather.epw(text: text, year: 2023)

        // Assert: hour 12 covers 11:00–12:00 local (UTC−7) = 18:00 UTC.
        #expect(weather.count == 2)
        #expect(weather.timestamps[0] == CivilTime.unixMilliseconds(year: 2023, month: 6, day: 21, hour: 18, minute: 0, utcOffsetHours: 0))
        #expect(weather.ghi == [900, 950] && weather.dni == [700, 700] && weather.dhi == [150, 150])
        #expect(weather.tempAir == [25, 25] && weather.windSpeed == [3.5, 3.5])
        #expect(weather.location.utcOffsetHours == -7 && weather.location.elevation == 1829)
    }

    @Test func csvRecognisesHeaderVariantsOffsetsAndDecimalCommas() throws {
        // Arrange
        let text = """
        Zeitstempel;GHI [W/m2];Direct Normal;Diffuse Horizontal;Temperature (C);Wind speed (m/s)
        2023-06-01T10:00:00+02:00;612,5;500;150;21,5;2
        2023-06-01T10:15:00+02:00;640;520;155;21,7;2,5
        """
        let site = Location(latitude: 48.2, longitude: 16.4, utcOffsetHours: 1)

        // Act
        let weather = try Weather.csv(text: text, location: site)

        // Assert
        #expect(weather.timestamps[0] == CivilTime.unixMilliseconds(year: 2023, month: 6, day: 1, hour: 8, minute: 0, utcOffsetHours: 0))
        #expect(weather.intervalSeconds == 900)
        #expect(weather.ghi == [612.5, 640] && weather.dni == [500, 520] && weather.dhi == [150, 155])
        #expect(weather.tempAir == [21.5, 21.7] && weather.windSpeed == [2, 2.5])
    }

    @Test func csvNaiveTimesFollowTheIANAZoneThroughTheRepeatedHour() throws {
        // Arrange: 29 Oct 2023, Vienna: 02:00–03:00 happens twice (CEST, then CET).
        let text = """
        time,ghi,dni,dhi,temp_air,wind_speed
        2023-10-29 01:30,0,0,0,8,1
        2023-10-29 02:30,0,0,0,8,1
        2023-10-29 02:30,0,0,0,8,1
        2023-10-29 03:30,0,0,0,8,1
        """
        let site = Location(latitude: 48.2, longitude: 16.4, utcOffsetHours: 1, timeZoneIdentifier: "Europe/Vienna")

        // Act
        let weather = try Weather.csv(text: text, location: site, intervalSeconds: 3600)

        // Assert: 23:30, 00:30, 01:30, 02:30 UTC.
        let base = CivilTime.unixMilliseconds(year: 2023, month: 10, day: 28, hour: 23, minute: 30, utcOffsetHours: 0)
        #expect(weather.timestamps == [0, 1, 2, 3].map { base + $0 * 3_600_000 })
    }

    @Test func csvWithHourEndingLabelsAndOnlyGHIIsDecomposed() throws {
        // Arrange: hour-ending Unix seconds, GHI only.
        let text = """
        timestamp,ghi
        1687345200,800
        1687348800,850
        """
        let site = Location(latitude: 48.2, longitude: 16.4, utcOffsetHours: 1)

        // Act
        let weather = try Weather.csv(text: text, location: site, labels: .end)

        // Assert
        #expect(weather.timestamps == [1_687_341_600_000, 1_687_345_200_000])
        #expect(weather.dni.allSatisfy { $0 > 0 } && weather.dhi.allSatisfy { $0 > 0 && $0 < 800 })
        #expect(weather.tempAir == [20, 20] && weather.windSpeed == [0, 0])
    }

    @Test func csvNamesTheBadTimestamp() {
        let text = "time,ghi\n2023-06-01 10:00,5\nsoon,7\n"
        #expect(throws: WeatherError("line 3, column \"time\": \"soon\" is not a timestamp (ISO 8601 or Unix seconds)")) {
            try Weather.csv(text: text, location: Location(latitude: 0, longitude: 0))
        }
    }
}
