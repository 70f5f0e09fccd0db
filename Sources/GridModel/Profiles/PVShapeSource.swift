import Foundation

/// PV output from shared per-orientation shapes: a shape is DC kW per kWp for every step (it already contains
/// irradiance on the plane and temperature effects); a house's output is, per PV system,
/// `min(inverter AC kW, kWp · shape · (1 − losses))`, summed over its systems.
///
/// The shape closure is the seam to the Solar library: it is called once per distinct (orientation, temperature
/// coefficient, location), so 10,000 houses on a few roof orientations cost a few PV model runs, not 10,000.
public struct PVShapeSource: HouseProfileSource {
    /// What makes two PV systems produce the same shape.
    public struct ShapeKey: Hashable, Sendable {
        public var tiltDegrees: Double
        public var azimuthDegrees: Double
        public var temperatureCoefficient: Double
        public var location: GeoLocation?
    }

    struct Array: Sendable {
        var shape: Int
        var dcScale: Double
        var acLimit: Double
    }

    let shapes: [[Double]]
    let houses: [[Array]]

    public init(
        topology: GridTopology, period: SimulationPeriod,
        shape: (_ key: ShapeKey) throws -> [Double]
    ) throws {
        var index: [ShapeKey: Int] = [:]
        var shapes: [[Double]] = []
        var houses: [[Array]] = []
        for grid in topology.grids {
            for house in grid.houses {
                var arrays: [Array] = []
                for pv in house.pvSystems {
                    let key = ShapeKey(tiltDegrees: pv.tiltDegrees, azimuthDegrees: pv.azimuthDegrees, temperatureCoefficient: pv.temperatureCoefficient, location: grid.location)
                    let s: Int
                    if let known = index[key] { s = known } else {
                        let values = try shape(key)
                        guard values.count >= period.stepCount else {
                            throw SimulationError.invalidInput("PV shape for tilt \(pv.tiltDegrees)°, azimuth \(pv.azimuthDegrees)° has \(values.count) steps; the period has \(period.stepCount)")
                        }
                        s = shapes.count
                        shapes.append(values)
                        index[key] = s
                    }
                    arrays.append(Array(shape: s, dcScale: pv.kWp * (1 - pv.lossesPercent / 100), acLimit: pv.effectiveInverterKW))
                }
                houses.append(arrays)
            }
        }
        self.shapes = shapes
        self.houses = houses
    }

    /// Number of distinct shapes computed (one per orientation), for diagnostics.
    public var shapeCount: Int { shapes.count }

    public func fill(house: Int, steps: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) {
        buffer.update(repeating: 0)
        for a in houses[house] {
            shapes[a.shape].withUnsafeBufferPointer { s in
                for (k, i) in steps.enumerated() { buffer[k] += min(a.acLimit, a.dcScale * s[i]) }
            }
        }
    }
}
