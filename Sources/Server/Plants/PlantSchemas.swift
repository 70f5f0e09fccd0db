import PlantData
import Platform

/// JSON Schemas of the Plants answers, as the endpoints name them.
enum PlantSchemas {
    typealias S = OpenAPISchemas

    static let nullableNumber = S.nullable(S.number)
    static let nullableString = S.nullable(S.string)

    static func numbers(_ keys: [String]) -> JSONValue {
        S.object(Dictionary(uniqueKeysWithValues: keys.map { ($0, nullableNumber) }), required: keys)
    }

    static let pollutants = numbers(Pollutant.allCases.map(\.rawValue))
    static let masses = numbers(Pollutant.allCases.map(PlantNames.massKey))
    static let fuels = numbers(ResourceFuel.allCases.map(PlantNames.fuelKey))
    static let totals = numbers([
        "capacity_mw", "net_generation_mwh", "heat_input_mmbtu", "total_heat_input_mmbtu", "co2_tons", "ch4_lb", "n2o_lb",
        "co2e_tons", "nox_tons", "so2_tons", "hg_lb",
    ])
    static let datasetRef = S.object([
        "id": S.uuid, "release_label": S.string, "file_name": nullableString, "sha256": S.string, "synthetic": S.boolean,
    ], required: ["id", "release_label", "sha256", "synthetic"])
    static let level: JSONValue = ["type": "string", "enum": ["state", "ba", "subregion", "nerc", "us"]]

    static let plantSummaryKeys: [String: JSONValue] = [
        "id": S.string, "year": S.integer, "orispl": S.integer, "name": S.string, "state": S.string,
        "county": nullableString, "latitude": nullableNumber, "longitude": nullableNumber, "operator_name": nullableString,
        "utility_name": nullableString, "sector": nullableString, "balancing_authority": nullableString,
        "balancing_authority_name": nullableString, "subregion": nullableString, "subregion_name": nullableString,
        "nerc_region": nullableString, "primary_fuel": nullableString, "fuel_category": nullableString,
        "capacity_mw": nullableNumber, "capacity_factor": nullableNumber, "net_generation_mwh": nullableNumber,
        "heat_input_mmbtu": nullableNumber, "co2_tons": nullableNumber, "co2_rate_lb_per_mwh": nullableNumber,
    ]

    static let all: [String: JSONValue] = [
        "PlantSummary": S.object(plantSummaryKeys, required: plantSummaryKeys.keys.sorted()),
        "PlantDatasetRef": datasetRef,
        "PlantPage": S.object([
            "year": S.integer, "dataset": S.ref("PlantDatasetRef"), "total": S.integer,
            "items": ["type": "array", "items": S.ref("PlantSummary")], "next_cursor": S.nullable(S.string),
        ], required: ["year", "dataset", "total", "items", "next_cursor"]),
        "PlantFacets": S.object([
            "year": S.integer, "dataset": S.ref("PlantDatasetRef"), "years": ["type": "array", "items": S.integer],
            "releases": ["type": "array", "items": S.string], "facets": ["type": "object"],
        ], required: ["year", "dataset", "years", "releases", "facets"]),
        "PlantDetail": S.object([
            "plant": S.ref("PlantSummary"), "fips_state": nullableString, "fips_county": nullableString,
            "operator_code": nullableString, "utility_id": nullableString, "iso_rto": nullableString,
            "total_heat_input_mmbtu": nullableNumber, "hg_lb": nullableNumber, "emissions": masses,
            "published_output_rates_lb_per_mwh": pollutants, "output_rates_lb_per_mwh": pollutants,
            "generation_by_fuel_mwh": fuels, "resource_mix": fuels,
            "generators": ["type": "array", "items": ["type": "object"]], "units": ["type": "array", "items": ["type": "object"]],
            "columns": ["type": "array", "items": S.object(["code": S.string, "value": ["type": ["number", "string", "null"]]], required: ["code", "value"])],
            "dataset": S.ref("PlantDatasetRef"),
        ], required: ["plant", "emissions", "output_rates_lb_per_mwh", "generators", "units", "columns", "dataset"]),
        "PlantRanking": S.object([
            "year": S.integer, "dataset": S.ref("PlantDatasetRef"), "rank": ["type": "string", "enum": ["emissions", "rate"]],
            "pollutant": S.string, "unit": S.string,
            "items": ["type": "array", "items": S.object(["rank": S.integer, "value": S.number, "plant": S.ref("PlantSummary")], required: ["rank", "value", "plant"])],
        ], required: ["year", "dataset", "rank", "pollutant", "unit", "items"]),
        "PlantDistribution": S.object([
            "year": S.integer, "dataset": S.ref("PlantDatasetRef"), "metric": S.string, "unit": S.string,
            "distribution": S.object([
                "count": S.integer, "missing": S.integer, "minimum": nullableNumber, "maximum": nullableNumber, "mean": nullableNumber,
                "quantiles": ["type": "array", "items": S.object(["probability": S.number, "value": S.number])],
                "bins": ["type": "array", "items": S.object(["lower": S.number, "upper": S.number, "count": S.integer])],
                "below_range": S.integer, "above_range": S.integer,
            ]),
        ], required: ["year", "dataset", "metric", "unit", "distribution"]),
        "RegionFigures": S.object([
            "level": level, "year": S.integer, "code": S.string, "name": nullableString, "fuel_category": nullableString,
            "source": ["type": "string", "enum": ["plants", "published"]], "plant_count": S.nullable(S.integer),
            "totals": totals, "output_rates_lb_per_mwh": pollutants, "input_rates_lb_per_mmbtu": pollutants,
            "published_output_rates_lb_per_mwh": S.nullable(pollutants), "generation_by_fuel_mwh": fuels,
            "resource_mix": fuels, "capacity_factor": nullableNumber,
        ], required: ["level", "year", "code", "source", "totals", "output_rates_lb_per_mwh", "resource_mix"]),
        "RegionFiguresList": S.object([
            "level": level, "year": S.integer, "source": S.string, "by_fuel": S.boolean,
            "datasets": ["type": "array", "items": S.ref("PlantDatasetRef")],
            "items": ["type": "array", "items": S.ref("RegionFigures")],
        ], required: ["level", "year", "source", "by_fuel", "datasets", "items"]),
        "RegionTrendList": S.object([
            "level": level, "source": S.string, "years": ["type": "array", "items": S.integer],
            "items": ["type": "array", "items": S.object([
                "level": level, "code": S.string, "fuel_category": nullableString, "metric": S.string, "unit": S.string,
                "points": ["type": "array", "items": S.object(["year": S.integer, "value": nullableNumber])],
                "changes": ["type": "array", "items": S.object([
                    "from_year": S.integer, "to_year": S.integer, "absolute": S.number, "relative": nullableNumber,
                ])],
            ])],
        ], required: ["level", "source", "years", "items"]),
        "ConsistencyReport": S.object([
            "year": S.integer, "plant_dataset": S.nullable(S.ref("PlantDatasetRef")),
            "region_datasets": ["type": "array", "items": S.ref("PlantDatasetRef")], "consistent": S.boolean,
            "counts": S.object(["ok": S.integer, "differs": S.integer, "published_missing": S.integer, "computed_missing": S.integer]),
            "unmatched_regions": ["type": "array", "items": S.string],
            "rows": ["type": "array", "items": S.object([
                "level": S.string, "year": S.integer, "region": S.string, "column": S.string, "published": nullableNumber,
                "computed": nullableNumber, "absolute_difference": nullableNumber, "relative_difference": nullableNumber,
                "tolerance": S.number, "status": S.string,
            ])],
            "rollups": ["type": "array", "items": S.object([
                "level": level, "year": S.integer, "column": S.string, "sum": nullableNumber, "us": nullableNumber,
                "difference": nullableNumber, "relative_difference": nullableNumber, "tolerance": S.number, "status": S.string,
                "region_count": S.integer,
            ])],
        ], required: ["year", "consistent", "counts", "rows", "rollups"]),
        "EmissionFactors": S.object([
            "year": S.integer, "subregion": S.string, "source": ["type": "string", "enum": ["published", "plants"]],
            "lb_per_mwh": pollutants, "kg_per_kwh": pollutants, "dataset": S.ref("PlantDatasetRef"),
        ], required: ["year", "subregion", "source", "lb_per_mwh", "kg_per_kwh", "dataset"]),
        "PlantDataset": S.object([
            "id": S.uuid, "sha256": S.string, "file_name": nullableString, "release_label": S.string,
            "years": ["type": "array", "items": S.integer], "kinds": ["type": "array", "items": S.string], "encoding": S.string,
            "byte_count": S.integer, "plant_count": S.integer, "generator_count": S.integer, "unit_count": S.integer,
            "region_count": S.integer, "synthetic": S.boolean, "warnings": ["type": "array", "items": S.string],
            "skipped_sheets": ["type": "array", "items": S.string], "imported_at": S.dateTime, "imported_by": S.string,
            "job_id": S.nullable(S.uuid),
            "sheets": ["type": "array", "items": S.object([
                "index": S.integer, "kind": S.string, "name": nullableString, "years": ["type": "array", "items": S.integer],
                "row_count": S.integer, "column_count": S.integer, "codes": ["type": "array", "items": S.string],
                "warnings": ["type": "array", "items": S.string],
            ])],
        ], required: ["id", "sha256", "release_label", "years", "kinds", "imported_at", "sheets", "synthetic"]),
        "PlantDatasetList": S.list(of: "PlantDataset"),
        "PlantImport": S.object([
            "status": ["type": "string", "enum": ["queued", "unchanged"]], "sha256": S.string, "byte_count": S.integer,
            "job": S.nullable(S.ref("Job")), "dataset": S.nullable(S.ref("PlantDataset")),
        ], required: ["status", "sha256", "byte_count", "job", "dataset"]),
    ]
}
