import Foundation
import Platform
import Storage

/// API representations. Internal fields (password hashes, token versions, worker ids) never leave the server.
struct UserView: Codable, Sendable {
    let id: UUID
    let username: String
    let displayName: String
    let role: Role
    let disabled: Bool
    let createdAt: Date
    let lastLoginAt: Date?

    init(_ user: User) {
        id = user.id
        username = user.username
        displayName = user.displayName
        role = user.role
        disabled = user.disabled
        createdAt = user.createdAt
        lastLoginAt = user.lastLoginAt
    }
}

struct MeView: Encodable {
    let user: UserView
    let permissions: [String]
    let authenticatedWith: String
}

struct JobView: Codable, Sendable {
    let id: UUID
    let kind: String
    let state: JobState
    let progress: Double
    let message: String?
    let payload: JSONValue
    let resultRef: String?
    let error: String?
    let createdBy: UUID?
    let createdAt: Date
    let startedAt: Date?
    let finishedAt: Date?
    let attempts: Int
    let maxAttempts: Int
    let cancelRequested: Bool

    init(_ job: Job) {
        id = job.id
        kind = job.kind
        state = job.state
        progress = job.progress
        message = job.message
        payload = (try? JSONDecoder().decode(JSONValue.self, from: Data(job.payload.utf8))) ?? .null
        resultRef = job.resultRef
        error = job.error
        createdBy = job.createdBy
        createdAt = job.createdAt
        startedAt = job.startedAt
        finishedAt = job.finishedAt
        attempts = job.attempts
        maxAttempts = job.maxAttempts
        cancelRequested = job.cancelRequested
    }
}
