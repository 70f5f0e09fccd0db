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

/// The PVWatts v5 chain after the plane of array (Dobos 2014, NREL/TP-6A20-62641).
public enum PVWatts {
    /// Incidence angle modifier of a glass cover by Fresnel reflection and absorption (De Soto
    /// 2006; pvlib `iam.physical`: n = 1.526, K = 4 /m, L = 2 mm), from cos(AOI). PVWatts v5
    /// uses this model for the beam; diffuse is not reduced (pvlib's FD = 1).
    @inline(__always) public static func physicalIAM(cosIncidence: Double) -> Double {
        let n = 1.526, kl = 4.0 * 0.002
        let cos1 = max(cosIncidence, 0)
        let sin2 = (1 - cos1 * cos1).squareRoot() / n
        let cos2 = (1 - sin2 * sin2).squareRoot()
        let rs = (cos1 - n * cos2) / (cos1 + n * cos2)
        let rp = (cos2 - n * cos1) / (cos2 + n * cos1)
        let transmitted = ((1 - rs * rs) + (1 - rp * rp)) / 2 * exp(-kl / cos2)
        let rho0 = (1 - n) / (1 + n)
        return transmitted / ((1 - rho0 * rho0) * exp(-kl))
    }

    /// DC power (same unit as `nameplate`) at effective irradiance and cell temperature, before
    /// system losses: P = E/1000 · P₀ · (1 + γ(T − 25)).
    @inline(__always) public static func dcPower(effectiveIrradiance: Double, cellTemperature: Double,
                                                 nameplate: Double, gamma: Double) -> Double {
        effectiveIrradiance / 1000 * nameplate * (1 + gamma * (cellTemperature - 25))
    }

    /// PVWatts inverter: efficiency η = η_nom/η_ref · (−0.0162ζ − 0.0059/ζ + 0.9858) with
    /// ζ = P_dc/P_dc0 and η_ref = 0.9637, clipped at the AC rating P_ac0 = η_nom·P_dc0 and at 0.
    @inline(__always) public static func acPower(dc: Double, acRating: Double, nominalEfficiency: Double) -> Double {
        guard dc != 0 else { return 0 }
        let dcRating = acRating / nominalEfficiency
        let zeta = dc / dcRating
        let efficiency = nominalEfficiency / 0.9637 * (-0.0162 * zeta - 0.0059 / zeta + 0.9858)
        return max(min(efficiency * dc, acRating), 0)
    }
}
