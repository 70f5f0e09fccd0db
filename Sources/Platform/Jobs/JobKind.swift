import Foundation
import Storage
import Synchronization

/// What a job produced.
public struct JobOutcome: Sendable {
    /// Where the result lives, for example `series:UUID`.
    public var resultRef: String?
    public var message: String?

    public init(resultRef: String? = nil, message: String? = nil) {
        self.resultRef = resultRef
        self.message = message
    }
}

/// Thrown out of a handler (by `JobContext.progress`) when someone cancelled the job.
public struct JobCancelled: Error {}

/// A job kind: its name, who may submit it through the API, and the code that runs it.
///
/// Handlers must be atomic — write their results in one transaction at the end, or clean up — because a job
/// can be cancelled, fail, or lose its worker at any point and may then run again.
public struct JobKind: Sendable {
    public let name: String
    public let summary: String
    /// Needed (besides `jobs.submit`) to queue this kind through `POST /api/v1/jobs`; nil = not submittable
    /// there (the module that owns it queues it from its own routes).
    public let submitPermission: Permission?
    /// Visible only in the dev and test profiles.
    public let demoOnly: Bool
    public let maxAttempts: Int
    /// Checks an API payload before the job is queued; throws a `Problem` naming the field.
    public let validate: @Sendable (JSONValue) throws -> Void
    public let run: @Sendable (JobContext) async throws -> JobOutcome

    public init(
        name: String, summary: String, submitPermission: Permission?, demoOnly: Bool = false, maxAttempts: Int = 3,
        validate: @escaping @Sendable (JSONValue) throws -> Void = { _ in },
        run: @escaping @Sendable (JobContext) async throws -> JobOutcome
    ) {
        self.name = name
        self.summary = summary
        self.submitPermission = submitPermission
        self.demoOnly = demoOnly
        self.maxAttempts = maxAttempts
        self.validate = validate
        self.run = run
    }
}

/// The job kinds this build knows. Modules register theirs at start-up.
public final class JobRegistry: Sendable {
    private let kinds = Mutex<[String: JobKind]>([:])
    let profile: Profile

    public init(profile: Profile) { self.profile = profile }

    /// Demo-only kinds are skipped outside dev and test.
    public func register(_ kind: JobKind) {
        guard !kind.demoOnly || profile.allowsDemoJobs else { return }
        kinds.withLock { $0[kind.name] = kind }
    }

    public func kind(_ name: String) -> JobKind? { kinds.withLock { $0[name] } }

    public var names: [String] { kinds.withLock { Array($0.keys).sorted() } }

    public var all: [JobKind] { kinds.withLock { $0.values.sorted { $0.name < $1.name } } }
}
