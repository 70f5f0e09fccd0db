import Foundation
import Logging
import FluentPostgresDriver
import PostgresNIO

/// Creates and drops PostgreSQL schemas: the test suites give every test its own schema so that tests run in
/// parallel against one server without seeing each other's rows.
public enum PostgresSchemas {
    public struct InvalidName: Error {}

    public static func create(_ name: String, url: String) async throws {
        try await run("CREATE SCHEMA \(try identifier(name))", url: url)
    }

    public static func drop(_ name: String, url: String) async throws {
        try await run("DROP SCHEMA IF EXISTS \(try identifier(name)) CASCADE", url: url)
    }

    /// Schema names are interpolated into DDL, so only plain lower-case identifiers are accepted.
    static func identifier(_ name: String) throws -> String {
        guard !name.isEmpty, name.count <= 63,
            name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") })
        else { throw InvalidName() }
        return name
    }

    private static func run(_ statement: String, url: String) async throws {
        let logger = Logger(label: "powerhouse.schemas")
        let configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
