import Foundation

/// Cell temperature models.
public enum CellTemperatureModel: Sendable, Hashable, Codable {
    /// Sandia (King et al. 2004): T = E·exp(a + b·WS) + Tₐ + E/1000·ΔT.
    case sapm(SAPMTemperatureParameters)
    /// Faiman (2008): T = Tₐ + E / (u₀ + u₁·WS).
    case faiman(u0: Double, u1: Double)

    /// Faiman with pvlib's defaults (u₀ = 25 W/m²K, u₁ = 6.84 W·s/m³K).
    public static let faimanDefault = CellTemperatureModel.faiman(u0: 25, u1: 6.84)

    /// Cell temperature (°C) for plane-of-array irradiance `poa` (W/m²), air temperature and wind.
    public func cellTemperature(poa: Double, tempAir: Double, windSpeed: Double) -> Double {
        tempAir + poa * heatingFactor(windSpeed: windSpeed)
    }

    /// Both models are T = Tₐ + E·f(WS); f depends on wind alone, so the simulator computes it
    /// once per interval and model rather than once per system.
    @inline(__always) func heatingFactor(windSpeed: Double) -> Double {
        switch self {
        case .sapm(let p): return exp(p.a + p.b * windSpeed) + p.deltaT / 1000
        case .faiman(let u0, let u1): return 1 / (u0 + u1 * windSpeed)
        }
    }
}

/// SAPM cell temperature coefficients (pvlib `TEMPERATURE_MODEL_PARAMETERS["sapm"]`).
public struct SAPMTemperatureParameters: Sendable, Hashable, Codable {
    /// Exponent coefficients a (dimensionless) and b (s/m), and the cell–back difference ΔT (°C) at 1000 W/m².
    public var a: Double, b: Double, deltaT: Double
    public init(a: Double, b: Double, deltaT: Double) { self.a = a; self.b = b; self.deltaT = deltaT }

    /// Open rack, glass/glass modules.
    public static let openRackGlassGlass = SAPMTemperatureParameters(a: -3.47, b: -0.0594, deltaT: 3)
    /// Close roof mount, glass/glass modules.
    public static let closeMountGlassGlass = SAPMTemperatureParameters(a: -2.98, b: -0.0471, deltaT: 1)
    /// Open rack, glass/polymer-backsheet modules (the PVWatts-like default).
    public static let openRackGlassPolymer = SAPMTemperatureParameters(a: -3.56, b: -0.075, deltaT: 3)
    /// Insulated back (building-integrated), glass/polymer modules.
    public static let insulatedBackGlassPolymer = SAPMTemperatureParameters(a: -2.81, b: -0.0455, deltaT: 0)
}
