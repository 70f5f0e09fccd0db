import Plot

extension PreparedChart {
    /// A collapsed table of the caller's values (before any reduction): the fallback for screen
    /// readers and for anyone who wants numbers, thinned to `maxTableRows` rows.
    func dataTable() -> HTMLNode {
        guard !isEmpty else { return .empty }
        let count = chart.x.count
        let every = Int((Double(count) / Double(chart.options.maxTableRows)).rounded(.up))
        let rows = Array(stride(from: 0, to: count, by: max(1, every)))
        var caption = chart.title
        if case .time(_, let timeZone) = chart.x { caption += " (times in \(timeZone.identifier))" }
        if rows.count < count {
            caption += ". Showing \(rows.count) of \(ChartNumber.format(Double(count), decimals: 0)) rows (every \(ordinal(every)))."
        }
        let header: [Node<HTML.TableRowContext>] = [.th(.safeAttribute("scope", "col"), .safeText(xHeader))] + chart.series.map { series in
            .th(.safeAttribute("scope", "col"), .safeText(series.unit.isEmpty ? series.name : "\(series.name) (\(series.unit))"))
        }
        let body: [Node<HTML.TableContext>] = rows.map { row in
            .tr(
                .th(.safeAttribute("scope", "row"), xCell(row)),
                .group(chart.series.map { series in
                    .td(.safeText(row < series.values.count ? ChartNumber.format(series.values[row]) : "–"))
                })
            )
        }
        return .details(
            .class("chart-table"),
            .summary(.safeText("Data table")),
            .div(.class("chart-table-scroll"), .table(
                .caption(.safeText(caption)),
                .thead(.tr(.group(header))),
                .tbody(.group(body))
            ))
        )
    }

    private var xHeader: String {
        switch chart.x {
        case .time: "Time"
        case .categories: "Category"
        case .linear(_, let unit): unit.isEmpty ? "X" : unit
        }
    }

    private func xCell(_ row: Int) -> HTMLNode {
        switch chart.x {
        case .time(let times, let timeZone):
            .time(.datetime(LocalTimeText.iso(times[row])), .safeText(LocalTimeText.dateTime(times[row], clock: WallClock(timeZone: timeZone))))
        case .categories(let labels):
            .safeText(labels[row])
        case .linear(let numbers, _):
            .safeText(ChartNumber.format(numbers[row]))
        }
    }

    private func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (1, let h) where h != 11: suffix = "st"
        case (2, let h) where h != 12: suffix = "nd"
        case (3, let h) where h != 13: suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }
}
