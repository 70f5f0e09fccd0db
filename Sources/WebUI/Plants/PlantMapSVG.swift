import Foundation

/// The plant map as our own SVG: an Albers equal-area conic projection of the lower 48 (the USGS
/// parallels 29.5° and 45.5°, as d3's `geoAlbersUsa`), with Alaska, Hawaii and Puerto Rico in insets of
/// their own conic projections; a graticule; state abbreviations at the centroid of each state's plants
/// (no state outlines: no public-domain boundary file is available offline here). Circles have an area
/// proportional to annual net generation and the colour of the plant's fuel category; each links to the
/// plant and carries a `<title>` (the tooltip without JavaScript). plants-map.js adds zoom, pan and richer
/// tooltips.
public enum PlantMapSVG {
    public struct Point: Sendable {
        public let id: String
        public let name: String
        public let state: String
        public let latitude: Double
        public let longitude: Double
        public let fuelCategory: String?
        public let netGeneration: Double?
        public let capacity: Double?

        public init(id: String, name: String, state: String, latitude: Double, longitude: Double, fuelCategory: String?,
                    netGeneration: Double?, capacity: Double?) {
            self.id = id
            self.name = name
            self.state = state
            self.latitude = latitude
            self.longitude = longitude
            self.fuelCategory = fuelCategory
            self.netGeneration = netGeneration
            self.capacity = capacity
        }
    }

    public static let width = 960.0
    public static let height = 540.0

    /// A conic equal-area projection placed on the canvas the way d3 places it (rotate, center, scale, translate).
    struct Conic {
        let n: Double, c: Double, r0: Double
        let rotate: Double
        let scale: Double
        let translate: (Double, Double)
        /// Where the center point falls before scaling: d3's `center`, applied after the rotation.
        let centerXY: (Double, Double)

        init(parallels: (Double, Double), rotate: Double, center: (Double, Double), scale: Double, translate: (Double, Double)) {
            let sy0 = sin(parallels.0 * .pi / 180), sy1 = sin(parallels.1 * .pi / 180)
            let n = (sy0 + sy1) / 2
            let c = 1 + sy0 * (2 * n - sy0)
            let r0 = c.squareRoot() / n
            self.n = n
            self.c = c
            self.r0 = r0
            self.rotate = rotate
            self.scale = scale
            self.translate = translate
            centerXY = Self.raw(center.0, center.1, n: n, c: c, r0: r0)
        }

        /// d3's `conicEqualAreaRaw`: λ, φ in degrees → projected x, y (unit sphere).
        static func raw(_ lambdaDegrees: Double, _ phiDegrees: Double, n: Double, c: Double, r0: Double) -> (Double, Double) {
            let lambda = lambdaDegrees * .pi / 180, phi = phiDegrees * .pi / 180
            let r = max(0, c - 2 * n * sin(phi)).squareRoot() / n
            let x = lambda * n
            return (r * sin(x), r0 - r * cos(x))
        }

        func project(longitude: Double, latitude: Double) -> (x: Double, y: Double) {
            var lambda = longitude + rotate
            if lambda > 180 { lambda -= 360 }
            if lambda < -180 { lambda += 360 }
            let p = Self.raw(lambda, latitude, n: n, c: c, r0: r0)
            return (translate.0 + scale * (p.0 - centerXY.0), translate.1 - scale * (p.1 - centerXY.1))
        }
    }

    static let k = 1070.0
    static let lower48 = Conic(parallels: (29.5, 45.5), rotate: 96, center: (-0.6, 38.7), scale: k, translate: (480, 250))
    static let alaska = Conic(parallels: (55, 65), rotate: 154, center: (-2, 58.5), scale: 0.35 * k, translate: (480 - 0.307 * k, 250 + 0.201 * k))
    static let hawaii = Conic(parallels: (8, 18), rotate: 157, center: (-3, 19.9), scale: k, translate: (480 - 0.205 * k, 250 + 0.212 * k))
    static let puertoRico = Conic(parallels: (8, 18), rotate: 66.4, center: (0, 18.2), scale: k, translate: (480 + 0.33 * k, 250 + 0.2 * k))

    /// Insets: name, frame (x, y, w, h), projection, and the state codes drawn there.
    static let insets: [(String, (Double, Double, Double, Double), Conic, Set<String>)] = [
        ("Alaska", (70, 372, 190, 150), alaska, ["AK"]),
        ("Hawaii", (265, 430, 130, 92), hawaii, ["HI"]),
        ("Puerto Rico", (800, 452, 110, 70), puertoRico, ["PR", "VI"]),
    ]

    static func projection(for state: String) -> Conic {
        insets.first { $0.3.contains(state.uppercased()) }?.2 ?? lower48
    }

    public static func project(_ point: Point) -> (x: Double, y: Double) {
        projection(for: point.state).project(longitude: point.longitude, latitude: point.latitude)
    }

    /// The SVG element. `link` turns a plant id into its page's URL.
    public static func render(_ points: [Point], title: String, link: (String) -> String) -> String {
        var svg = ""
        svg.reserveCapacity(points.count * 160 + 20_000)
        svg += "<svg class=\"plant-map-svg\" id=\"plant-map-svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"plant-map-title plant-map-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"plant-map-title\">\(PlantsUI.xml(title))</title>"
        svg += "<desc id=\"plant-map-desc\">\(points.count) plants placed by latitude and longitude on an Albers equal-area projection of the United States (Alaska, Hawaii and Puerto Rico in insets). Circle area is proportional to annual net generation; colour shows the fuel category. Each circle links to its plant.</desc>"
        svg += "<g class=\"map-viewport\" id=\"plant-map-viewport\">"
        svg += graticule()
        // Insets are filled, so the lower 48's graticule does not run through them, then get their own.
        for inset in insets {
            let (x, y, w, h) = inset.1
            svg += "<rect class=\"map-inset\" x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(w))\" height=\"\(f(h))\" rx=\"4\"/>"
            svg += "<text class=\"map-inset-label\" x=\"\(f(x + 6))\" y=\"\(f(y + 14))\">\(inset.0)</text>"
        }
        svg += alaskaGraticule()
        svg += labels(points)
        // Largest first, so that small plants stay visible (and clickable) on top.
        let maxGeneration = points.compactMap(\.netGeneration).max() ?? 0
        let ordered = points.sorted { ($0.netGeneration ?? -1) > ($1.netGeneration ?? -1) }
        svg += "<g class=\"map-plants\">"
        for point in ordered {
            let (x, y) = project(point)
            guard x.isFinite, y.isFinite else { continue }
            let r = radius(point.netGeneration, max: maxGeneration)
            let color = PlantsUI.color(fuelCategory: point.fuelCategory).rawValue
            let generation = point.netGeneration.map { PlantsUI.number($0, decimals: 0) + " MWh" } ?? "no generation data"
            let capacity = point.capacity.map { PlantsUI.number($0, decimals: 1) + " MW" } ?? "—"
            let tip = "\(point.name) (\(point.state)) · \(PlantsUI.fuelLabel(point.fuelCategory)) · \(capacity) · \(generation)"
            svg += "<a href=\"\(PlantsUI.xml(link(point.id)))\"><circle class=\"pd c-\(color)\(point.netGeneration.map { $0 > 0 } == true ? "" : " pd-none")\" cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(r))\" data-r=\"\(f(r))\"><title>\(PlantsUI.xml(tip))</title></circle></a>"
        }
        svg += "</g></g></svg>"
        return svg
    }

    /// Area ∝ generation: 1.5 px for the smallest, 14 px for the largest plant.
    static func radius(_ generation: Double?, max maxGeneration: Double) -> Double {
        guard let generation, generation > 0, maxGeneration > 0 else { return 1.5 }
        return 1.5 + 12.5 * (generation / maxGeneration).squareRoot()
    }

    static func polyline(_ coordinates: [(Double, Double)], _ projection: Conic) -> String {
        let points = coordinates.map { projection.project(longitude: $0.0, latitude: $0.1) }
        return "<polyline points=\"" + points.map { "\(f($0.x)),\(f($0.y))" }.joined(separator: " ") + "\"/>"
    }

    /// Meridians every 5° and parallels every 5° over the lower 48, labelled on the left and at the top.
    static func graticule() -> String {
        var out = "<g class=\"map-graticule\" aria-hidden=\"true\">"
        for lon in stride(from: -125.0, through: -65, by: 5) {
            out += polyline(stride(from: 24.0, through: 49, by: 1).map { (lon, $0) }, lower48)
        }
        for lat in stride(from: 25.0, through: 45, by: 5) {
            out += polyline(stride(from: -124.0, through: -66, by: 1).map { ($0, lat) }, lower48)
        }
        for lat in stride(from: 30.0, through: 45, by: 5) {
            let p = lower48.project(longitude: -122, latitude: lat)
            out += "<text class=\"map-graticule-label\" x=\"\(f(p.x + 3))\" y=\"\(f(p.y - 3))\">\(Int(lat))°N</text>"
        }
        for lon in stride(from: -120.0, through: -70, by: 10) {
            let p = lower48.project(longitude: lon, latitude: 49)
            out += "<text class=\"map-graticule-label\" x=\"\(f(p.x + 3))\" y=\"\(f(p.y + 11))\">\(Int(-lon))°W</text>"
        }
        return out + "</g>"
    }

    static func alaskaGraticule() -> String {
        var out = "<g class=\"map-graticule\" aria-hidden=\"true\">"
        for lon in stride(from: -170.0, through: -130, by: 10) {
            out += polyline(stride(from: 54.0, through: 71, by: 1).map { (lon, $0) }, alaska)
        }
        for lat in stride(from: 55.0, through: 70, by: 5) {
            out += polyline(stride(from: -170.0, through: -130, by: 2).map { ($0, lat) }, alaska)
        }
        return out + "</g>"
    }

    /// State abbreviations at the centroid of the state's plants (as projected).
    static func labels(_ points: [Point]) -> String {
        var sums: [String: (Double, Double, Int)] = [:]
        for point in points {
            let (x, y) = project(point)
            guard x.isFinite, y.isFinite else { continue }
            let s = sums[point.state, default: (0, 0, 0)]
            sums[point.state] = (s.0 + x, s.1 + y, s.2 + 1)
        }
        var out = "<g class=\"map-labels\" aria-hidden=\"true\">"
        for (state, sum) in sums.sorted(by: { $0.key < $1.key }) {
            out += "<text class=\"map-label\" x=\"\(f(sum.0 / Double(sum.2)))\" y=\"\(f(sum.1 / Double(sum.2)))\">\(PlantsUI.xml(state))</text>"
        }
        return out + "</g>"
    }

    static func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
