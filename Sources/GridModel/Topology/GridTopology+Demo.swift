import Foundation

extension GridTopology {
    /// A seeded demo neighbourhood: `houseCount` houses spread over `transformerCount` transformers in one grid,
    /// mostly households with some businesses and farms, about 60 % with PV, half of those with a battery,
    /// some EVs and heat pumps. Same seed → same topology.
    public static func demo(
        seed: UInt64 = 1, houseCount: Int = 150, transformerCount: Int = 3, includeHeatPumps: Bool = true,
        location: GeoLocation = GeoLocation(latitude: 52.52, longitude: 13.40), timeZone: String = "Europe/Berlin"
    ) -> GridTopology {
        var rng = SeededGenerator(seed: seed)
        let transformerCount = max(1, transformerCount)
        // 4 kW per house: sunny middays push exports to the limit (curtailment, sharing matter), evenings stay below it.
        let perTransformer = Double(houseCount) / Double(transformerCount)
        let transformers = (0..<transformerCount).map { t in
            Transformer(name: "T\(t + 1)", capacityKW: (perTransformer * 4).rounded(), kva: (perTransformer * 4 / 0.95).rounded(), powerFactor: 0.95)
        }
        var houses: [House] = []
        houses.reserveCapacity(houseCount)
        for h in 0..<houseCount {
            let t = h * transformerCount / max(1, houseCount)
            let r = rng.unit()
            let type: HouseType = r < 0.82 ? .residential : r < 0.92 ? .commercial : r < 0.97 ? .agricultural : .other
            let annual: Double = switch type {
            case .residential: (rng.uniform(1800, 5500) / 10).rounded() * 10
            case .commercial: (rng.uniform(6000, 30000) / 100).rounded() * 100
            case .agricultural: (rng.uniform(8000, 25000) / 100).rounded() * 100
            case .other: (rng.uniform(1000, 4000) / 10).rounded() * 10
            }
            var house = House(name: String(format: "H%03d", h + 1), transformer: transformers[t].name, type: type, annualConsumptionKWh: annual)
            if rng.unit() < 0.6 {
                let kwp = (rng.uniform(4, type == .residential ? 12 : 30) * 2).rounded() / 2
                let azimuths: [Double] = [180, 180, 180, 135, 225, 90, 270]
                let azimuth = azimuths[rng.index(azimuths.count)]
                let tilt = [15.0, 25, 30, 35, 40][rng.index(5)]
                house.pvSystems = [PVSystemSpec(kWp: kwp, tiltDegrees: tilt, azimuthDegrees: azimuth, lossesPercent: 14, dcAcRatio: 1.1)]
                if azimuth == 90, rng.unit() < 0.7 {
                    // East/west roofs usually carry both halves.
                    house.pvSystems.append(PVSystemSpec(kWp: kwp, tiltDegrees: tilt, azimuthDegrees: 270, lossesPercent: 14, dcAcRatio: 1.1))
                }
                if rng.unit() < 0.5 {
                    let capacity = (rng.uniform(5, 15)).rounded()
                    house.battery = BatterySpec(
                        capacityKWh: capacity, maxChargeKW: (capacity / 2).rounded(), maxDischargeKW: (capacity / 2).rounded(),
                        chargeEfficiency: 0.95, dischargeEfficiency: 0.95, minSoC: 0.1, maxSoC: 0.95, initialSoC: 0.5)
                }
            }
            if type == .residential, rng.unit() < 0.2 {
                house.ev = EVSpec(arrivalHour: [17, 18, 18.5, 19][rng.index(4)], departureHour: [6.5, 7, 7.5][rng.index(3)], kWhPerDay: (rng.uniform(4, 14)).rounded(), chargerKW: [3.7, 11][rng.index(2)])
            }
            if includeHeatPumps, type == .residential, rng.unit() < 0.15 {
                house.heatPump = HeatPumpSpec(heatLossKWPerK: (rng.uniform(0.12, 0.3) * 100).rounded() / 100)
            }
            if rng.unit() < 0.05 { house.flags.insert(.priority) }
            if type == .residential, rng.unit() < 0.1 { house.tags.append("social-tariff") }
            houses.append(house)
        }
        return GridTopology(timeZone: timeZone, grids: [Grid(name: "Demo", location: location, transformers: transformers, houses: houses)])
    }
}
