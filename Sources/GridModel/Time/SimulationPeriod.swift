import Foundation

/// The time axis of a run: `stepCount` steps of `stepMinutes` starting at the UTC instant `start`.
/// Values are interval averages labelled by the interval's start (see DESIGN.md).
public struct SimulationPeriod: Sendable, Equatable {
    public var start: Date
    public var stepMinutes: Int
    public var stepCount: Int
    /// IANA zone in which wall-clock rules (profiles, tariffs, months) are read.
    public var timeZoneID: String

    public init(start: Date, stepMinutes: Int = 15, stepCount: Int, timeZoneID: String = "UTC") {
        self.start = start
        self.stepMinutes = stepMinutes
        self.stepCount = stepCount
        self.timeZoneID = timeZoneID
    }

    /// From local midnight of `from` to local midnight of `to` (exclusive) in `timeZoneID`. With DST a year in
    /// Europe/Berlin still has 35,040 quarter hours: the spring day has 92, the autumn day 100.
    public init(from: LocalDate, to: LocalDate, timeZoneID: String = "UTC", stepMinutes: Int = 15) throws {
        guard let zone = TimeZone(identifier: timeZoneID) else { throw SimulationError.invalidInput("unknown time zone \"\(timeZoneID)\"") }
        guard stepMinutes > 0, 1440 % stepMinutes == 0 else {
            throw SimulationError.invalidInput("step of \(stepMinutes) min does not divide a day; use 5, 10, 15, 30 or 60")
        }
        guard from < to else { throw SimulationError.invalidInput("period end \(to) must be after its start \(from)") }
        let startDate = SimulationPeriod.localMidnight(from, zone)
        let endDate = SimulationPeriod.localMidnight(to, zone)
        let seconds = endDate.timeIntervalSince(startDate)
        guard seconds <= 367 * 86400 else { throw SimulationError.invalidInput("period \(from)…\(to) is longer than a year") }
        self.init(start: startDate, stepMinutes: stepMinutes, stepCount: Int((seconds / Double(stepMinutes * 60)).rounded()), timeZoneID: timeZoneID)
    }

    /// Step length in hours (Δt).
    public var stepHours: Double { Double(stepMinutes) / 60 }

    /// Steps in one (non-DST) day.
    public var stepsPerDay: Int { 1440 / stepMinutes }

    /// UTC instant at which step `i` starts.
    public func date(ofStep i: Int) -> Date { start.addingTimeInterval(Double(i * stepMinutes * 60)) }

    public var end: Date { date(ofStep: stepCount) }

    /// The same axis extended by `before` and `after` steps (used for time-shifted profiles).
    func extended(before: Int, after: Int) -> SimulationPeriod {
        SimulationPeriod(start: date(ofStep: -before), stepMinutes: stepMinutes, stepCount: stepCount + before + after, timeZoneID: timeZoneID)
    }

    static func localMidnight(_ date: LocalDate, _ zone: TimeZone) -> Date {
        // Guess with the offset at UTC midnight, then correct once with the offset at the guess (handles DST days).
        let utc = Date(timeIntervalSince1970: Double(date.epochDay) * 86400)
        let guess = utc.addingTimeInterval(-Double(zone.secondsFromGMT(for: utc)))
        return utc.addingTimeInterval(-Double(zone.secondsFromGMT(for: guess)))
    }
}
