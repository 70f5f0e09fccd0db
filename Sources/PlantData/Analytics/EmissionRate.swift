/// EPA's rate formulas in one place.
public enum EmissionRate {
    /// `poundsPerMassUnit × mass / denominator`; `nil` when either is missing or the denominator ≤ 0
    /// (a rate per MWh of a plant that consumes power has no meaning).
    public static func output(_ pollutant: Pollutant, mass: Double?, generation: Double?) -> Double? {
        guard let mass, let generation, generation > 0 else { return nil }
        return pollutant.poundsPerMassUnit * mass / generation
    }

    /// lb/MWh → kg/kWh (0.45359237 kg per lb, 1000 kWh per MWh).
    public static func kilogramsPerKilowattHour(fromPoundsPerMegawattHour rate: Double) -> Double {
        rate * 0.453_592_37 / 1000
    }
}
