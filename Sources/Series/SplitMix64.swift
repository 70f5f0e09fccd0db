import Foundation

/// A tiny seeded pseudo-random generator (SplitMix64). Same seed, same sequence on every machine, which
/// Foundation's system generator does not promise; used by the synthetic data and by property tests.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1) from the top 53 bits, identical on every platform.
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Standard normal deviate (Box–Muller with this module's deterministic math).
    public mutating func nextGaussian() -> Double {
        let u1 = max(nextUnit(), 0x1.0p-53)
        let u2 = nextUnit()
        return DeterministicMath.sqrt(-2 * DeterministicMath.log(u1)) * DeterministicMath.cos(2 * .pi * u2)
    }
}
