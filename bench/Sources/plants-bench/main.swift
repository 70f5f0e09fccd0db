// Times PlantData on a full-size eGRID plant sheet: parse (bytes → typed plants and every column)
// and region aggregation (state, BA, subregion, NERC, US; each also by fuel category), plus what a
// server request for one region level costs (aggregate + rates + JSON). Prints one JSON line.
//
//   plants-bench <plant-sheet.csv> [--runs 7]
//   plants-bench <workbook.xlsx> [--runs 7]     (times the workbook import alone)
import Foundation
import PlantData

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: plants-bench <plant-sheet.csv> [--runs N]\n".utf8))
    exit(2)
}
let path = arguments[1]
let runs = arguments.firstIndex(of: "--runs").flatMap { Int(arguments[$0 + 1]) } ?? 7

func milliseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

let clock = ContinuousClock()

if path.hasSuffix(".xlsx") {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    var times: [Double] = []
    var counts: [String: Int] = [:]
    for _ in 0..<runs {
        var file: EGRIDFile?
        times.append(milliseconds(try clock.measure { file = try EGRIDReader.readWorkbook(data, options: ImportOptions(fileName: path)) }))
        for sheet in file!.sheets { counts[sheet.name ?? sheet.kind.rawValue] = sheet.count }
    }
    let json = try JSONSerialization.data(withJSONObject: ["tool": "PlantData", "file_bytes": data.count, "runs": runs,
                                                           "workbook_ms": median(times), "rows": counts], options: [.sortedKeys])
    print(String(decoding: json, as: UTF8.self))
    exit(0)
}
var readTimes: [Double] = [], parseTimes: [Double] = [], aggregateTimes: [Double] = [], requestTimes: [Double] = []
var plants: [Plant] = []
var groups = 0
var bytes = 0
var check: [String: Double] = [:]
let encoder = JSONEncoder()

for _ in 0..<runs {
    var data = Data()
    readTimes.append(milliseconds(try clock.measure { data = try Data(contentsOf: URL(fileURLWithPath: path)) }))
    bytes = data.count
    var file: EGRIDFile?
    parseTimes.append(milliseconds(try clock.measure { file = try EGRIDReader.readCSV(data, options: ImportOptions(releaseLabel: "bench")) }))
    plants = file!.sheets[0].plants

    var all: [RegionAggregate] = []
    aggregateTimes.append(milliseconds(clock.measure {
        for level in RegionLevel.allCases {
            all += PlantAggregator.aggregate(plants, by: level)
            all += PlantAggregator.aggregate(plants, by: level, byFuel: true)
        }
    }))
    groups = all.count
    if let us = all.first(where: { $0.level == .us && $0.fuelCategory == nil }) {
        check["us_co2_tons"] = us.totals.mass(.co2)
        check["us_co2_rate"] = us.outputRates.co2
        check["us_capacity_factor"] = us.capacityFactor
    }
    if let erct = all.first(where: { $0.level == .subregion && $0.code == "ERCT" && $0.fuelCategory == nil }) {
        check["erct_co2_rate"] = erct.outputRates.co2
        check["erct_gas_share"] = erct.resourceMix[.gas]
    }

    // One request: the year's plants are in memory (loaded from the store); aggregate one level
    // by fuel, derive rates and shares, encode the response.
    requestTimes.append(milliseconds(try clock.measure {
        let response = PlantAggregator.aggregate(plants, by: .subregion, byFuel: true)
        _ = try encoder.encode(response)
    }))
}

let result: [String: Any] = [
    "tool": "PlantData", "file_bytes": bytes, "plants": plants.count, "groups": groups, "runs": runs,
    "read_ms": median(readTimes), "parse_ms": median(parseTimes), "aggregate_ms": median(aggregateTimes),
    "request_ms": median(requestTimes), "check": check,
]
let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))
