import Foundation

/// How the energy shared within a scope is split among the houses that need it (sellers always deliver pro rata).
public enum SharingStrategy: Sendable, Equatable {
    /// Each buyer receives in proportion to its deficit.
    case proRata
    /// Water-filling: equal amounts, capped at each buyer's deficit; what a capped buyer leaves goes to the others.
    case equalShare
    /// Entries are served fully in turn; houses matching the same entry share pro rata; unmatched houses come last.
    case priority([PriorityEntry])
}

/// One rung of a priority list.
public enum PriorityEntry: Sendable, Equatable, Hashable {
    case house(String)
    case flag(HouseFlag)
    case tag(String)

    /// Parses `house:NAME`, `flag:NAME`, `tag:NAME`; a bare word is a house name if one exists, else a known flag, else a tag.
    public static func parse(_ text: String, houseNames: Set<String>) -> PriorityEntry {
        if text.hasPrefix("house:") { return .house(String(text.dropFirst(6))) }
        if text.hasPrefix("flag:") { return .flag(HouseFlag(rawValue: String(text.dropFirst(5)))) }
        if text.hasPrefix("tag:") { return .tag(String(text.dropFirst(4))) }
        if houseNames.contains(text) { return .house(text) }
        if HouseFlag.known.contains(HouseFlag(rawValue: text)) { return .flag(HouseFlag(rawValue: text)) }
        return .tag(text)
    }

    func matches(_ house: House) -> Bool {
        switch self {
        case .house(let name): house.name == name
        case .flag(let flag): house.effectiveFlags.contains(flag)
        case .tag(let tag): house.tags.contains(tag)
        }
    }
}

/// Where sharing happens.
public enum SharingScope: String, Sendable, Equatable, CaseIterable {
    /// No sharing: the baseline every house would have on its own.
    case none
    /// Houses share with houses on the same transformer.
    case transformer
    /// Houses share with every house of their grid.
    case grid
}

/// How batteries are driven.
public enum BatteryStrategy: Sendable, Equatable {
    /// Charge from any surplus, discharge into any deficit.
    case selfConsumption
    /// Discharge only to keep the house's grid import under a threshold (the battery's `peakThresholdKW`, else this
    /// one); charge only from surplus.
    case peakShaving(thresholdKW: Double)
}

/// Which per-step outputs a run produces.
public enum DetailLevel: String, Sendable, Equatable {
    /// Per-step series per transformer and grid, monthly and annual totals per house, KPIs.
    case aggregates
    /// Also every house's per-step series, streamed to the sink in blocks.
    case full
}

/// Everything that parameterises a run besides topology and profiles.
public struct SimulationOptions: Sendable, Equatable {
    public var sharing: SharingStrategy
    public var scope: SharingScope
    public var battery: BatteryStrategy
    public var economics: Economics
    public var detail: DetailLevel
    /// Steps per block: profiles are produced and progress/cancellation checked once per block. 0 = one week
    /// (longer blocks amortise per-house overheads; memory grows with houses × block length, ~160 MB at 10,000 houses).
    public var blockSteps: Int

    public init(
        sharing: SharingStrategy = .proRata, scope: SharingScope = .transformer, battery: BatteryStrategy = .selfConsumption,
        economics: Economics = Economics(), detail: DetailLevel = .aggregates, blockSteps: Int = 0
    ) {
        self.sharing = sharing
        self.scope = scope
        self.battery = battery
        self.economics = economics
        self.detail = detail
        self.blockSteps = blockSteps
    }
}

/// Why a run did not complete.
public enum SimulationError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidInput(String)
    case cancelled(atStep: Int)

    public var description: String {
        switch self {
        case .invalidInput(let m): m
        case .cancelled(let step): "simulation cancelled at step \(step)"
        }
    }
}
