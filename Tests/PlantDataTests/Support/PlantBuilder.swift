@testable import PlantData

/// Plants built in code for rule tests, with only the fields a test cares about.
func plant(
    _ id: Int, state: String = "TX", subregion: String? = "ERCT", ba: String? = "ERCO", nerc: String? = "TRE",
    fuel: String? = "GAS", year: Int = 2023, capacity: Double? = nil, generation: Double? = nil,
    heatInput: Double? = nil, co2: Double? = nil, ch4: Double? = nil, nox: Double? = nil,
    generationByFuel: [ResourceFuel: Double] = [:], name: String? = nil, latitude: Double? = nil, longitude: Double? = nil
) -> Plant {
    var p = Plant(year: year, plantID: id, name: name ?? "Plant \(id)", state: state)
    p.subregion = subregion
    p.balancingAuthorityCode = ba
    p.nercRegion = nerc
    p.fuelCategory = fuel
    p.nameplateCapacity = capacity
    p.netGeneration = generation
    p.heatInput = heatInput
    p.emissions.co2 = co2
    p.emissions.ch4 = ch4
    p.emissions.nox = nox
    for (f, v) in generationByFuel { p.generationByFuel[f] = v }
    p.latitude = latitude
    p.longitude = longitude
    return p
}
