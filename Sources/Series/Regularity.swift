import Foundation

/// Whether points arrive on a fixed step (15 min, 1 h, …) or at arbitrary instants.
public enum Regularity: Sendable, Hashable {
    /// Every timestamp lies on `start + k·step`; missing rows (gaps) are allowed.
    case fixed(stepMillis: Int64)
    case irregular

    /// The step in milliseconds, or nil for irregular data.
    public var stepMillis: Int64? {
        if case .fixed(let step) = self { return step }
        return nil
    }

    /// Detects the regularity of sorted timestamps.
    ///
    /// The step is the smallest positive difference; the data is regular when every difference is a
    /// whole multiple of it (so gaps of missing rows keep a series regular, jitter does not). Fewer
    /// than two distinct timestamps give `.irregular`.
    public static func detect(_ timestamps: [Int64]) -> Regularity {
        timestamps.withUnsafeBufferPointer { detect($0) }
    }

    static func detect(_ timestamps: UnsafeBufferPointer<Int64>) -> Regularity {
        guard timestamps.count >= 2 else { return .irregular }
        var step = Int64.max
        for i in 1..<timestamps.count {
            let d = timestamps[i] &- timestamps[i - 1]
            if d > 0 && d < step { step = d }
        }
        guard step != .max else { return .irregular }
        for i in 1..<timestamps.count {
            let d = timestamps[i] &- timestamps[i - 1]
            // Most differences are the step itself; only gaps need the (slow) division.
            if d != step && d % step != 0 { return .irregular }
        }
        return .fixed(stepMillis: step)
    }
}

extension Regularity: Codable {
    // Encoded as `{"step_ms": 900000}` or `{"step_ms": null}` so JSON readers need no enum decoding.
    private enum CodingKeys: String, CodingKey { case stepMillis = "step_ms" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let step = try c.decodeIfPresent(Int64.self, forKey: .stepMillis) {
            self = .fixed(stepMillis: step)
        } else {
            self = .irregular
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(stepMillis, forKey: .stepMillis)
    }
}
