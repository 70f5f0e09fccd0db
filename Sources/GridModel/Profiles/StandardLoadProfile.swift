import Foundation

/// The BDEW standard load profiles (VDEW 1999 study, as published by BDEW and carried by `demandlib`).
public enum StandardLoadProfile: String, Sendable, CaseIterable, Codable {
    /// Households; used with BDEW's dynamisation polynomial.
    case h0 = "H0"
    /// Commerce in general.
    case g0 = "G0"
    /// Agriculture in general.
    case l0 = "L0"
}
