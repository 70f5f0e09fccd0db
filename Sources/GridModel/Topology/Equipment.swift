import Foundation

/// One PV array with its inverter (`Spec`, like the other equipment, and apart from Solar's `PVSystem`, which the glue
/// builds from it). The electrical output is computed outside the engine (Solar seam);
/// these fields are what that model needs.
public struct PVSystemSpec: Sendable, Equatable {
    /// DC peak power in kWp.
    public var kWp: Double
    /// Tilt from horizontal in degrees (0 = flat, 90 = vertical).
    public var tiltDegrees: Double
    /// Azimuth in degrees clockwise from north (180 = south).
    public var azimuthDegrees: Double
    /// System losses (wiring, soiling, mismatch) in percent of DC output.
    public var lossesPercent: Double
    /// Inverter AC rating in kW; `nil` derives it from `dcAcRatio`, or from `kWp` when both are absent.
    public var inverterKW: Double?
    /// DC/AC ratio; used when `inverterKW` is absent.
    public var dcAcRatio: Double?
    /// Power temperature coefficient in 1/°C (typically −0.004 for crystalline silicon).
    public var temperatureCoefficient: Double

    public init(
        kWp: Double, tiltDegrees: Double = 30, azimuthDegrees: Double = 180, lossesPercent: Double = 14,
        inverterKW: Double? = nil, dcAcRatio: Double? = nil, temperatureCoefficient: Double = -0.004
    ) {
        self.kWp = kWp
        self.tiltDegrees = tiltDegrees
        self.azimuthDegrees = azimuthDegrees
        self.lossesPercent = lossesPercent
        self.inverterKW = inverterKW
        self.dcAcRatio = dcAcRatio
        self.temperatureCoefficient = temperatureCoefficient
    }

    /// The AC limit the inverter clips at.
    public var effectiveInverterKW: Double {
        if let inverterKW { return inverterKW }
        if let dcAcRatio, dcAcRatio > 0 { return kWp / dcAcRatio }
        return kWp
    }
}

/// A stationary battery behind the house meter. States of charge are fractions of `capacityKWh` (0…1).
public struct BatterySpec: Sendable, Equatable {
    public var capacityKWh: Double
    public var maxChargeKW: Double
    public var maxDischargeKW: Double
    /// Fraction of the AC energy taken in that reaches the cells.
    public var chargeEfficiency: Double
    /// Fraction of the cell energy taken out that reaches the AC side.
    public var dischargeEfficiency: Double
    public var minSoC: Double
    public var maxSoC: Double
    public var initialSoC: Double
    /// Grid-import threshold for the peak-shaving strategy; `nil` uses the run's threshold.
    public var peakThresholdKW: Double?

    public init(
        capacityKWh: Double, maxChargeKW: Double, maxDischargeKW: Double, chargeEfficiency: Double = 0.95,
        dischargeEfficiency: Double = 0.95, minSoC: Double = 0.1, maxSoC: Double = 1.0, initialSoC: Double = 0.5,
        peakThresholdKW: Double? = nil
    ) {
        self.capacityKWh = capacityKWh
        self.maxChargeKW = maxChargeKW
        self.maxDischargeKW = maxDischargeKW
        self.chargeEfficiency = chargeEfficiency
        self.dischargeEfficiency = dischargeEfficiency
        self.minSoC = minSoC
        self.maxSoC = maxSoC
        self.initialSoC = initialSoC
        self.peakThresholdKW = peakThresholdKW
    }
}

/// Home EV charging: every day the car arrives (± a seeded jitter), charges `kWhPerDay` at `chargerKW`
/// and stops when full or when it leaves, whichever comes first.
public struct EVSpec: Sendable, Equatable {
    /// Local arrival time in hours after midnight (e.g. 18.5 = 18:30).
    public var arrivalHour: Double
    /// Local departure time in hours after midnight; earlier than arrival means the next morning.
    public var departureHour: Double
    public var kWhPerDay: Double
    public var chargerKW: Double

    public init(arrivalHour: Double = 18, departureHour: Double = 7, kWhPerDay: Double = 8, chargerKW: Double = 11) {
        self.arrivalHour = arrivalHour
        self.departureHour = departureHour
        self.kWhPerDay = kWhPerDay
        self.chargerKW = chargerKW
    }
}

/// A heat pump sized by the building's heat-loss coefficient: thermal demand is
/// `heatLossKWPerK · max(0, baseTemperature − T_out)` (degree-hours), electric demand is that over COP(T_out).
public struct HeatPumpSpec: Sendable, Equatable {
    /// Heat-loss coefficient in kW per kelvin of (base − outdoor) temperature difference.
    public var heatLossKWPerK: Double
    /// Heating limit temperature in °C above which no heating is needed.
    public var baseTemperatureC: Double
    /// COP at outdoor temperatures, as (°C, COP) points; linear between points, flat beyond the ends.
    public var copCurve: [COPPoint]
    /// Electric power limit in kW; `nil` means unlimited.
    public var maxElectricKW: Double?

    public init(heatLossKWPerK: Double, baseTemperatureC: Double = 15, copCurve: [COPPoint] = HeatPumpSpec.airSourceCOP, maxElectricKW: Double? = nil) {
        self.heatLossKWPerK = heatLossKWPerK
        self.baseTemperatureC = baseTemperatureC
        self.copCurve = copCurve
        self.maxElectricKW = maxElectricKW
    }

    /// A typical air-to-water curve for 35 °C flow temperature (EN 14511 test points A-7/A2/A7/A12, rounded).
    public static let airSourceCOP: [COPPoint] = [
        COPPoint(temperatureC: -15, cop: 2.0), COPPoint(temperatureC: -7, cop: 2.6), COPPoint(temperatureC: 2, cop: 3.4),
        COPPoint(temperatureC: 7, cop: 4.2), COPPoint(temperatureC: 12, cop: 4.8), COPPoint(temperatureC: 20, cop: 5.5),
    ]
}

/// One point of a COP curve.
public struct COPPoint: Sendable, Equatable, Codable {
    public var temperatureC: Double
    public var cop: Double

    public init(temperatureC: Double, cop: Double) {
        self.temperatureC = temperatureC
        self.cop = cop
    }
}
