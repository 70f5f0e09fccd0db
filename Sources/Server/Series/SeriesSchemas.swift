import Platform

/// JSON Schemas of the series API, by the names its endpoints use.
enum SeriesSchemas {
    typealias S = OpenAPISchemas

    static let kind: JSONValue = ["type": "string", "enum": ["power", "energy", "temperature", "irradiance", "count", "other"]]
    static let tags: JSONValue = ["type": "object", "additionalProperties": ["type": "string"]]
    static let nullableNumber: JSONValue = S.nullable(S.number)

    static let all: [String: JSONValue] = [
        "Series": S.object([
            "id": S.uuid, "name": S.string, "unit": S.string, "kind": kind,
            "source": ["type": "string", "enum": ["upload", "simulation", "telemetry", "synthetic"]], "tags": tags,
            "owner_id": S.nullable(S.uuid), "regularity": S.object(["step_ms": S.nullable(S.integer)], required: ["step_ms"]),
            "time_zone": S.string, "point_count": S.integer, "first": S.nullable(S.dateTime), "last": S.nullable(S.dateTime),
            "bytes": S.integer, "bytes_per_point": S.number, "chunk_count": S.integer, "version": S.integer,
            "import_job_id": S.nullable(S.uuid), "created_at": S.dateTime, "updated_at": S.dateTime,
        ], required: ["id", "name", "unit", "kind", "source", "tags", "regularity", "time_zone", "point_count", "bytes", "version"]),
        "SeriesPage": S.page(of: "Series"),
        "SeriesDetail": S.object([
            "series": S.ref("Series"),
            "statistics": S.object([
                "point_count": S.integer, "value_count": S.integer, "min": nullableNumber, "max": nullableNumber,
                "mean": nullableNumber, "first_value": nullableNumber, "last_value": nullableNumber,
            ], required: ["point_count", "value_count"]),
        ], required: ["series", "statistics"]),
        "CreateSeries": S.object([
            "name": S.string, "unit": S.string, "kind": kind, "tags": tags, "time_zone": S.string, "step_seconds": S.number,
        ], required: ["name"]),
        "UpdateSeries": S.object(["name": S.string, "unit": S.string, "kind": kind, "tags": tags, "time_zone": S.string]),
        "SyntheticSeries": S.object([
            "kind": ["type": "string", "enum": ["household_load", "pv", "temperature", "vibration"]],
            "from": S.dateTime, "to": S.dateTime, "step": ["type": "string", "examples": ["15m", "1m", "1h"]],
            "seed": S.integer, "name": S.string, "tags": tags, "time_zone": S.string,
        ], required: ["kind", "from", "to"]),
        "Points": S.object([
            "times": ["type": "array", "items": ["oneOf": [S.dateTime, S.integer]]],
            "values": ["type": "array", "items": nullableNumber],
        ], required: ["times", "values"]),
        "PointsWrite": S.object(["series": S.ref("Series"), "written": S.integer, "removed": S.integer],
                                required: ["series", "written", "removed"]),
        "AlignedValues": S.object([
            "times": ["type": "array", "items": S.dateTime],
            "series": ["type": "array", "items": S.object([
                "id": S.uuid, "name": S.string, "unit": S.string, "kind": kind,
                "values": ["type": "array", "items": nullableNumber],
            ], required: ["id", "name", "unit", "values"])],
            "interval": S.string, "agg": S.string, "time_zone": S.string, "convert": S.string, "points": S.integer,
            "mode": S.string,
        ], required: ["times", "series"]),
        "ImportPreview": S.object([
            "parameters": ["type": "object", "additionalProperties": S.string], "settings": ["type": "object"],
            "byte_order_mark": S.boolean, "ambiguous_day_month": S.boolean, "notes": ["type": "array", "items": S.string],
            "columns": ["type": "array", "items": S.object([
                "number": S.integer, "header": S.string, "name": S.string, "unit": S.string, "kind": kind, "include": S.boolean,
            ])],
            "raw_rows": ["type": "array", "items": ["type": "array", "items": S.string]],
            "preview": S.object([
                "times": ["type": "array", "items": S.dateTime],
                "series": ["type": "array", "items": S.object([
                    "name": S.string, "unit": S.string, "values": ["type": "array", "items": nullableNumber],
                ])],
            ]),
            "issues": ["type": "array", "items": S.ref("CSVIssue")],
            "sample_bytes": S.integer, "complete_file": S.boolean,
        ], required: ["parameters", "settings", "columns", "preview", "issues"]),
        "CSVIssue": S.object([
            "line": S.integer, "column": S.nullable(S.string), "value": S.string, "reason": S.string, "message": S.string,
        ], required: ["line", "value", "reason", "message"]),
        "Upload": S.object(["id": S.uuid, "filename": S.nullable(S.string), "size": S.integer, "sha256": S.nullable(S.string)],
                           required: ["id", "size"]),
        "ImportAccepted": S.object([
            "job": S.ref("Job"), "upload": S.ref("Upload"), "parameters": ["type": "object", "additionalProperties": S.string],
            "status": S.string, "events": S.string,
        ], required: ["job", "upload", "parameters", "status", "events"]),
        "Import": S.object([
            "job": S.ref("Job"), "series": ["type": "array", "items": S.ref("Series")], "report": ["type": ["object", "null"]],
            "skipped_rows_url": S.nullable(S.string),
        ], required: ["job", "series"]),
    ]
}
