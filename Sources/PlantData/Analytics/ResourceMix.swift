/// EPA's resource-mix shares (see `RegionTotals.resourceMix`).
enum ResourceMix {
    static func shares(_ generation: FuelValues) -> FuelValues {
        var total = 0.0
        var any = false
        for fuel in ResourceFuel.allCases { if let g = generation[fuel] { any = true; total += max(g, 0) } }
        var out = FuelValues()
        guard any, total > 0 else { return out }
        for fuel in ResourceFuel.allCases { if let g = generation[fuel] { out[fuel] = max(g, 0) / total } }
        return out
    }
}
