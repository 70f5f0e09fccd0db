/// The tick spacings a time axis may use, smallest first.
enum TimeTickStep: CaseIterable, Sendable {
    case minute1, minutes5, minutes15, minutes30
    case hour1, hours3, hours6, hours12
    case day1, week1
    case month1, months3
    case year1, years2, years5, years10, years25, years50, years100

    /// How a step advances in wall-clock time.
    enum Advance: Equatable, Sendable {
        /// A fixed number of wall seconds that divides a day (or is a whole week).
        case seconds(Int64)
        case months(Int64)
    }

    /// How much of a date a tick label shows.
    enum LabelLevel: Sendable {
        case time, day, month, year
    }

    var advance: Advance {
        switch self {
        case .minute1: .seconds(60)
        case .minutes5: .seconds(300)
        case .minutes15: .seconds(900)
        case .minutes30: .seconds(1_800)
        case .hour1: .seconds(3_600)
        case .hours3: .seconds(10_800)
        case .hours6: .seconds(21_600)
        case .hours12: .seconds(43_200)
        case .day1: .seconds(86_400)
        case .week1: .seconds(604_800)
        case .month1: .months(1)
        case .months3: .months(3)
        case .year1: .months(12)
        case .years2: .months(24)
        case .years5: .months(60)
        case .years10: .months(120)
        case .years25: .months(300)
        case .years50: .months(600)
        case .years100: .months(1_200)
        }
    }

    /// Average length in seconds, used only to choose a step for a span (a Gregorian month is 30.436875 days).
    var nominalSeconds: Double {
        switch advance {
        case .seconds(let s): Double(s)
        case .months(let m): Double(m) * 2_629_746
        }
    }

    var labelLevel: LabelLevel {
        switch self {
        case .minute1, .minutes5, .minutes15, .minutes30, .hour1, .hours3, .hours6, .hours12: .time
        case .day1, .week1: .day
        case .month1, .months3: .month
        default: .year
        }
    }

    /// The smallest step that keeps ticks at least `minSpacing` pixels apart over `spanSeconds`.
    static func choose(spanSeconds: Double, pixelWidth: Double, minSpacing: Double = 70) -> TimeTickStep {
        let maxTicks = max(2, (pixelWidth / minSpacing).rounded(.down))
        return allCases.first { spanSeconds / $0.nominalSeconds <= maxTicks } ?? .years100
    }
}
