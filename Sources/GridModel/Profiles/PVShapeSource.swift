import Foundation

/// PV output from shared per-shape profiles, one value per step, summed over a house's PV systems:
///
/// - `.dcPerKWp`: the shape is DC kW per kWp (irradiance on the plane, temperature effects); per system the output is
///   `min(inverter AC kW, kWp · shape · (1 − losses))`. Shapes are shared by orientation, temperature coefficient
///   and location. `SyntheticClimate.clearSkyShape` produces this kind.
/// - `.acPerKWp`: the shape is AC kW per kWp of a complete system (losses, inverter, clipping at kWp / DC-AC ratio
///   included, as Solar's bulk path computes it); per system the output is `kWp · shape`. Shapes are shared by all
///   of the key, including losses and DC/AC ratio.
///
/// The shape closure is the seam to the Solar library: it is called once per distinct key, so 10,000 houses on a
/// few roof designs cost a few PV model runs, not 10,000.
public struct PVShapeSource: HouseProfileSource {
    /// What the shapes contain.
    public enum ShapeOutput: Sendable, Equatable {
        case dcPerKWp
        case acPerKWp
    }

    /// What makes two PV systems produce the same shape (losses and DC/AC ratio are 0 for `.dcPerKWp` shapes, which
    /// do not depend on them).
    public struct ShapeKey: Hashable, Sendable {
        public var tiltDegrees: Double
        public var azimuthDegrees: Double
        public var temperatureCoefficient: Double
        public var location: GeoLocation?
        public var lossesPercent: Double
        /// kWp over inverter AC kW.
        public var dcAcRatio: Double
    }

    struct Array: Sendable {
        var shape: Int
        var dcScale: Double
        var acLimit: Double
    }

    let shapes: [[Double]]
    let houses: [[Array]]

    public init(
        topology: GridTopology, period: SimulationPeriod, output: ShapeOutput = .dcPerKWp,
        shape: (_ key: ShapeKey) throws -> [Double]
    ) throws {
        var index: [ShapeKey: Int] = [:]
        var shapes: [[Double]] = []
        var houses: [[Array]] = []
        for grid in topology.grids {
            for house in grid.houses {
                var arrays: [Array] = []
                for pv in house.pvSystems {
                    let ac = output == .acPerKWp
                    let key = ShapeKey(
                        tiltDegrees: pv.tiltDegrees, azimuthDegrees: pv.azimuthDegrees, temperatureCoefficient: pv.temperatureCoefficient,
                        location: grid.location, lossesPercent: ac ? pv.lossesPercent : 0, dcAcRatio: ac ? pv.kWp / pv.effectiveInverterKW : 0)
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
                    arrays.append(output == .acPerKWp
                        ? Array(shape: s, dcScale: pv.kWp, acLimit: .infinity)
                        : Array(shape: s, dcScale: pv.kWp * (1 - pv.lossesPercent / 100), acLimit: pv.effectiveInverterKW))
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
