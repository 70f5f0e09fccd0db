import HTTPTypes
import Platform
import Synchronization

/// One route as the permission matrix, the audit log and the API document see it. Every API route and page is
/// added through `Routes.add`, which enforces `access` and audits refusals; a route added any other way has no
/// entry here, and the route-coverage test fails.
public struct Endpoint: Sendable {
    public enum Access: Sendable, Equatable {
        /// Anyone, signed in or not.
        case open
        /// Any signed-in user, whatever the role.
        case authenticated
        case permission(Permission)
    }

    public enum Kind: Sendable, Equatable {
        /// JSON API: in the OpenAPI document; refusals are problem+json.
        case api
        /// HTML page or form post: unauthenticated visitors are sent to the login page.
        case page
        /// Health and metrics: outside `/api`, documented in OpenAPI.
        case operations
    }

    /// A query parameter, for the API document.
    public struct Parameter: Sendable {
        public let name: String
        public let type: String
        public let description: String

        public init(_ name: String, _ type: String = "string", _ description: String) {
            self.name = name
            self.type = type
            self.description = description
        }
    }

    public let method: HTTPRequest.Method
    /// Hummingbird pattern, such as `/api/v1/jobs/:id`.
    public let path: String
    public let access: Access
    public let kind: Kind
    public let summary: String
    public let tag: String
    /// The audit action of a state-changing route (`user.create`); nil for reads.
    public let audit: String?
    public let parameters: [Parameter]
    /// Schema names in the API document's components.
    public let requestSchema: String?
    public let responseSchema: String?
    /// `text/event-stream`, `text/csv`, …; JSON when nil.
    public let responseType: String?
    /// The success status: 200 with a body, 204 without, unless said otherwise (201 created, 202 accepted).
    public let successStatus: Int

    public init(
        _ method: HTTPRequest.Method, _ path: String, access: Access, kind: Kind = .api, summary: String, tag: String,
        audit: String? = nil, parameters: [Parameter] = [], request: String? = nil, response: String? = nil,
        responseType: String? = nil, status: Int? = nil
    ) {
        self.method = method
        self.path = path
        self.access = access
        self.kind = kind
        self.summary = summary
        self.tag = tag
        self.audit = audit
        self.parameters = parameters
        self.requestSchema = request
        self.responseSchema = response
        self.responseType = responseType
        self.successStatus = status ?? (response != nil || responseType != nil ? 200 : 204)
    }

    public var isMutating: Bool { ![.get, .head, .options].contains(method) }

    /// `/api/v1/jobs/:id` → `/api/v1/jobs/{id}` (OpenAPI style).
    public var openAPIPath: String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
        }.joined(separator: "/")
    }

    public var key: String { "\(method.rawValue) \(path)" }
}

/// The endpoints of one application, in registration order.
public final class EndpointRegistry: Sendable {
    private let endpoints = Mutex<[Endpoint]>([])

    public init() {}

    func add(_ endpoint: Endpoint) {
        endpoints.withLock { $0.append(endpoint) }
    }

    public var all: [Endpoint] { endpoints.withLock { $0 } }
}
