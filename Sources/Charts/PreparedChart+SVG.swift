import Plot

extension PreparedChart {
    var isEmpty: Bool { xs.isEmpty || chart.series.isEmpty }

    func svg() -> HTMLNode {
        var children: [HTMLNode] = [
            .tag("title", ["id": id + "-title"], [.safeText(chart.title)]),
            .tag("desc", ["id": id + "-desc"], [.safeText(description)]),
        ]
        if isEmpty {
            children.append(.tag("text", ["class": "chart-empty", "x": svgNumber(width / 2), "y": svgNumber(height / 2), "text-anchor": "middle"], [.safeText("No data")]))
        } else {
            children += [
                .tag("defs", [:], [
                    .tag("clipPath", ["id": id + "-clip"], [
                        // A little vertical slack so strokes on the top and bottom edges stay whole.
                        .leaf("rect", ["x": svgNumber(plot.left), "y": svgNumber(plot.top - 2), "width": svgNumber(plot.width), "height": svgNumber(plot.height + 4)]),
                    ]),
                ]),
                grid(),
                xAxis(),
                yAxis(y, label: yLabel, side: .primary),
                y2.map { yAxis($0, label: y2Label ?? "", side: .secondary) } ?? .empty,
                .tag("g", ["class": "chart-marks", "clip-path": "url(#\(id)-clip)"], chart.series.indices.map(seriesMarks)),
                referenceLines(),
                .tag("g", ["class": "chart-overlay", "aria-hidden": "true"]),
            ]
        }
        return .tag("svg", [
            "xmlns": "http://www.w3.org/2000/svg",
            "class": "chart-svg",
            "viewBox": "0 0 \(svgNumber(width)) \(svgNumber(height))",
            "role": "img",
            "aria-labelledby": "\(id)-title \(id)-desc",
            "tabindex": isEmpty ? nil : "0",
        ], children)
    }

    /// Horizontal lines at the primary ticks, on half pixels so 1px strokes stay sharp.
    private func grid() -> HTMLNode {
        let d = y.ticks.map { "M\(svgNumber(plot.left)) \(svgNumber(crisp(py($0))))H\(svgNumber(plot.right))" }.joined()
        return .leaf("path", ["class": "chart-grid", "d": d])
    }

    private func crisp(_ value: Double) -> Double {
        (value - 0.5).rounded() + 0.5
    }

    private func xAxis() -> HTMLNode {
        let ticks = xTicks()
        let baseline = crisp(plot.bottom)
        let marks = ticks.map { "M\(svgNumber(crisp($0.x))) \(svgNumber(baseline))v4" }.joined()
        let labels: [HTMLNode] = ticks.map { tick in
            // Labels at the very edges are anchored inwards rather than cut off.
            let half = TextWidth.estimate(tick.label) / 2
            let anchor: String? = tick.x - half < 0 ? "start" : tick.x + half > width ? "end" : nil
            return .tag("text", ["x": svgNumber(tick.x), "y": svgNumber(plot.bottom + 16), "text-anchor": anchor], [.safeText(tick.label)])
        }
        return .tag("g", ["class": "chart-axis chart-axis-x", "text-anchor": "middle", "aria-hidden": "true"], [
            .leaf("path", ["class": "chart-axis-line", "d": "M\(svgNumber(plot.left)) \(svgNumber(baseline))H\(svgNumber(plot.right))\(marks)"]),
        ] + labels)
    }

    private func yAxis(_ scale: NiceScale, label: String, side: ChartAxisSide) -> HTMLNode {
        let isLeft = side == .primary
        let x = isLeft ? plot.left - Self.margin.tickGap : plot.right + Self.margin.tickGap
        let labels: [HTMLNode] = scale.ticks.map { value in
            .tag("text", ["x": svgNumber(x), "y": svgNumber(py(value, axis: side) + 4)], [.safeText(ChartNumber.format(value, decimals: scale.decimals))])
        }
        let title: HTMLNode = .tag("text", [
            "class": "chart-axis-label",
            "x": svgNumber(isLeft ? Self.margin.outer / 2 : width - Self.margin.outer / 2),
            "y": "12",
            "text-anchor": isLeft ? "start" : "end",
        ], [.safeText(label)])
        return .tag("g", [
            "class": isLeft ? "chart-axis chart-axis-y" : "chart-axis chart-axis-y2",
            "text-anchor": isLeft ? "end" : "start",
            "aria-hidden": "true",
        ], labels + [label.isEmpty ? .empty : title])
    }

    private func referenceLines() -> HTMLNode {
        let lines: [HTMLNode] = chart.options.referenceLines.map { line in
            let y = crisp(py(line.value, axis: line.axis))
            return .tag("g", ["class": "chart-ref \(line.color.className)"], [
                .leaf("path", ["class": "chart-ref-line", "d": "M\(svgNumber(plot.left)) \(svgNumber(y))H\(svgNumber(plot.right))"]),
                .tag("text", ["x": svgNumber(plot.right - 4), "y": svgNumber(y - 4), "text-anchor": "end"], [.safeText(line.label)]),
            ])
        }
        return lines.isEmpty ? .empty : .tag("g", ["class": "chart-refs", "aria-hidden": "true"], lines)
    }

    /// X tick pixel positions and labels for the axis type.
    func xTicks() -> [(x: Double, label: String)] {
        switch chart.x {
        case .time(_, let timeZone):
            let ticks = TimeTicks.ticks(from: Int64(domain.lowerBound), to: Int64(domain.upperBound), pixelWidth: plot.width, timeZone: timeZone).ticks
            return ticks.map { (px(Double($0.time)), $0.label) }
        case .linear(_, let unit):
            let scale = NiceScale(min: domain.lowerBound, max: domain.upperBound, targetCount: max(2, Int(plot.width / 80)))
            return scale.ticks.filter { domain.contains($0) }.map { value in
                let number = ChartNumber.format(value, decimals: scale.decimals)
                return (px(value), unit.isEmpty ? number : number + " " + unit)
            }
        case .categories(let labels):
            // Show every k-th label so that labels never overlap.
            let widest = labels.map(TextWidth.estimate).max() ?? 0
            let every = max(1, Int(((widest + 8) / bandWidth).rounded(.up)))
            return labels.indices.filter { $0 % every == 0 }.map { (px(Double($0)), labels[$0]) }
        }
    }
}
