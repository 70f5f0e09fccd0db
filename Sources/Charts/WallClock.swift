import Foundation

/// Maps UTC instants (seconds) to local wall-clock seconds in one IANA time zone and back.
///
/// Wall seconds are the local date and time read as if they were UTC, so calendar maths on them
/// never sees a 23- or 25-hour day; DST only matters when converting back.
struct WallClock: Sendable {
    let timeZone: TimeZone

    /// The result of converting a local time back to an instant.
    enum Instant: Equatable, Sendable {
        /// The local time exists; when it exists twice (DST fall-back), the earlier instant.
        case exact(Int64)
        /// The local time was skipped by a DST jump; the associated instant is the same distance
        /// past the jump, so a local midnight in a gap becomes the day's first real instant.
        case skipped(Int64)

        var seconds: Int64 {
            switch self {
            case .exact(let s), .skipped(let s): s
            }
        }
    }

    func offset(at seconds: Int64) -> Int64 {
        Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))))
    }

    func wall(_ seconds: Int64) -> Int64 {
        seconds + offset(at: seconds)
    }

    func instant(forWall wall: Int64) -> Instant {
        // Offsets a day either side bracket any single transition near this local time.
        let before = offset(at: wall - CivilCalendar.secondsPerDay)
        let after = offset(at: wall + CivilCalendar.secondsPerDay)
        let candidates = [wall - before, wall - after].filter { self.wall($0) == wall }
        if let earliest = candidates.min() {
            return .exact(earliest)
        }
        return .skipped(wall - before)
    }
}
