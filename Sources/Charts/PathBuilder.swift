/// SVG path data for series marks, from pixel coordinates where a non-finite y is a gap.
///
/// charts.js has the same three functions (`linePath`, `stepPath`, `areaPath`) so that a chart
/// redrawn after a zoom looks exactly like the server's.
enum PathBuilder {
    /// Straight segments through consecutive points; a point alone between gaps becomes a dot
    /// (`h0` with round caps), so isolated readings do not vanish.
    static func line(xs: [Double], ys: [Double]) -> String {
        var d = ""
        var runLength = 0
        for index in ys.indices {
            guard ys[index].isFinite else {
                if runLength == 1 { d += "h0" }
                runLength = 0
                continue
            }
            d += (runLength == 0 ? "M" : "L") + svgNumber(xs[index]) + " " + svgNumber(ys[index])
            runLength += 1
        }
        if runLength == 1 { d += "h0" }
        return d
    }

    /// Each value held from its x to `ends[index]`, with vertical risers between consecutive values.
    static func step(xs: [Double], ends: [Double], ys: [Double]) -> String {
        var d = ""
        var inRun = false
        for index in ys.indices {
            guard ys[index].isFinite else {
                inRun = false
                continue
            }
            d += inRun ? "V" + svgNumber(ys[index]) : "M" + svgNumber(xs[index]) + " " + svgNumber(ys[index])
            d += "H" + svgNumber(ends[index])
            inRun = true
        }
        return d
    }

    /// Closed shapes between `tops` and `bases`, one per run of finite tops.
    static func area(xs: [Double], tops: [Double], bases: [Double]) -> String {
        var d = ""
        var start = 0
        while start < tops.count {
            guard tops[start].isFinite else {
                start += 1
                continue
            }
            var end = start
            while end + 1 < tops.count, tops[end + 1].isFinite { end += 1 }
            if end > start {
                d += "M" + svgNumber(xs[start]) + " " + svgNumber(tops[start])
                for index in (start + 1)...end {
                    d += "L" + svgNumber(xs[index]) + " " + svgNumber(tops[index])
                }
                for index in stride(from: end, through: start, by: -1) {
                    d += "L" + svgNumber(xs[index]) + " " + svgNumber(bases[index])
                }
                d += "Z"
            }
            start = end + 1
        }
        return d
    }
}
