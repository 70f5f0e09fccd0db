import Foundation

/// How sky diffuse irradiance is carried onto a tilted plane.
public enum TranspositionModel: String, Sendable, Codable, CaseIterable {
    /// Liu & Jordan: the sky is uniformly bright.
    case isotropic
    /// Hay & Davies (1980): an isotropic part plus a circumsolar part weighted by the
    /// anisotropy index DNI/E₀.
    case haydavies
    /// Perez et al. (1990) with the "allsitescomposite1990" coefficients (pvlib's default):
    /// isotropic, circumsolar and horizon-brightening parts by sky clearness and brightness.
    case perez
}

/// Irradiance on the plane of array (W/m²), by component.
public struct PlaneOfArrayIrradiance: Sendable, Hashable {
    /// Beam irradiance on the plane, DNI·cos(AOI).
    public var direct: Double
    /// Sky diffuse irradiance on the plane, per the transposition model.
    public var skyDiffuse: Double
    /// Ground-reflected irradiance, GHI·albedo·(1 − cos tilt)/2.
    public var groundDiffuse: Double
    /// The sum of the three.
    public var global: Double { direct + skyDiffuse + groundDiffuse }
}

/// Everything transposition needs about the sky at one instant, independent of the plane: the
/// PV simulator computes these once per step and reuses them for every orientation.
struct SkyState: Sendable {
    /// Unit vector towards the (refracted) sun: east, north, up.
    var sunEast = 0.0, sunNorth = 0.0, sunUp = 0.0
    var dni = 0.0, dhi = 0.0, ghi = 0.0
    /// Hay–Davies anisotropy index DNI/E₀ and its beam ratio denominator max(cos z, cos 89°).
    var anisotropy = 0.0, hayDaviesCosZenith = 1.0
    /// Perez circumsolar and horizon brightness coefficients and max(cos z, cos 85°); `perezValid`
    /// is false with the sun below the horizon, where pvlib's airmass, and so its Perez diffuse, is
    /// undefined and set to zero.
    var f1 = 0.0, f2 = 0.0, perezCosZenith = 1.0
    var perezValid = false

    init() {}

    init(apparentZenith: Double, azimuth: Double, dni: Double, ghi: Double, dhi: Double, dniExtra: Double) {
        let sinZ = sind(apparentZenith)
        let cosZ = cosd(apparentZenith)
        sunEast = sinZ * sind(azimuth)
        sunNorth = sinZ * cosd(azimuth)
        sunUp = cosZ
        self.dni = dni
        self.dhi = dhi
        self.ghi = ghi
        anisotropy = dni / dniExtra
        hayDaviesCosZenith = max(cosZ, 0.017_45)
        perezCosZenith = max(cosZ, cosd(85))
        guard apparentZenith <= 90, dhi > 0 else { return }
        let airmass = Irradiance.relativeAirmass(apparentZenith: apparentZenith)
        perezValid = true
        // Clearness ε and brightness Δ select and scale the coefficient row (Perez 1990, eqs. 1–2).
        let z = apparentZenith * .pi / 180
        let kappaZ3 = 1.041 * z * z * z
        let epsilon = ((dhi + dni) / dhi + kappaZ3) / (1 + kappaZ3)
        let delta = dhi * airmass / dniExtra
        let c = PerezCoefficients.row(epsilon: epsilon)
        f1 = max(c.f11 + c.f12 * delta + c.f13 * z, 0)
        f2 = c.f21 + c.f22 * delta + c.f23 * z
    }
}

/// A fixed plane: its normal and the view factors that do not change with time.
struct PlaneGeometry: Sendable {
    let normalEast: Double, normalNorth: Double, normalUp: Double
    /// (1 + cos β)/2, the plane's view of the sky dome; sin β for Perez horizon brightening.
    let skyView: Double, sinTilt: Double
    /// albedo · (1 − cos β)/2, the plane's view of the ground times its reflectance.
    let groundFactor: Double

    init(tilt: Double, azimuth: Double, albedo: Double) {
        normalEast = sind(tilt) * sind(azimuth)
        normalNorth = sind(tilt) * cosd(azimuth)
        normalUp = cosd(tilt)
        skyView = (1 + cosd(tilt)) / 2
        sinTilt = sind(tilt)
        groundFactor = albedo * (1 - cosd(tilt)) / 2
    }

    /// cos(angle of incidence), clipped to [−1, 1] as pvlib's `aoi_projection`.
    @inline(__always) func cosIncidence(_ sky: SkyState) -> Double {
        min(max(normalEast * sky.sunEast + normalNorth * sky.sunNorth + normalUp * sky.sunUp, -1), 1)
    }

    /// Sky diffuse on the plane for a given cos(AOI).
    @inline(__always) func skyDiffuse(_ sky: SkyState, cosIncidence: Double, model: TranspositionModel) -> Double {
        let projection = max(cosIncidence, 0)
        switch model {
        case .isotropic:
            return sky.dhi * skyView
        case .haydavies:
            return max(sky.dhi * (1 - sky.anisotropy) * skyView, 0)
                + max(sky.dhi * sky.anisotropy * projection / sky.hayDaviesCosZenith, 0)
        case .perez:
            guard sky.perezValid else { return 0 }
            return max(sky.dhi * ((1 - sky.f1) * skyView + sky.f1 * projection / sky.perezCosZenith
                                  + sky.f2 * sinTilt), 0)
        }
    }

    @inline(__always) func irradiance(_ sky: SkyState, model: TranspositionModel) -> (PlaneOfArrayIrradiance, cosIncidence: Double) {
        let c = cosIncidence(sky)
        // pvlib keeps DNI·cos(AOI) even for a sun just below the horizon (hour-midpoint data can
        // carry sunrise DNI); kept so the two models stay the same.
        let poa = PlaneOfArrayIrradiance(direct: max(sky.dni * c, 0), skyDiffuse: skyDiffuse(sky, cosIncidence: c, model: model),
                                         groundDiffuse: sky.ghi * groundFactor)
        return (poa, c)
    }
}

extension Irradiance {
    /// Plane-of-array irradiance for one instant (pvlib `get_total_irradiance`). Angles in
    /// degrees; `solarAzimuth` and `surfaceAzimuth` east of north (180 = south).
    public static func planeOfArray(
        surfaceTilt: Double, surfaceAzimuth: Double, apparentZenith: Double, solarAzimuth: Double,
        dni: Double, ghi: Double, dhi: Double, dniExtra: Double, albedo: Double = 0.2,
        model: TranspositionModel = .perez
    ) -> PlaneOfArrayIrradiance {
        let sky = SkyState(apparentZenith: apparentZenith, azimuth: solarAzimuth, dni: dni, ghi: ghi, dhi: dhi,
                           dniExtra: dniExtra)
        return PlaneGeometry(tilt: surfaceTilt, azimuth: surfaceAzimuth, albedo: albedo).irradiance(sky, model: model).0
    }
}
