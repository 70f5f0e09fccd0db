import FluentKit

/// eGRID datasets (one per imported file, identified by its SHA-256), their sheets, and the typed rows of
/// each sheet: plants, generators, units and region records. Every row also keeps all of its sheet's cells
/// by column code as JSON text (`cells`), so columns the typed fields do not carry are never lost.
///
/// The column lists are written out here rather than derived from `PlantData`'s enums: a shipped migration
/// must not change when the core gains a case. `PlantRowCodec` uses the same names; the storage tests
/// round-trip a plant with every field set, which fails if the two ever disagree.
struct CreatePlantTables: AsyncMigration {
    var name: String { "008_CreatePlantTables" }

    static let fuels = [
        "coal", "oil", "gas", "nuclear", "hydro", "biomass", "wind", "solar", "geothermal", "other_fossil", "other_unknown",
    ]
    static let pollutants = ["co2", "ch4", "n2o", "co2e", "nox", "so2"]

    func prepare(on database: any Database) async throws {
        try await database.schema("plant_datasets")
            .id()
            .field("sha256", .string, .required)
            .field("file_name", .string)
            .field("release_label", .string, .required)
            .field("years", .string, .required)
            .field("kinds", .string, .required)
            .field("encoding", .string, .required)
            .field("byte_count", .int, .required)
            .field("plant_count", .int, .required)
            .field("generator_count", .int, .required)
            .field("unit_count", .int, .required)
            .field("region_count", .int, .required)
            .field("synthetic", .bool, .required)
            .field("warnings", .string, .required)
            .field("skipped_sheets", .string, .required)
            .field("imported_at", .datetime, .required)
            .field("imported_by", .uuid)
            .field("imported_by_name", .string, .required)
            .field("job_id", .uuid)
            .unique(on: "sha256")
            .create()

        try await database.schema("plant_sheets")
            .id()
            .field("dataset_id", .uuid, .required, .references("plant_datasets", .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("kind", .string, .required)
            .field("name", .string)
            .field("years", .string, .required)
            .field("row_count", .int, .required)
            .field("codes", .string, .required)
            .field("descriptions", .string)
            .field("warnings", .string, .required)
            .create()
        try await database.createIndex("plant_sheets_dataset", on: "plant_sheets", columns: ["dataset_id"])

        var plants = rowTable("plant_plants", on: database)
            .field("orispl", .int, .required)
            .field("sequence", .int)
            .field("name", .string, .required)
            .field("state", .string, .required)
        for text in [
            "fips_state", "fips_county", "county", "operator_name", "operator_code", "utility_name", "utility_id", "sector",
            "ba_code", "ba_name", "subregion", "subregion_name", "nerc", "iso_rto", "primary_fuel", "fuel_category",
        ] {
            plants = plants.field(.string(text), .string)
        }
        for number in [
            "latitude", "longitude", "capacity_mw", "capacity_factor", "net_generation_mwh", "heat_input_mmbtu",
            "total_heat_input_mmbtu", "hg_lb",
        ] {
            plants = plants.field(.string(number), .double)
        }
        for pollutant in Self.pollutants {
            plants = plants.field(.string("mass_" + pollutant), .double).field(.string("rate_" + pollutant), .double)
        }
        for fuel in Self.fuels {
            plants = plants.field(.string("gen_" + fuel), .double).field(.string("mix_" + fuel), .double)
        }
        try await plants.create()
        try await database.createIndex("plant_plants_lookup", on: "plant_plants", columns: ["dataset_id", "year", "orispl"])

        try await rowTable("plant_generators", on: database)
            .field("orispl", .int, .required)
            .field("generator_id", .string, .required)
            .field("state", .string)
            .field("status", .string)
            .field("prime_mover", .string)
            .field("fuel", .string)
            .field("capacity_mw", .double)
            .field("net_generation_mwh", .double)
            .field("record", .string, .required)
            .create()
        try await database.createIndex("plant_generators_lookup", on: "plant_generators", columns: ["dataset_id", "year", "orispl"])

        try await rowTable("plant_units", on: database)
            .field("orispl", .int, .required)
            .field("unit_id", .string, .required)
            .field("state", .string)
            .field("status", .string)
            .field("prime_mover", .string)
            .field("fuel", .string)
            .field("heat_input_mmbtu", .double)
            .field("co2_tons", .double)
            .field("record", .string, .required)
            .create()
        try await database.createIndex("plant_units_lookup", on: "plant_units", columns: ["dataset_id", "year", "orispl"])

        try await rowTable("plant_regions", on: database)
            .field("level", .string, .required)
            .field("code", .string, .required)
            .field("name", .string)
            .field("capacity_mw", .double)
            .field("net_generation_mwh", .double)
            .field("co2_tons", .double)
            .field("record", .string, .required)
            .create()
        try await database.createIndex("plant_regions_lookup", on: "plant_regions", columns: ["dataset_id", "level", "year"])
    }

    /// The columns every row table starts with: which dataset and sheet, where in it, which year — and ends
    /// with: the source line and every cell by code.
    private func rowTable(_ name: String, on database: any Database) -> SchemaBuilder {
        database.schema(name)
            .field("dataset_id", .uuid, .required, .references("plant_datasets", .id, onDelete: .cascade))
            .field("sheet_index", .int, .required)
            .field("row_index", .int, .required)
            .field("year", .int, .required)
            .field("line", .int, .required)
            .field("cells", .string, .required)
    }

    func revert(on database: any Database) async throws { throw ForwardOnlyMigrationError(name: name) }
}
