import Foundation

extension SeriesData {
    /// Merges ascending `newer` points into ascending `self`; where both have a timestamp, `newer` wins.
    /// This is how storage folds an upload or telemetry batch into an existing chunk (decode, merge, encode).
    public func merging(_ newer: SeriesData) -> SeriesData {
        if newer.isEmpty { return self }
        if isEmpty { return newer }
        if timestamps[count - 1] < newer.timestamps[0] {
            var out = self
            out.append(contentsOf: newer)
            return out
        }
        var out = SeriesData()
        out.reserveCapacity(count + newer.count)
        var i = 0
        var j = 0
        while i < count || j < newer.count {
            if j == newer.count || (i < count && timestamps[i] < newer.timestamps[j]) {
                out.append(timestamps[i], values[i])
                i += 1
            } else {
                if i < count && timestamps[i] == newer.timestamps[j] { i += 1 }
                out.append(newer.timestamps[j], newer.values[j])
                j += 1
            }
        }
        return out
    }
}
