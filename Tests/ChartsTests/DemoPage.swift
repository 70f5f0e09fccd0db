import Foundation
import Plot
@testable import Charts

/// A page with one of every chart, for looking at them in a browser (light and dark) and for
/// trying charts.js by hand. `CHARTS_DEMO_DIR=/tmp/charts-demo swift test --filter DemoPage`
/// writes `index.html` and `dark.html` there; serve that folder with `css/` and `js/` linked to
/// Sources/Server/Public.
enum DemoPage {
    static let zurich = zone("Europe/Zurich")

    static func wave(_ count: Int, period: Double, phase: Double = 0, base: Double, amplitude: Double) -> [Double] {
        (0..<count).map { base + amplitude * sin(2 * .pi * (Double($0) / period + phase)) }
    }

    static func charts() -> [Chart] {
        // A week of quarter-hours across the spring DST change, with a data outage.
        let weekStart = ms("2025-03-27T00:00:00+01:00")
        let quarters = (0..<(7 * 96 - 4)).map { weekStart + Int64($0) * 900_000 }
        var load = zip(wave(quarters.count, period: 96, phase: 0.6, base: 42, amplitude: 18), wave(quarters.count, period: 7, base: 0, amplitude: 4)).map(+)
        for index in 300..<340 { load[index] = .nan }
        let temperature = wave(quarters.count, period: 96, phase: 0.55, base: 8, amplitude: 6)
        let pv = quarters.indices.map { max(0, 55 * sin(2 * .pi * (Double($0 % 96) / 96 - 0.25))) * (0.7 + 0.3 * cos(Double($0) / 150)) }

        let june = ms("2025-06-02T00:00:00+02:00")
        let hours = (0..<24).map { june + Int64($0) * hour }
        let days = (0..<14).map { june + Int64($0) * day }
        let yearStart = ms("2025-01-01T00:00:00+01:00")
        let yearHours = (0..<8_760).map { yearStart + Int64($0) * hour }
        let yearLoad = zip(wave(8_760, period: 24, base: 300, amplitude: 120), wave(8_760, period: 8_760, phase: 0.25, base: 0, amplitude: 150)).map(+)

        return [
            Chart(id: "feeder", title: "Feeder load and outdoor temperature", summary: "A week across the switch to summer time.",
                  kind: .line, x: .time(quarters, timeZone: zurich), series: [
                      ChartSeries(id: "load", name: "Load", unit: "kW", values: load, color: .load),
                      ChartSeries(id: "temp", name: "Outdoor", unit: "°C", values: temperature, color: .temperature, axis: .secondary),
                  ], options: ChartOptions(referenceLines: [ChartReferenceLine(value: 63, label: "Transformer 63 kW")],
                                           dataSource: "zoom.json?ids=load,temp&mode=minmax")),
            Chart(id: "price", title: "Day-ahead price", kind: .step, x: .time(hours, timeZone: zurich), series: [
                ChartSeries(name: "Price", unit: "EUR/MWh", values: wave(24, period: 24, phase: 0.7, base: 90, amplitude: 45)),
            ]),
            Chart(id: "pv", title: "PV output", kind: .area, x: .time(Array(quarters.prefix(3 * 96)), timeZone: zurich), series: [
                ChartSeries(name: "PV", unit: "kW", values: Array(pv.prefix(3 * 96)), color: .solar),
            ]),
            Chart(id: "balance", title: "Community energy balance", kind: .stackedArea, x: .time(Array(quarters.prefix(2 * 96)), timeZone: zurich), series: [
                ChartSeries(name: "Self-consumed PV", unit: "kW", values: zip(pv, load).prefix(192).map { min($0, $1.isNaN ? 0 : $1) }, color: .solar),
                ChartSeries(name: "Grid import", unit: "kW", values: zip(pv, load).prefix(192).map { max(0, ($1.isNaN ? 0 : $1) - $0) }, color: .grid),
                ChartSeries(name: "Export", unit: "kW", values: zip(pv, load).prefix(192).map { -max(0, $0 - ($1.isNaN ? 0 : $1)) }, color: .export),
            ]),
            Chart(id: "daily", title: "Daily energy and peak", kind: .bars, x: .time(days, timeZone: zurich), series: [
                ChartSeries(name: "Energy", unit: "kWh", values: wave(14, period: 7, base: 900, amplitude: 200)),
                ChartSeries(name: "Peak", unit: "kW", values: wave(14, period: 7, phase: 0.1, base: 70, amplitude: 15), axis: .secondary),
            ]),
            Chart(id: "fuels", title: "Net generation by fuel", summary: "eGRID 2022, selected states.", kind: .stackedBars,
                  x: .categories(["CA", "TX", "NY", "WA", "PA", "FL"]), series: [
                      ChartSeries(name: "Coal", unit: "TWh", values: [0.3, 55, 0, 4, 20, 12], color: .coal),
                      ChartSeries(name: "Gas", unit: "TWh", values: [95, 220, 55, 12, 125, 175], color: .gas),
                      ChartSeries(name: "Nuclear", unit: "TWh", values: [17, 41, 26, 9, 75, 29], color: .nuclear),
                      ChartSeries(name: "Hydro", unit: "TWh", values: [17, 0.8, 28, 68, 2, 0.2], color: .hydro),
                      ChartSeries(name: "Wind", unit: "TWh", values: [14, 110, 5, 7, 4, 0], color: .wind),
                      ChartSeries(name: "Solar", unit: "TWh", values: [56, 31, 2, 0.5, 0.6, 12], color: .solar),
                  ]),
            Chart(id: "monthly", title: "Monthly energy, this year and last", kind: .bars,
                  x: .categories(CivilCalendar.monthNames), series: [
                      ChartSeries(name: "2024", unit: "MWh", values: wave(12, period: 12, phase: 0.25, base: 30, amplitude: 10), color: .muted),
                      ChartSeries(name: "2025", unit: "MWh", values: wave(12, period: 12, phase: 0.25, base: 28, amplitude: 12).enumerated().map { $0.offset < 9 ? $0.element : .nan }, color: .palette(0)),
                  ]),
            DurationCurve.chart(id: "tx-duration", title: "Transformer loading duration curve", series: [
                ChartSeries(name: "T1 Dorfplatz", unit: "%", values: yearLoad.map { $0 / 5 }),
                ChartSeries(name: "T2 Industrie", unit: "%", values: yearLoad.map { $0 / 6.5 + 10 }),
            ], options: ChartOptions(referenceLines: [ChartReferenceLine(value: 100, label: "Rated")])),
            Chart(id: "year", title: "A year of hourly load (reduced in the component)", kind: .line, x: .time(yearHours, timeZone: zurich), series: [
                ChartSeries(name: "Load", unit: "kW", values: yearLoad),
            ], options: ChartOptions(maxTableRows: 50)),
            Chart(id: "hostile", title: #"Names from users: <script>alert("x")</script>"#, kind: .line, x: .time(Array(hours.prefix(6)), timeZone: zurich), series: [
                ChartSeries(name: #"<b>"quoted"</b> & 'co'"#, unit: "<kW>", values: [1, 3, 2, .nan, 4, 3]),
            ], options: ChartOptions(height: 200, showsLegend: true)),
        ]
    }

    /// What `GET zoom.json?…` answers in the demo: the feeder week at 5-minute resolution with a
    /// ripple the page's 15-minute data lacks, so a zoom visibly loads new data.
    static func zoomJSON() -> String {
        let start = ms("2025-03-27T00:00:00+01:00")
        let times = (0..<(7 * 288 - 12)).map { start + Int64($0) * 300_000 }
        let load = times.indices.map { index -> Double? in
            (900..<1_020).contains(index) ? nil : 42 + 18 * sin(2 * .pi * (Double(index) / 288 + 0.6)) + 3 * sin(Double(index) / 2)
        }
        let temperature = times.indices.map { 8 + 6 * sin(2 * .pi * (Double($0) / 288 + 0.55)) }
        let iso = times.map { "\"" + LocalTimeText.iso($0) + "\"" }.joined(separator: ",")
        let loadText = load.map { $0.map { String($0) } ?? "null" }.joined(separator: ",")
        let temperatureText = temperature.map { String($0) }.joined(separator: ",")
        return #"{"times":[\#(iso)],"series":[{"id":"load","name":"Load","unit":"kW","values":[\#(loadText)]},{"id":"temp","name":"Outdoor","unit":"°C","values":[\#(temperatureText)]}]}"#
    }

    static func sparklines() -> [Sparkline] {
        [
            Sparkline(label: "Load, last 24 h", values: wave(96, period: 96, phase: 0.6, base: 40, amplitude: 15), unit: "kW", color: .load),
            Sparkline(label: "PV, today", values: (0..<96).map { max(0, 50 * sin(2 * .pi * (Double($0) / 96 - 0.25))) }, unit: "kW", color: .solar),
            Sparkline(label: "Battery state of charge", values: wave(96, period: 96, base: 55, amplitude: 35), unit: "%", color: .battery, filled: false, range: 0...100),
        ]
    }

    static func html(theme: String?) -> String {
        let cards: [HTMLNode] = sparklines().map { sparkline in
            .div(.class("demo-card"), .p(.safeText(sparkline.label)), .component(sparkline))
        }
        let page = HTML(
            .head(
                .meta(.charset(.utf8)),
                .title("Charts demo"),
                .stylesheet("css/charts.css"),
                .stylesheet("demo.css"),
                .script(.attribute(named: "type", value: "module"), .src("js/charts.js"))
            ),
            .body(
                .h1("Charts demo"),
                .div(.class("demo-cards"), .group(cards)),
                .div(.class("demo-grid"), .group(charts().map { .component($0) }))
            )
        )
        var text = page.render()
        if let theme { text = text.replacingOccurrences(of: "<html>", with: "<html data-theme=\"\(theme)\">") }
        return text
    }

    static let css = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; background: #f6f8fa; color: #1f2328; }
        :root[data-theme="dark"] body { background: #0d1117; color: #e6edf3; }
        .demo-cards { display: flex; gap: 1rem; margin-bottom: 1.5rem; }
        .demo-card { background: var(--chart-surface); border: 1px solid var(--chart-rule); border-radius: 6px; padding: .5rem .75rem; }
        .demo-card p { margin: 0 0 .25rem; color: var(--chart-muted); }
        .demo-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 1rem 2rem; }
        .chart { background: var(--chart-surface); padding: .75rem; border-radius: 6px; border: 1px solid var(--chart-rule); }
        """
}
