import Foundation

/// A connection point: one meter with its load, optional PV systems, battery, EV and heat pump.
public struct House: Sendable, Equatable {
    public var name: String
    /// Name of the transformer (in the same grid) the house is connected to.
    public var transformer: String
    public var type: HouseType
    /// Annual electricity consumption in kWh used to scale the standard load profile (EV and heat pump come on top).
    public var annualConsumptionKWh: Double
    /// Standard load profile; `nil` picks the type's default (see `HouseType.defaultProfile`).
    public var profile: StandardLoadProfile?
    /// Declared flags (`pv`, `battery`, `ev`, `heat_pump`, `priority`); see `effectiveFlags` for the derived ones.
    public var flags: Set<HouseFlag>
    /// Free-form labels; a priority list may name them.
    public var tags: [String]
    public var pvSystems: [PVSystemSpec]
    public var battery: BatterySpec?
    public var ev: EVSpec?
    public var heatPump: HeatPumpSpec?

    public init(
        name: String, transformer: String, type: HouseType = .residential, annualConsumptionKWh: Double,
        profile: StandardLoadProfile? = nil, flags: Set<HouseFlag> = [], tags: [String] = [],
        pvSystems: [PVSystemSpec] = [], battery: BatterySpec? = nil, ev: EVSpec? = nil, heatPump: HeatPumpSpec? = nil
    ) {
        self.name = name
        self.transformer = transformer
        self.type = type
        self.annualConsumptionKWh = annualConsumptionKWh
        self.profile = profile
        self.flags = flags
        self.tags = tags
        self.pvSystems = pvSystems
        self.battery = battery
        self.ev = ev
        self.heatPump = heatPump
    }

    /// The profile actually used: the explicit one or the type's default.
    public var effectiveProfile: StandardLoadProfile { profile ?? type.defaultProfile }

    /// Declared flags plus those implied by the equipment, so a priority list on `battery` finds every house with one.
    public var effectiveFlags: Set<HouseFlag> {
        var all = flags
        if !pvSystems.isEmpty { all.insert(.pv) }
        if battery != nil { all.insert(.battery) }
        if ev != nil { all.insert(.ev) }
        if heatPump != nil { all.insert(.heatPump) }
        return all
    }

    /// Sum of the PV systems' DC peak power.
    public var pvKWp: Double { pvSystems.reduce(0) { $0 + $1.kWp } }
}

/// The kind of connection; it picks the default standard load profile.
public enum HouseType: String, Sendable, Codable, CaseIterable {
    case residential, commercial, agricultural, other

    /// H0 for households, G0 for commerce, L0 for farms; `other` falls back to H0 as the most common profile.
    public var defaultProfile: StandardLoadProfile {
        switch self {
        case .residential, .other: .h0
        case .commercial: .g0
        case .agricultural: .l0
        }
    }
}

/// A house flag. Known flags are listed in `HouseFlag.known`; anything else belongs in `tags`.
public struct HouseFlag: RawRepresentable, Hashable, Sendable, Comparable, Codable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let pv = HouseFlag(rawValue: "pv")
    public static let battery = HouseFlag(rawValue: "battery")
    public static let ev = HouseFlag(rawValue: "ev")
    public static let heatPump = HouseFlag(rawValue: "heat_pump")
    public static let priority = HouseFlag(rawValue: "priority")
    /// The flags the schema accepts.
    public static let known: [HouseFlag] = [.pv, .battery, .ev, .heatPump, .priority]

    public static func < (lhs: HouseFlag, rhs: HouseFlag) -> Bool { lhs.rawValue < rhs.rawValue }
}
