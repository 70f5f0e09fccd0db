import Foundation
import HTTPTypes
import Hummingbird

/// An RFC 9457 problem: the one shape of every error response (`application/problem+json`).
///
/// `type` values are stable (`/problems/validation`, …): clients branch on them, never on `title` or `detail`.
public struct Problem: Error, Codable, Sendable, Equatable {
    /// A field-level detail: which field (JSON pointer, query parameter, or CSV column) and, for files, where.
    public struct FieldError: Codable, Sendable, Equatable {
        public var field: String
        public var message: String
        public var line: Int?
        public var column: String?
        public var value: String?

        public init(field: String, message: String, line: Int? = nil, column: String? = nil, value: String? = nil) {
            self.field = field
            self.message = message
            self.line = line
            self.column = column
            self.value = value
        }
    }

    public var type: String
    public var title: String
    /// The HTTP status, also in the body as `status`.
    public var statusCode: Int
    public var detail: String?
    public var instance: String?
    public var requestID: String?
    public var errors: [FieldError]?
    /// Seconds until a retry may succeed (429, 503); also sent as `Retry-After`.
    public var retryAfter: Int?

    enum CodingKeys: String, CodingKey {
        case type, title, detail, instance, errors
        case statusCode = "status"
        case requestID = "request_id"
        case retryAfter = "retry_after"
    }

    public init(
        _ kind: Kind, detail: String? = nil, errors: [FieldError]? = nil, retryAfter: Int? = nil
    ) {
        self.type = "/problems/\(kind.rawValue)"
        self.title = kind.title
        self.statusCode = kind.status.code
        self.detail = detail
        self.errors = errors
        self.retryAfter = retryAfter
    }

    /// The stable problem types.
    public enum Kind: String, Sendable, CaseIterable {
        case badRequest = "bad-request"
        case malformedJSON = "malformed-json"
        case validation
        case unauthenticated
        case forbidden
        /// A cookie-authenticated state change without the right CSRF token.
        case csrf
        case notFound = "not-found"
        case methodNotAllowed = "method-not-allowed"
        case conflict
        case payloadTooLarge = "payload-too-large"
        case unsupportedMediaType = "unsupported-media-type"
        case rateLimited = "rate-limited"
        case loginThrottled = "login-throttled"
        case unavailable
        case notModified = "not-modified"
        case `internal`

        public var status: HTTPResponse.Status {
            switch self {
            case .badRequest, .malformedJSON: .badRequest
            case .validation: .unprocessableContent
            case .unauthenticated: .unauthorized
            case .forbidden, .csrf: .forbidden
            case .notFound: .notFound
            case .methodNotAllowed: .methodNotAllowed
            case .conflict: .conflict
            case .payloadTooLarge: .contentTooLarge
            case .unsupportedMediaType: .unsupportedMediaType
            case .rateLimited, .loginThrottled: .tooManyRequests
            case .unavailable: .serviceUnavailable
            case .notModified: .notModified
            case .internal: .internalServerError
            }
        }

        public var title: String {
            switch self {
            case .badRequest: "The request is not valid"
            case .malformedJSON: "The request body is not valid JSON"
            case .validation: "Some fields are not valid"
            case .unauthenticated: "Authentication is required"
            case .forbidden: "You are not allowed to do this"
            case .csrf: "The request lacks its security token"
            case .notFound: "Not found"
            case .methodNotAllowed: "Method not allowed"
            case .conflict: "Conflict with the current state"
            case .payloadTooLarge: "The request body is too large"
            case .unsupportedMediaType: "Unsupported content type"
            case .rateLimited: "Too many requests"
            case .loginThrottled: "Too many failed logins"
            case .unavailable: "Service unavailable"
            case .notModified: "Not modified"
            case .internal: "Internal error"
            }
        }
    }

    public static func notFound(_ what: String) -> Problem { Problem(.notFound, detail: "\(what) does not exist") }

    public static func invalid(_ field: String, _ message: String) -> Problem {
        Problem(.validation, detail: "\(field): \(message)", errors: [FieldError(field: field, message: message)])
    }

    public static func badQuery(_ parameter: String, _ message: String) -> Problem {
        Problem(.badRequest, detail: "query parameter \(parameter): \(message)",
                errors: [FieldError(field: parameter, message: message)])
    }
}

extension Problem: HTTPResponseError {
    public var status: HTTPResponse.Status { HTTPResponse.Status(code: statusCode) }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var problem = self
        problem.instance = problem.instance ?? request.uri.path
        return problem.response(requestID: nil)
    }

    /// The problem as an `application/problem+json` response.
    public func response(requestID: String?) -> Response {
        var problem = self
        if problem.requestID == nil { problem.requestID = requestID }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = (try? encoder.encode(problem)) ?? Data("{\"type\":\"/problems/internal\",\"status\":500}".utf8)
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
