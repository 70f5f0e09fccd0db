/// Perez et al. (1990), "Modeling daylight availability and irradiance components from direct
/// and global irradiance", Solar Energy 44(5), 271–289, Table 6: all-sites composite
/// coefficients F11, F12, F13, F21, F22, F23 for the eight sky-clearness bins.
enum PerezCoefficients {
    struct Row: Sendable { let f11, f12, f13, f21, f22, f23: Double }

    /// Lower bounds of clearness bins 2…8 (bin 1 starts at ε = 1).
    static let binEdges = [1.065, 1.23, 1.5, 1.95, 2.8, 4.5, 6.2]

    static let allSitesComposite1990: [Row] = [
        Row(f11: -0.008, f12: 0.588, f13: -0.062, f21: -0.060, f22: 0.072, f23: -0.022),
        Row(f11: 0.130, f12: 0.683, f13: -0.151, f21: -0.019, f22: 0.066, f23: -0.029),
        Row(f11: 0.330, f12: 0.487, f13: -0.221, f21: 0.055, f22: -0.064, f23: -0.026),
        Row(f11: 0.568, f12: 0.187, f13: -0.295, f21: 0.109, f22: -0.152, f23: -0.014),
        Row(f11: 0.873, f12: -0.392, f13: -0.362, f21: 0.226, f22: -0.462, f23: 0.001),
        Row(f11: 1.132, f12: -1.237, f13: -0.412, f21: 0.288, f22: -0.823, f23: 0.056),
        Row(f11: 1.060, f12: -1.600, f13: -0.359, f21: 0.264, f22: -1.127, f23: 0.131),
        Row(f11: 0.678, f12: -0.327, f13: -0.250, f21: 0.156, f22: -1.377, f23: 0.251),
    ]

    @inline(__always) static func row(epsilon: Double) -> Row {
        var bin = 0
        while bin < binEdges.count && epsilon >= binEdges[bin] { bin += 1 }
        return allSitesComposite1990[bin]
    }
}
