import Foundation

/// How one local (wall-clock) time maps to UTC in a zone.
public enum LocalTimeResolution: Sendable, Equatable {
    /// Exactly one instant.
    case unique(Int64)
    /// The local time does not exist (clocks jumped over it). `shifted` is the instant reached by moving it
    /// forward by the gap length (`02:30` in a 02:00→03:00 jump becomes `03:30`); `gapEnd` is the instant the
    /// clocks jumped (the first valid instant after the gap).
    case nonexistent(shifted: Int64, gapMillis: Int64, gapEnd: Int64)
    /// The local time happens twice (clocks were set back); `earlier` is the first occurrence (summer offset).
    case repeated(earlier: Int64, later: Int64)
}

/// Maps local civil times (milliseconds since 1970-01-01 00:00 *local*) to UTC instants in an IANA zone.
///
/// Foundation's `TimeZone` is asked only once or twice per local day; per-day offsets and the exact instant
/// of any offset change near that day are cached, so converting millions of rows costs integer arithmetic.
/// Offset changes less than ~2 days apart are not supported (no real zone has them).
public struct ZoneResolver: Sendable {
    public let timeZone: TimeZone
    private let fixedOffset: Int64?

    private struct Day: Sendable {
        var before: Int64
        var after: Int64
        /// UTC instant at which `after` starts, or `Int64.max` when the offset does not change near this day.
        var transition: Int64
    }

    private var cache: [Int64: Day] = [:]
    private var lastDayNumber = Int64.min
    private var lastDay = Day(before: 0, after: 0, transition: .max)

    public init(_ timeZone: TimeZone) {
        self.timeZone = timeZone
        // UTC and the Etc/ fixed-offset zones never change offset, so they need no lookups at all.
        let id = timeZone.identifier
        fixedOffset = id == "UTC" || id == "GMT" || id.hasPrefix("Etc/")
            ? Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: 0))) * 1000 : nil
    }

    /// Resolver for an IANA identifier, or nil when the name is unknown.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.init(zone)
    }

    /// UTC offset in milliseconds in force at a UTC instant.
    public func offsetMillis(atUTC instant: Int64) -> Int64 {
        if let fixedOffset { return fixedOffset }
        let seconds = CivilDate.floorDiv(instant, 1000)
        return Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))) * 1000
    }

    /// Local civil milliseconds of a UTC instant.
    public func local(fromUTC instant: Int64) -> Int64 { instant + offsetMillis(atUTC: instant) }

    /// Resolves a local civil time.
    public mutating func resolve(localMillis local: Int64) -> LocalTimeResolution {
        if let fixedOffset { return .unique(local - fixedOffset) }
        let dayNumber = CivilDate.floorDiv(local, CivilDate.millisPerDay)
        if dayNumber != lastDayNumber {
            lastDay = day(dayNumber)
            lastDayNumber = dayNumber
        }
        let d = lastDay
        if d.transition == .max { return .unique(local - d.before) }
        let a = local - d.before
        let b = local - d.after
        let validBefore = a < d.transition
        let validAfter = b >= d.transition
        switch (validBefore, validAfter) {
        case (true, true): return .repeated(earlier: min(a, b), later: max(a, b))
        case (true, false): return .unique(a)
        case (false, true): return .unique(b)
        case (false, false): return .nonexistent(shifted: a, gapMillis: d.after - d.before, gapEnd: d.transition)
        }
    }

    private mutating func day(_ dayNumber: Int64) -> Day {
        if let cached = cache[dayNumber] { return cached }
        // UTC window surely covering the local day for offsets between −12 h and +14 h.
        let start = dayNumber * CivilDate.millisPerDay
        var lo = (start - 15 * 3_600_000) / 1000
        var hi = (start + 37 * 3_600_000) / 1000
        let before = offsetMillis(atUTC: lo * 1000)
        let after = offsetMillis(atUTC: hi * 1000)
        var result = Day(before: before, after: after, transition: .max)
        if before != after {
            // Offsets change on whole seconds: bisect to the first second of the new offset.
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2
                if offsetMillis(atUTC: mid * 1000) == before { lo = mid } else { hi = mid }
            }
            result.transition = hi * 1000
        }
        if cache.count > 100_000 { cache.removeAll(keepingCapacity: true) }
        cache[dayNumber] = result
        return result
    }
}
