import Foundation

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
