/// Plain date-time text for the data table and `<desc>`, built from wall-clock seconds.
enum LocalTimeText {
    /// `2025-03-30 14:15` in the clock's zone.
    static func dateTime(_ ms: Int64, clock: WallClock) -> String {
        text(wall: clock.wall(CivilCalendar.floorDiv(ms, 1_000)), separator: " ", suffix: "")
    }

    /// `2025-03-30T12:15:00Z`, for `<time datetime>`.
    static func iso(_ ms: Int64) -> String {
        let seconds = CivilCalendar.floorDiv(ms, 1_000)
        return text(wall: seconds, separator: "T", suffix: ":" + pad(CivilCalendar.floorMod(seconds, 60)) + "Z")
    }

    private static func text(wall: Int64, separator: String, suffix: String) -> String {
        let days = CivilCalendar.floorDiv(wall, CivilCalendar.secondsPerDay)
        let second = wall - days * CivilCalendar.secondsPerDay
        let date = CivilCalendar.day(fromDays: days)
        return "\(date.year)-\(pad(date.month))-\(pad(date.day))\(separator)\(pad(second / 3_600)):\(pad(second % 3_600 / 60))\(suffix)"
    }

    private static func pad(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
