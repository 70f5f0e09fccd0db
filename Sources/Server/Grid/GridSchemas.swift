import Platform

/// JSON Schemas of the Grid module's bodies (OpenAPI components). Topology fragments follow
/// `reference/grid/topology-schema.md` (`powerhouse.grid/v1`).
enum GridSchemas {
    typealias S = OpenAPISchemas

    static let number = S.number
    static let string = S.string
    static func array(_ items: JSONValue) -> JSONValue { ["type": "array", "items": items] }
    static let anyObject: JSONValue = ["type": "object"]
    static let tariff: JSONValue = ["oneOf": [
        ["type": "number", "description": "flat price per kWh"],
        S.object(["weekday": array(number), "weekend": array(number)], required: ["weekday", "weekend"]),
    ]]

    static let pvSystem = S.object([
        "kwp": number, "tilt_deg": number, "azimuth_deg": number, "losses_percent": number, "inverter_ac_kw": number,
        "dc_ac_ratio": number, "temperature_coefficient_per_c": number,
    ], required: ["kwp"])

    static let battery = S.object([
        "capacity_kwh": number, "max_charge_kw": number, "max_discharge_kw": number, "charge_efficiency": number,
        "discharge_efficiency": number, "min_soc": number, "max_soc": number, "initial_soc": number, "peak_threshold_kw": number,
    ], required: ["capacity_kwh", "max_charge_kw", "max_discharge_kw"])

    static let house = S.object([
        "name": string, "transformer": string,
        "type": ["type": "string", "enum": ["residential", "commercial", "agricultural", "other"]],
        "annual_consumption_kwh": number, "profile": ["type": "string", "enum": ["H0", "G0", "L0"]],
        "flags": array(string), "tags": array(string), "pv_systems": array(S.ref("PVSystem")), "battery": S.ref("Battery"),
        "ev": S.object(["arrival_hour": number, "departure_hour": number, "kwh_per_day": number, "charger_kw": number]),
        "heat_pump": S.object(["heat_loss_kw_per_k": number, "base_temperature_c": number, "cop_curve": array(array(number)),
                               "max_electric_kw": number], required: ["heat_loss_kw_per_k"]),
    ], required: ["name", "transformer", "annual_consumption_kwh"])

    static let transformer = S.object(
        ["name": string, "capacity_kw": number, "kva": number, "power_factor": number, "grid": string, "house_count": S.integer,
         "pv_kwp": number, "battery_kwh": number, "annual_consumption_kwh": number],
        required: ["name", "capacity_kw"])

    static let location = S.object(["latitude": number, "longitude": number], required: ["latitude", "longitude"])

    static let gridSummary: [String: JSONValue] = [
        "id": S.uuid, "name": string, "version": S.integer, "house_count": S.integer, "transformer_count": S.integer,
        "created_by": S.nullable(S.uuid), "created_at": S.dateTime, "updated_at": S.dateTime,
    ]

    static let kpis: JSONValue = ["type": "object", "description": "KPI figures by snake_case name (powerhouse.grid-kpis/v1)",
                                  "additionalProperties": ["type": "number"]]

    static let simulation = S.object([
        "id": S.uuid, "name": string, "grid_id": S.nullable(S.uuid), "grid_name": string, "grid_version": S.nullable(S.integer),
        "job_id": S.uuid, "state": ["type": "string", "enum": ["queued", "running", "succeeded", "failed", "cancelled"]],
        "progress": number, "message": S.nullable(string), "error": S.nullable(string), "weather_name": string,
        "house_count": S.integer, "created_by": S.nullable(S.uuid), "created_at": S.dateTime, "started_at": S.nullable(S.dateTime),
        "finished_at": S.nullable(S.dateTime), "parameters": anyObject, "period": anyObject, "notes": array(string),
        "kpis": S.object(["total": kpis, "grids": array(kpis), "transformers": array(kpis)]),
    ], required: ["id", "name", "state", "progress", "job_id", "parameters", "created_at"])

    static let all: [String: JSONValue] = [
        "TopologyDocument": ["type": "object", "description": "powerhouse.grid/v1 document (reference/grid/topology-schema.md)",
                             "properties": ["schema": ["const": "powerhouse.grid/v1"], "time_zone": string, "grids": array(anyObject)],
                             "required": ["schema", "grids"]],
        "GridSummary": S.object(gridSummary, required: ["id", "name", "version"]),
        "GridPage": S.page(of: "GridSummary"),
        "Grid": S.object(gridSummary.merging([
            "time_zone": string, "totals": anyObject, "topology": S.ref("TopologyDocument"),
        ]) { a, _ in a }, required: ["id", "name", "version", "topology"]),
        "CreateGrid": S.object(["name": string, "time_zone": string, "location": location, "transformers": array(S.ref("Transformer"))],
                               required: ["name", "transformers"]),
        "UpdateGrid": S.object(["name": string, "time_zone": string, "location": S.nullable(location)]),
        "Transformer": transformer,
        "TransformerList": S.list(of: "Transformer"),
        "House": house,
        "HousePatch": ["type": "object", "description": "JSON merge patch (RFC 7386) of a House: null removes a field"],
        "HousePage": S.page(of: "House"),
        "BulkHouses": S.object([
            "count": S.integer, "template": ["type": "object", "description": "a House without its name"], "name_prefix": string,
            "transformer": string,
        ], required: ["count", "template"]),
        "BulkHousesResult": S.object(["created": array(string), "grid_version": S.integer], required: ["created"]),
        "PVSystem": pvSystem,
        "PVSystemList": S.object(["items": array(S.ref("PVSystem")), "index": S.integer, "pv_system": S.ref("PVSystem")], required: ["items"]),
        "Battery": battery,
        "WeatherFile": ["type": "string", "description": "the raw TMY3, EPW or CSV file (text/csv or text/plain)"],
        "Weather": S.object([
            "id": S.uuid, "name": string, "format": ["type": "string", "enum": ["tmy3", "epw", "csv"]], "size": S.integer,
            "description": string, "created_by": S.nullable(S.uuid), "created_at": S.dateTime,
        ], required: ["id", "name", "format"]),
        "WeatherList": S.list(of: "Weather"),
        "SimulationRequest": S.object([
            "grid_id": S.uuid, "topology": S.ref("TopologyDocument"), "name": string, "from": ["type": "string", "format": "date"],
            "to": ["type": "string", "format": "date"], "step_minutes": ["type": "integer", "enum": [5, 10, 15, 30, 60]],
            "strategy": ["type": "string", "enum": ["pro-rata", "equal", "priority"]], "priority": array(string),
            "scope": ["type": "string", "enum": ["transformer", "grid", "none"]],
            "battery_strategy": ["type": "string", "enum": ["self-consumption", "peak-shaving"]], "peak_threshold_kw": number,
            "tariffs": S.object(["import": tariff, "feed_in": tariff, "community": ["oneOf": [number, ["const": "midpoint"]]], "currency": string]),
            "co2_kg_per_kwh": ["oneOf": [number, array(number), S.object(["egrid_subregion": string, "year": S.integer])]],
            "co2_source": string, "seed": S.integer,
            "detail": ["type": "string", "enum": ["aggregates", "full"]],
            "weather": S.object(["source": ["type": "string", "enum": ["synthetic", "file"]], "seed": S.integer, "id": S.uuid]),
        ], required: ["from", "to"]),
        "Simulation": simulation,
        "SimulationPage": S.page(of: "Simulation"),
        "SeriesLink": S.object(["level": string, "name": string, "metric": string, "series_id": S.uuid, "values": string]),
        "SimulationTransformers": S.object(["items": array(S.object([
            "name": string, "grid": string, "capacity_kw": number, "kpis": kpis, "series": array(S.ref("SeriesLink")),
        ]))]),
        "SimulationHouse": S.object([
            "name": string, "grid": string, "transformer": string, "total": kpis, "monthly": anyObject, "kpis": kpis,
            "peak_import_kw": number, "battery_capacity_kwh": number, "series": array(S.ref("SeriesLink")),
        ]),
        "SimulationHousePage": S.object(["items": array(S.ref("SimulationHouse")), "next_cursor": S.nullable(string), "total": S.integer]),
        "SimulationSeries": S.object([
            "level": string, "name": string, "timestamps": array(S.dateTime), "items": array(S.ref("SeriesLink")),
            "series": array(S.object(["metric": string, "series_id": S.uuid, "unit": string, "values": array(number)])),
        ]),
        "SimulationComparison": S.object([
            "base": S.ref("Simulation"), "candidate": S.ref("Simulation"),
            "rows": array(S.object(["level": string, "name": string, "metric": string, "base": S.nullable(number),
                                    "candidate": S.nullable(number), "delta": S.nullable(number)])),
        ]),
    ]
}
