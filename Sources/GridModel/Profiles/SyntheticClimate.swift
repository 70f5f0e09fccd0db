import Foundation

/// Stand-ins for weather-driven inputs until the Solar glue exists: a clear-sky PV shape from a textbook sun
/// position (Cooper's declination, Spencer's equation of time, Meinel's clear-sky beam, isotropic diffuse) and a
/// smooth temperature climatology. They make demos and benchmarks run without a weather file; they are not a PV
/// model (no clouds, no cell temperature) and results that matter should use `PVShapeSource` fed by Solar.
public enum SyntheticClimate {
    /// DC kW per kWp under clear sky for one orientation, one value per step (interval mid-point).
    public static func clearSkyShape(_ key: PVShapeSource.ShapeKey, period: SimulationPeriod) -> [Double] {
        let location = key.location ?? GeoLocation(latitude: 51, longitude: 10)
        let lat = location.latitude * .pi / 180
        let tilt = key.tiltDegrees * .pi / 180
        let azimuth = key.azimuthDegrees * .pi / 180
        var out = [Double](repeating: 0, count: period.stepCount)
        let start = period.start.timeIntervalSince1970
        for i in 0..<period.stepCount {
            let t = start + (Double(i) + 0.5) * Double(period.stepMinutes * 60)
            let days = t / 86400
            let doy = days - 365.2425 * (days / 365.2425).rounded(.down)
            let gamma = 2 * Double.pi * doy / 365
            let decl = 23.45 * .pi / 180 * sin(2 * .pi * (284 + doy) / 365)
            let eot = 229.18 * (0.000075 + 0.001868 * cos(gamma) - 0.032077 * sin(gamma) - 0.014615 * cos(2 * gamma) - 0.040849 * sin(2 * gamma))
            let utcMinutes = (t.truncatingRemainder(dividingBy: 86400)) / 60
            let solarMinutes = utcMinutes + 4 * location.longitude + eot
            let hourAngle = (solarMinutes / 4 - 180) * .pi / 180
            let cosZ = sin(lat) * sin(decl) + cos(lat) * cos(decl) * cos(hourAngle)
            guard cosZ > 0.01 else { continue }
            let zenith = acos(cosZ)
            // Sun azimuth clockwise from north.
            var sunAz = acos(max(-1, min(1, (sin(decl) - cosZ * sin(lat)) / (sin(zenith) * cos(lat)))))
            if hourAngle > 0 { sunAz = 2 * .pi - sunAz }
            let airMass = 1 / (cosZ + 0.50572 * pow(96.07995 - zenith * 180 / .pi, -1.6364))
            let beam = 1353 * pow(0.7, pow(airMass, 0.678))
            let diffuse = 0.1 * beam
            let cosIncidence = cosZ * cos(tilt) + sin(zenith) * sin(tilt) * cos(sunAz - azimuth)
            let poa = beam * max(0, cosIncidence) + diffuse * (1 + cos(tilt)) / 2
            out[i] = poa / 1000
        }
        return out
    }

    /// Outdoor temperature (°C) per step: a mean of 9.5 °C, ±9 °C over the year (coldest mid-January) and ±4 °C over
    /// the day (warmest at 15:00 local solar time) — roughly central Germany.
    public static func temperature(period: SimulationPeriod, location: GeoLocation? = nil) -> [Double] {
        let lon = location?.longitude ?? 10
        let start = period.start.timeIntervalSince1970
        return (0..<period.stepCount).map { i in
            let t = start + (Double(i) + 0.5) * Double(period.stepMinutes * 60)
            let days = t / 86400
            let doy = days - 365.2425 * (days / 365.2425).rounded(.down)
            let solarHour = (t.truncatingRemainder(dividingBy: 86400)) / 3600 + lon / 15
            return 9.5 - 9 * cos(2 * .pi * (doy - 15) / 365.2425) - 4 * cos(2 * .pi * (solarHour - 3) / 24)
        }
    }
}
