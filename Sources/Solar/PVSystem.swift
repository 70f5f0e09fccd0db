/// A fixed-tilt PV system as PVWatts describes it.
///
/// Everything except `kWp` is the system's *shape*: two systems that differ only in size produce
/// proportional AC power (the inverter's part-load curve depends on DC/nameplate, which the
/// DC/AC ratio fixes), so the bulk path computes one profile per shape and scales it.
public struct PVSystem: Sendable, Hashable, Codable {
    /// DC nameplate in kW (module STC rating).
    public var kWp: Double
    /// Tilt from horizontal in degrees.
    public var tilt: Double
    /// Azimuth east of north in degrees (pvlib convention: 180 = south).
    public var azimuth: Double
    /// PVWatts system losses in percent (soiling, wiring, mismatch… combined; PVWatts' default is 14).
    public var lossesPercent: Double
    /// DC nameplate over inverter AC rating; the inverter clips at `kWp / dcAcRatio`.
    public var dcAcRatio: Double
    /// Inverter nominal efficiency (PVWatts default 0.96).
    public var inverterEfficiency: Double
    /// Power temperature coefficient γ in 1/°C (e.g. −0.0037 for standard c-Si).
    public var temperatureCoefficient: Double
    /// Ground reflectance for the ground-reflected component.
    public var albedo: Double
    /// Sky diffuse transposition model.
    public var transposition: TranspositionModel
    /// How the cell temperature follows irradiance, air temperature and wind.
    public var cellTemperature: CellTemperatureModel

    public init(kWp: Double, tilt: Double, azimuth: Double = 180, lossesPercent: Double = 14, dcAcRatio: Double = 1.2,
                inverterEfficiency: Double = 0.96, temperatureCoefficient: Double = -0.0037, albedo: Double = 0.2,
                transposition: TranspositionModel = .perez,
                cellTemperature: CellTemperatureModel = .sapm(.openRackGlassPolymer)) {
        self.kWp = kWp
        self.tilt = tilt
        self.azimuth = azimuth
        self.lossesPercent = lossesPercent
        self.dcAcRatio = dcAcRatio
        self.inverterEfficiency = inverterEfficiency
        self.temperatureCoefficient = temperatureCoefficient
        self.albedo = albedo
        self.transposition = transposition
        self.cellTemperature = cellTemperature
    }

    /// A system sized by its inverter's AC rating instead of a DC/AC ratio.
    public init(kWp: Double, tilt: Double, azimuth: Double = 180, inverterACKW: Double, lossesPercent: Double = 14,
                inverterEfficiency: Double = 0.96, temperatureCoefficient: Double = -0.0037, albedo: Double = 0.2,
                transposition: TranspositionModel = .perez,
                cellTemperature: CellTemperatureModel = .sapm(.openRackGlassPolymer)) {
        self.init(kWp: kWp, tilt: tilt, azimuth: azimuth, lossesPercent: lossesPercent, dcAcRatio: kWp / inverterACKW,
                  inverterEfficiency: inverterEfficiency, temperatureCoefficient: temperatureCoefficient, albedo: albedo,
                  transposition: transposition, cellTemperature: cellTemperature)
    }

    /// The inverter's AC rating in kW, where output is clipped.
    public var inverterACKW: Double { kWp / dcAcRatio }

    /// The same system at 1 kWp: the key under which the bulk path shares profiles.
    public var perKWp: PVSystem {
        var shape = self
        shape.kWp = 1
        return shape
    }
}
