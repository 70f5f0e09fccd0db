import Foundation

/// Runs the PVWatts chain for any number of systems at one weather site.
///
/// Construction does the site-level work once: the sun at every interval midpoint (bulk SPA,
/// refraction with each interval's air temperature), extraterrestrial irradiance, airmass and the
/// Perez/Hay–Davies sky coefficients. Each system then costs one pass of cheap arithmetic:
/// plane-of-array transposition → physical IAM on the beam → SAPM/Faiman cell temperature
/// (from POA global) → PVWatts DC with γ → system losses → PVWatts inverter with clipping.
/// The model choices are those of pvlib's `ModelChain.with_pvwatts`.
public struct PVSimulator: Sendable {
    /// The weather the simulation runs on.
    public let weather: Weather
    /// The sun at each interval's midpoint.
    public let solarPosition: SolarPositionSeries
    /// Extraterrestrial normal irradiance per interval (W/m²).
    public let dniExtra: [Double]
    let sky: [SkyState]
    /// Cell heating factors of the default mounting (SAPM open rack, glass/polymer), per interval.
    let defaultHeating: [Double]
    static let defaultCellTemperature = CellTemperatureModel.sapm(.openRackGlassPolymer)

    /// Prepares the site-level quantities for `weather`. `deltaT` is TT − UT in seconds.
    public init(weather: Weather, deltaT: Double = 67) {
        self.init(weather: weather, ephemeris: SunEphemerisSeries(unixSeconds: weather.midpointUnixSeconds, deltaT: deltaT))
    }

    /// Prepares a site reusing sun ephemerides computed for the same instants elsewhere (several
    /// sites simulated on one time grid share the costly time-only part of the SPA).
    /// - Precondition: `ephemeris.unixSeconds` are `weather.midpointUnixSeconds`.
    public init(weather: Weather, ephemeris: SunEphemerisSeries) {
        precondition(ephemeris.unixSeconds == weather.midpointUnixSeconds,
                     "the ephemerides must be for the weather's interval midpoints")
        self.weather = weather
        let midpoints = ephemeris.unixSeconds
        let atmosphere = SolarAtmosphere(pressureHPa: weather.location.standardPressureHPa)
        let sun = ephemeris.positions(location: weather.location, atmosphere: atmosphere, temperatureC: weather.tempAir)
        solarPosition = sun
        let offset = weather.location.utcOffsetHours
        let extra = Irradiance.extraterrestrialSeries(unixSeconds: midpoints, utcOffsetHours: offset)
        dniExtra = extra
        sky = (0..<weather.count).map { i in
            SkyState(apparentZenith: sun.apparentZenith[i], azimuth: sun.azimuth[i], dni: weather.dni[i],
                     ghi: weather.ghi[i], dhi: weather.dhi[i], dniExtra: extra[i])
        }
        defaultHeating = weather.windSpeed.map { Self.defaultCellTemperature.heatingFactor(windSpeed: $0) }
    }

    /// Per-interval cell heating factors for a temperature model (cached for the default).
    func heatingFactors(_ model: CellTemperatureModel) -> [Double] {
        model == Self.defaultCellTemperature ? defaultHeating : weather.windSpeed.map { model.heatingFactor(windSpeed: $0) }
    }

    /// Interval length in hours, to turn kW averages into kWh.
    public var intervalHours: Double { Double(weather.intervalSeconds) / 3600 }

    /// Full diagnostics for one system: POA components, cell temperature, DC and AC power.
    public func simulate(_ system: PVSystem) -> PVResult {
        let n = weather.count
        var result = PVResult(timestamps: weather.timestamps, intervalSeconds: weather.intervalSeconds, count: n)
        forEachStep(system, heating: heatingFactors(system.cellTemperature)) { i, step in
            result.poaDirect[i] = step.poa.direct
            result.poaSkyDiffuse[i] = step.poa.skyDiffuse
            result.poaGroundDiffuse[i] = step.poa.groundDiffuse
            result.effectiveIrradiance[i] = step.effectiveIrradiance
            result.cellTemperature[i] = step.cellTemperature
            result.dcPower[i] = step.dc
            result.acPower[i] = step.ac
        }
        return result
    }

    /// AC power (kW, interval averages) of one system: the fast path without diagnostics.
    public func acPower(_ system: PVSystem) -> [Double] {
        acPower(system, heating: heatingFactors(system.cellTemperature))
    }

    func acPower(_ system: PVSystem, heating: [Double]) -> [Double] {
        [Double](unsafeUninitializedCapacity: weather.count) { buffer, initialized in
            forEachStep(system, heating: heating) { i, step in buffer[i] = step.ac }
            initialized = weather.count
        }
    }

    /// Annual (whole-series) AC energy of one system in kWh.
    public func acEnergyKWh(_ system: PVSystem) -> Double {
        acPower(system).reduce(0, +) * intervalHours
    }

    struct Step {
        var poa: PlaneOfArrayIrradiance
        var effectiveIrradiance: Double
        var cellTemperature: Double
        var dc: Double
        var ac: Double
    }

    /// The chain for one system; `body` receives every interval's values. `heating` holds the
    /// cell heating factors of the system's temperature model.
    @inline(__always)
    func forEachStep(_ system: PVSystem, heating: [Double], _ body: (Int, Step) -> Void) {
        let plane = PlaneGeometry(tilt: system.tilt, azimuth: system.azimuth, albedo: system.albedo)
        let derate = 1 - system.lossesPercent / 100
        let acRating = system.inverterACKW
        let model = system.transposition
        weather.tempAir.withUnsafeBufferPointer { tempAir in
            heating.withUnsafeBufferPointer { heating in
                sky.withUnsafeBufferPointer { sky in
                    for i in 0..<sky.count {
                        // Night (no light at all) short-cuts the chain: nothing on the plane, cells at air temperature.
                        if sky[i].ghi == 0 && sky[i].dni == 0 && sky[i].dhi == 0 {
                            body(i, Step(poa: PlaneOfArrayIrradiance(direct: 0, skyDiffuse: 0, groundDiffuse: 0),
                                         effectiveIrradiance: 0, cellTemperature: tempAir[i], dc: 0, ac: 0))
                            continue
                        }
                        let (poa, cosIncidence) = plane.irradiance(sky[i], model: model)
                        let beam = poa.direct > 0 ? poa.direct * PVWatts.physicalIAM(cosIncidence: cosIncidence) : 0
                        let effective = beam + poa.skyDiffuse + poa.groundDiffuse
                        let cell = tempAir[i] + poa.global * heating[i]
                        let dc = PVWatts.dcPower(effectiveIrradiance: effective, cellTemperature: cell,
                                                 nameplate: system.kWp, gamma: system.temperatureCoefficient) * derate
                        let ac = PVWatts.acPower(dc: dc, acRating: acRating, nominalEfficiency: system.inverterEfficiency)
                        body(i, Step(poa: poa, effectiveIrradiance: effective, cellTemperature: cell, dc: dc, ac: ac))
                    }
                }
            }
        }
    }
}

/// One system's simulated series, all as interval averages labelled by interval start.
public struct PVResult: Sendable, Hashable {
    /// Interval starts, milliseconds since 1970 (UTC).
    public var timestamps: [Int64]
    /// Interval length in seconds.
    public var intervalSeconds: Int
    /// Plane-of-array beam irradiance, DNI·cos(AOI), W/m².
    public var poaDirect: [Double]
    /// Plane-of-array sky diffuse irradiance (transposition model), W/m².
    public var poaSkyDiffuse: [Double]
    /// Plane-of-array ground-reflected irradiance, W/m².
    public var poaGroundDiffuse: [Double]
    /// Beam after the incidence angle modifier plus diffuse, W/m².
    public var effectiveIrradiance: [Double]
    /// Cell temperature, °C.
    public var cellTemperature: [Double]
    /// DC power after system losses, kW.
    public var dcPower: [Double]
    /// AC power, kW.
    public var acPower: [Double]

    init(timestamps: [Int64], intervalSeconds: Int, count: Int) {
        let zeros = [Double](repeating: 0, count: count)
        self.timestamps = timestamps
        self.intervalSeconds = intervalSeconds
        (poaDirect, poaSkyDiffuse, poaGroundDiffuse, effectiveIrradiance) = (zeros, zeros, zeros, zeros)
        (cellTemperature, dcPower, acPower) = (zeros, zeros, zeros)
    }

    /// Plane-of-array global irradiance, W/m².
    public var poaGlobal: [Double] { (0..<poaDirect.count).map { poaDirect[$0] + poaSkyDiffuse[$0] + poaGroundDiffuse[$0] } }
    /// Total AC energy in kWh.
    public var acEnergyKWh: Double { acPower.reduce(0, +) * Double(intervalSeconds) / 3600 }
    /// Total DC energy in kWh.
    public var dcEnergyKWh: Double { dcPower.reduce(0, +) * Double(intervalSeconds) / 3600 }
}
