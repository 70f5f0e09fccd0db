import Foundation

/// Counter-based randomness: a value is a pure function of (seed, house, counter), so any step of any house
/// can be computed on its own, in any order, and a run is bit-identical for the same seed.
/// The mixer is SplitMix64's finaliser (Steele, Lea & Flood 2014), which passes BigCrush on sequential counters.
public enum CounterHash {
    @inline(__always)
    public static func mix(_ z0: UInt64) -> UInt64 {
        var z = z0 &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A 64-bit hash of three integers.
    @inline(__always)
    public static func hash(_ seed: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 {
        mix(mix(mix(seed) ^ a) ^ b)
    }

    /// Uniform in [0, 1) with 53 random bits.
    @inline(__always)
    public static func unit(_ seed: UInt64, _ a: UInt64, _ b: UInt64) -> Double {
        Double(hash(seed, a, b) >> 11) * 0x1.0p-53
    }

    /// Uniform in [−1, 1).
    @inline(__always)
    public static func symmetric(_ seed: UInt64, _ a: UInt64, _ b: UInt64) -> Double {
        2 * unit(seed, a, b) - 1
    }
}

/// A small deterministic generator (SplitMix64) for topology generation and tests; never Foundation's random.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1), independent of the standard library's range algorithms so results never change across toolchains.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform in [lo, hi).
    public mutating func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * unit() }

    /// Uniform integer in 0..<n.
    public mutating func index(_ n: Int) -> Int { min(n - 1, Int(unit() * Double(n))) }
}
