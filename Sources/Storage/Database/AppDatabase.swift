import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import SQLKit
import ServiceLifecycle
import Synchronization

/// The one database of a Powerhouse instance, SQLite or PostgreSQL, with its migrations.
///
/// SQLite gets exactly one connection on its own event loop and thread pool: SQLite has a single writer anyway,
/// one connection keeps the per-connection pragmas in force, and bcrypt or other blocking work on the shared
/// thread pool can never stall queries. PostgreSQL gets a pool of `poolSize` connections.
public final class AppDatabase: Sendable {
    public enum Kind: String, Sendable { case sqlite, postgres }

    public let kind: Kind
    public let location: DatabaseLocation
    /// PostgreSQL schema (search path) this instance works in; `nil` means the server's default (`public`).
    public let schema: String?
    public let poolSize: Int
    let databases: Databases
    let eventLoopGroup: any EventLoopGroup
    let ownedGroup: MultiThreadedEventLoopGroup?
    let ownedThreadPool: NIOThreadPool?
    let logger: Logger
    private let isShutDown = Mutex(false)
    private let initialHandle: any Database

    public static func open(
        _ location: DatabaseLocation, poolSize: Int = 8, schema: String? = nil, logger: Logger
    ) async throws -> AppDatabase {
        switch location {
        case .sqliteFile(let path):
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            return try await openSQLite(.file(path), isFile: true, location: location, logger: logger)
        case .sqliteMemory:
            return try await openSQLite(.init(storage: .memory), isFile: false, location: location, logger: logger)
        case .postgres(let url):
            var configuration = try SQLPostgresConfiguration(url: url)
            if let schema { configuration.searchPath = [schema] }
            let group = MultiThreadedEventLoopGroup.singleton
            let databases = Databases(threadPool: NIOThreadPool.singleton, on: group)
            let perLoop = max(1, (poolSize + System.coreCount - 1) / System.coreCount)
            databases.use(
                .postgres(configuration: configuration, maxConnectionsPerEventLoop: perLoop, connectionPoolTimeout: .seconds(10)),
                as: .psql)
            return AppDatabase(
                kind: .postgres, location: location, schema: schema, poolSize: perLoop * System.coreCount,
                databases: databases, group: group, ownedGroup: nil, ownedThreadPool: nil, logger: logger)
        }
    }

    private static func openSQLite(
        _ configuration: SQLiteConfiguration, isFile: Bool, location: DatabaseLocation, logger: Logger
    ) async throws -> AppDatabase {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        let databases = Databases(threadPool: threadPool, on: group)
        databases.use(.sqlite(configuration, sqlLogLevel: .trace), as: .sqlite)
        let database = AppDatabase(
            kind: .sqlite, location: location, schema: nil, poolSize: 1, databases: databases, group: group,
            ownedGroup: group, ownedThreadPool: threadPool, logger: logger)
        do {
            try await database.applySQLitePragmas(isFile: isFile)
        } catch {
            await database.shutdown()
            throw error
        }
        return database
    }

    private init(
        kind: Kind, location: DatabaseLocation, schema: String?, poolSize: Int, databases: Databases,
        group: any EventLoopGroup, ownedGroup: MultiThreadedEventLoopGroup?, ownedThreadPool: NIOThreadPool?,
        logger: Logger
    ) {
        self.kind = kind
        self.location = location
        self.schema = schema
        self.poolSize = poolSize
        self.databases = databases
        self.eventLoopGroup = group
        self.ownedGroup = ownedGroup
        self.ownedThreadPool = ownedThreadPool
        self.logger = logger
        self.initialHandle = databases.database(logger: logger, on: group.any())!
    }

    /// A handle for queries; cheap to ask for, each one uses the pool. After `shutdown` the handle made at
    /// start is returned, whose queries fail with an error (never a crash).
    public var db: any Database {
        databases.database(logger: logger, on: eventLoopGroup.any()) ?? initialHandle
    }

    /// The SQLKit view, for the few statements Fluent cannot express (claims, pragmas, NOTIFY).
    public var sql: any SQLDatabase { db as! any SQLDatabase }

    /// WAL lets readers run beside the writer; NORMAL sync is safe with WAL (a power cut can lose the last
    /// transactions, never corrupt); the busy timeout covers a second process (`powerhouse worker`) writing.
    /// A new file gets 8 KB pages (ignored once it has tables), as in PostgreSQL: the 100 MB import writes half
    /// the WAL frames (medians 317 against 324 ms) for a 3 % larger file; 16 KB pages were faster still (306 ms)
    /// but grew the file by 28 %, as series chunks of a few KB half-fill them.
    private func applySQLitePragmas(isFile: Bool) async throws {
        if isFile {
            try await sql.raw("PRAGMA page_size = 8192").run()
            try await sql.raw("PRAGMA journal_mode = WAL").run()
        }
        try await sql.raw("PRAGMA synchronous = NORMAL").run()
        try await sql.raw("PRAGMA busy_timeout = 5000").run()
        try await sql.raw("PRAGMA temp_store = MEMORY").run()
        try await sql.raw("PRAGMA cache_size = -16000").run()
    }

    /// Cheap round trip used by readiness checks.
    public func ping() async throws {
        guard !isShutDown.withLock({ $0 }) else { throw ClosedError() }
        try await sql.raw("SELECT 1").run()
    }

    public struct ClosedError: Error, CustomStringConvertible {
        public var description: String { "the database connection pool has been shut down" }
    }

    /// Closes the connections; later calls do nothing.
    public func shutdown() async {
        guard isShutDown.withLock({ done in defer { done = true }; return !done }) else { return }
        await databases.shutdownAsync()
        if let ownedThreadPool { try? await ownedThreadPool.shutdownGracefully() }
        if let ownedGroup { try? await ownedGroup.shutdownGracefully() }
    }
}
