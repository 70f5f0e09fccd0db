import Crypto
import Foundation
import NIOCore
import PlantData
import Platform
import Storage
import Synchronization

/// The Plants module's in-process state for one database: the catalog of datasets, the typed plants and
/// region records of the datasets asked for (loaded once, kept in memory — a year is ~12,000 plants), and
/// finished answers by dataset and query, with their ETags.
///
/// An import or deletion through this process invalidates everything at once. Changes made elsewhere (the
/// CLI, another instance on the same PostgreSQL) are noticed within `revalidateAfter`: the catalog's
/// fingerprint is re-read at most that often, and a new fingerprint drops the caches.
final class PlantStore: Sendable {
    struct Answer: Sendable {
        /// Shared by every response that sends it (NIO writes the same storage; nothing is copied per request).
        let body: ByteBuffer
        let contentType: String
        /// Strong validator: a hash of the body.
        let etag: String
    }

    private struct State {
        var catalog: PlantCatalog?
        var checkedAt: ContinuousClock.Instant?
        var plants: [UUID: Task<[Plant], any Error>] = [:]
        var regions: [UUID: Task<[RegionRecord], any Error>] = [:]
        var answers: [String: Answer] = [:]
        var answerBytes = 0
        var generation = 0
    }

    let database: AppDatabase
    let revalidateAfter: Duration
    /// Answers kept at most; beyond either bound the cache starts over (queries are cheap to recompute).
    let maxAnswers = 2_000
    let maxAnswerBytes = 64 << 20
    private let state = Mutex(State())

    init(database: AppDatabase, revalidateAfter: Duration = .seconds(2)) {
        self.database = database
        self.revalidateAfter = revalidateAfter
    }

    // MARK: one store per database

    private struct WeakStore: @unchecked Sendable { weak var store: PlantStore? }
    private static let stores = Mutex<[ObjectIdentifier: WeakStore]>([:])

    /// The store of `database`, shared by the routes, pages and jobs of every app on it. (The store holds its
    /// database, so an identifier cannot be reused while the store is alive.)
    static func shared(for database: AppDatabase) -> PlantStore {
        stores.withLock { stores in
            let key = ObjectIdentifier(database)
            if let store = stores[key]?.store { return store }
            stores = stores.filter { $0.value.store != nil }
            let store = PlantStore(database: database)
            stores[key] = WeakStore(store: store)
            return store
        }
    }

    // MARK: catalog

    func catalog() async throws -> PlantCatalog {
        let now = ContinuousClock.now
        let (cached, due) = state.withLock { state -> (PlantCatalog?, Bool) in
            (state.catalog, state.checkedAt.map { now - $0 >= revalidateAfter } ?? true)
        }
        if let cached, !due { return cached }
        let repository = PlantRepository(database.db)
        let fingerprint = try await repository.fingerprint()
        if let cached, cached.fingerprint == fingerprint {
            state.withLock { $0.checkedAt = now }
            return cached
        }
        let fresh = PlantCatalog(datasets: try await repository.datasets(), fingerprint: fingerprint)
        state.withLock { state in
            if state.catalog?.fingerprint != fingerprint { Self.clear(&state) }
            state.catalog = fresh
            state.checkedAt = now
        }
        return fresh
    }

    /// Drops everything: called after this process imported or deleted a dataset.
    func invalidate() {
        state.withLock { state in
            Self.clear(&state)
            state.catalog = nil
            state.checkedAt = nil
        }
    }

    private static func clear(_ state: inout State) {
        state.plants.removeAll()
        state.regions.removeAll()
        state.answers.removeAll()
        state.answerBytes = 0
        state.generation += 1
    }

    /// Keeps what an import just wrote, so the first request after it does not read it back.
    func warm(datasetID: UUID, plants: [Plant], regions: [RegionRecord]) {
        state.withLock { state in
            state.plants[datasetID] = Task { plants }
            state.regions[datasetID] = Task { regions }
        }
    }

    // MARK: rows

    func plants(_ dataset: PlantDataset) async throws -> [Plant] {
        try await load(dataset.id, \.plants) { try await PlantRepository($0.db).plants(datasetID: dataset.id) }
    }

    func regions(_ dataset: PlantDataset) async throws -> [RegionRecord] {
        try await load(dataset.id, \.regions) { try await PlantRepository($0.db).regions(datasetID: dataset.id) }
    }

    /// Loads a dataset's rows once; concurrent callers wait for the same load, a failed load is forgotten.
    private func load<T: Sendable>(
        _ id: UUID, _ slot: WritableKeyPath<State, [UUID: Task<[T], any Error>]> & Sendable,
        _ read: @escaping @Sendable (AppDatabase) async throws -> [T]
    ) async throws -> [T] {
        let database = database
        let task = state.withLock { state in
            if let task = state[keyPath: slot][id] { return task }
            let task = Task { try await read(database) }
            state[keyPath: slot][id] = task
            return task
        }
        do {
            return try await task.value
        } catch {
            state.withLock { _ = $0[keyPath: slot].removeValue(forKey: id) }
            throw error
        }
    }

    // MARK: answers

    func answer(_ key: String) -> Answer? { state.withLock { $0.answers[key] } }

    /// Computes an answer once per key; concurrent misses may compute twice, which is harmless.
    func answer(_ key: String, compute: () async throws -> (Data, String)) async throws -> Answer {
        if let hit = answer(key) { return hit }
        let generation = state.withLock { $0.generation }
        let (body, type) = try await compute()
        let digest = SHA256.hash(data: body).prefix(12).map { String(format: "%02x", $0) }.joined()
        let answer = Answer(body: ByteBuffer(bytes: body), contentType: type, etag: "\"\(digest)\"")
        state.withLock { state in
            // An import that finished meanwhile made this answer stale: hand it out, do not keep it.
            guard state.generation == generation else { return }
            if state.answers.count >= maxAnswers || state.answerBytes + body.count > maxAnswerBytes {
                state.answers.removeAll()
                state.answerBytes = 0
            }
            state.answers[key] = answer
            state.answerBytes += body.count
        }
        return answer
    }
}
