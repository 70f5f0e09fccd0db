import Foundation

/// How an available amount of shared energy is split among buyers' needs. The array versions are the reference
/// semantics (and what the unit tests pin down by hand); the engine calls the buffer versions on scratch memory.
public enum Allocation {
    /// `received_h = T·d_h/D`.
    public static func proRata(available: Double, needs: [Double]) -> [Double] {
        let total = needs.reduce(0, +)
        let t = min(available, total)
        return needs.map { total > 0 ? t * $0 / total : 0 }
    }

    /// Water-filling: everyone gets the same amount, capped at their need; the cap's leftovers go to the rest.
    public static func equalShare(available: Double, needs: [Double]) -> [Double] {
        var scratch = needs
        let level = scratch.withUnsafeMutableBufferPointer { waterLevel(available: available, sortingInPlace: $0) }
        return needs.map { min($0, level) }
    }

    /// Groups (0 first) are served fully in turn; inside a group, pro rata.
    public static func priority(available: Double, needs: [Double], groups: [Int]) -> [Double] {
        let groupCount = (groups.max() ?? -1) + 1
        var sums = [Double](repeating: 0, count: groupCount)
        for (need, g) in zip(needs, groups) { sums[g] += need }
        var factors = [Double](repeating: 0, count: groupCount)
        sums.withUnsafeBufferPointer { s in
            factors.withUnsafeMutableBufferPointer { f in priorityFactors(available: available, groupNeeds: s, into: f) }
        }
        return zip(needs, groups).map { $0 * factors[$1] }
    }

    /// The equal-share level λ such that Σ min(d_h, λ) = min(T, Σ d); `.infinity` when everyone is served fully.
    /// Sorts `needs` in place.
    static func waterLevel(available: Double, sortingInPlace buffer: UnsafeMutableBufferPointer<Double>) -> Double {
        var needs = buffer
        needs.sort()
        var remaining = available
        let n = needs.count
        for i in 0..<n {
            let share = remaining / Double(n - i)
            if needs[i] > share { return share }
            remaining -= needs[i]
        }
        return .infinity
    }

    /// Per-group fraction of its need that is served.
    static func priorityFactors(available: Double, groupNeeds: UnsafeBufferPointer<Double>, into factors: UnsafeMutableBufferPointer<Double>) {
        var remaining = available
        for g in 0..<groupNeeds.count {
            let need = groupNeeds[g]
            if need <= 0 { factors[g] = 0 } else if remaining >= need {
                factors[g] = 1
                remaining -= need
            } else {
                factors[g] = max(0, remaining) / need
                remaining = 0
            }
        }
    }
}
