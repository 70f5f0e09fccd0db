import Foundation

/// AC power profiles for many systems at one site, stored once per distinct system shape.
///
/// A 1,000-house simulation rarely has 1,000 different roofs: systems that differ only in kWp
/// share one per-kWp profile (see `PVSystem.perKWp`). Memory stays at one series per shape;
/// `acPower(system:step:)` scales on read.
public struct PVFleetProfiles: Sendable {
    /// Interval starts (ms since 1970, UTC) shared by all profiles.
    public let timestamps: [Int64]
    /// Interval length in seconds.
    public let intervalSeconds: Int
    /// The distinct shapes (systems at 1 kWp).
    public let shapes: [PVSystem]
    /// AC power per kWp (kW/kWp) for each shape.
    public let perKWpACPower: [[Double]]
    /// For each input system, the index of its shape.
    public let shapeIndex: [Int]
    /// For each input system, its size in kWp.
    public let kWp: [Double]

    /// Number of input systems.
    public var count: Int { kWp.count }

    /// AC power (kW) of input system `system` at interval `step`.
    @inline(__always) public func acPower(system: Int, step: Int) -> Double {
        perKWpACPower[shapeIndex[system]][step] * kWp[system]
    }

    /// The whole AC series (kW) of input system `system`.
    public func acPower(system: Int) -> [Double] {
        let scale = kWp[system]
        return perKWpACPower[shapeIndex[system]].map { $0 * scale }
    }

    /// Total AC energy (kWh) of input system `system`.
    public func acEnergyKWh(system: Int) -> Double {
        perKWpACPower[shapeIndex[system]].reduce(0, +) * kWp[system] * Double(intervalSeconds) / 3600
    }
}

extension PVSimulator {
    /// Profiles for many systems, computing each distinct shape once.
    public func fleet(_ systems: [PVSystem]) -> PVFleetProfiles {
        var shapes: [PVSystem] = []
        var indexOfShape: [PVSystem: Int] = [:]
        let shapeIndex = systems.map { system in
            let shape = system.perKWp
            if let i = indexOfShape[shape] { return i }
            indexOfShape[shape] = shapes.count
            shapes.append(shape)
            return shapes.count - 1
        }
        var heatingByModel: [CellTemperatureModel: [Double]] = [:]
        let profiles = shapes.map { shape in
            if heatingByModel[shape.cellTemperature] == nil {
                heatingByModel[shape.cellTemperature] = heatingFactors(shape.cellTemperature)
            }
            return acPower(shape, heating: heatingByModel[shape.cellTemperature]!)
        }
        return PVFleetProfiles(timestamps: weather.timestamps, intervalSeconds: weather.intervalSeconds, shapes: shapes,
                               perKWpACPower: profiles, shapeIndex: shapeIndex, kWp: systems.map(\.kWp))
    }
}

extension PVSimulator {
    /// DC power per kWp (kW/kWp) *before* system losses and without the inverter: irradiance on
    /// the plane, IAM and temperature only. For callers that apply losses and clipping themselves
    /// (GridModel's per-orientation shapes); `kWp` and `lossesPercent` of `system` are ignored.
    public func dcPowerPerKWpBeforeLosses(_ system: PVSystem) -> [Double] {
        var shape = system.perKWp
        shape.lossesPercent = 0
        return [Double](unsafeUninitializedCapacity: weather.count) { buffer, initialized in
            forEachStep(shape, heating: heatingFactors(shape.cellTemperature)) { i, step in buffer[i] = step.dc }
            initialized = weather.count
        }
    }
}
