import Foundation

/// Recognises units in header text (`P [kW]`, `P (kW)`, `P_kW`, `Leistung kW`) and units rows, and guesses the
/// quantity kind from a unit.
enum UnitGuess {
    /// Lower-cased spellings → canonical unit.
    private static let canonical: [String: String] = {
        var table: [String: String] = [:]
        let groups: [[String]] = [
            ["W", "w"], ["kW", "kw"], ["MW", "mw"], ["GW", "gw"],
            ["Wh", "wh"], ["kWh", "kwh"], ["MWh", "mwh"], ["GWh", "gwh"],
            ["°C", "°c", "degc", "deg c", "celsius", "c°", "grad c"], ["°F", "°f", "degf"], ["K", "k", "kelvin"],
            ["W/m²", "w/m²", "w/m2", "w/m^2", "wm-2", "w m-2"], ["kW/m²", "kw/m²", "kw/m2"],
            ["%", "%", "percent"], ["mm/s", "mm/s"], ["m/s", "m/s"], ["A", "a"], ["V", "v"], ["kV", "kv"],
            ["Hz", "hz"], ["VA", "va"], ["kVA", "kva"], ["var", "var"], ["kvar", "kvar"], ["bar", "bar"],
            ["Pa", "pa"], ["hPa", "hpa"], ["m³", "m³", "m3"], ["l", "l"], ["m³/h", "m³/h", "m3/h"],
            ["count", "count", "pcs", "stk", "#", "n"],
        ]
        for group in groups {
            for spelling in group { table[spelling.lowercased()] = group[0] }
        }
        return table
    }()

    /// The canonical spelling of a known unit (case-insensitive, brackets tolerated), nil otherwise.
    static func unit(_ text: String) -> String? {
        var t = text.trimmingCharacters(in: .whitespaces)
        if let first = t.first, let last = t.last, "[(".contains(first), "])".contains(last), t.count >= 2 {
            t = String(t.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        }
        return canonical[t.lowercased()]
    }

    /// Splits a header into series name and unit: `P [kW]` → (`P`, `kW`); `P_kW` → (`P_kW`, `kW`).
    static func split(header: String) -> (name: String, unit: String?) {
        let h = header.trimmingCharacters(in: .whitespaces)
        for (open, close) in [("[", "]"), ("(", ")")] where h.hasSuffix(close) {
            if let r = h.range(of: open, options: .backwards) {
                let inner = String(h[r.upperBound..<h.index(before: h.endIndex)]).trimmingCharacters(in: .whitespaces)
                let name = String(h[..<r.lowerBound]).trimmingCharacters(in: .whitespaces)
                if let u = unit(inner) ?? (inner.isEmpty ? nil : inner) { return (name.isEmpty ? h : name, u) }
            }
        }
        // A known unit in brackets anywhere: `Actual Total Load [MW] - BZN|DE-LU`.
        for (open, close) in [("[", "]"), ("(", ")")] {
            if let o = h.range(of: open), let c = h.range(of: close, range: o.upperBound..<h.endIndex),
               let u = unit(String(h[o.upperBound..<c.lowerBound])) {
                let name = (h[..<o.lowerBound] + h[c.upperBound...]).split(separator: " ").joined(separator: " ")
                return (name.isEmpty ? h : name, u)
            }
        }
        for separator: Character in ["_", " "] {
            if let i = h.lastIndex(of: separator), let u = unit(String(h[h.index(after: i)...])),
               u != "count", u.count > 1 || separator == "_" {
                return (separator == "_" ? h : String(h[..<i]).trimmingCharacters(in: .whitespaces), u)
            }
        }
        return (h, nil)
    }

    /// Quantity kind from unit first, then from words in the header.
    static func kind(unit: String, header: String) -> QuantityKind {
        switch unit {
        case "W", "kW", "MW", "GW": return .power
        case "Wh", "kWh", "MWh", "GWh": return .energy
        case "°C", "°F", "K": return .temperature
        case "W/m²", "kW/m²": return .irradiance
        case "count": return .count
        case "": break
        default: return .other
        }
        let h = header.lowercased()
        if ["temp", "°c"].contains(where: h.contains) { return .temperature }
        if ["irradiance", "ghi", "poa", "einstrahlung"].contains(where: h.contains) { return .irradiance }
        if ["energy", "energie", "kwh", "verbrauch", "consumption"].contains(where: h.contains) { return .energy }
        if ["power", "leistung", "load", "last"].contains(where: h.contains) { return .power }
        if ["count", "anzahl"].contains(where: h.contains) { return .count }
        return .other
    }
}
