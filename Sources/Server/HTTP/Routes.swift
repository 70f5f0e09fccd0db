import Foundation
import HTTPTypes
import Hummingbird
import Platform
import Storage

/// Adds endpoints to the router with their access rule enforced, the CSRF check for cookie sessions, and an
/// audit entry for every refused state-changing request.
public struct Routes {
    public typealias Handler = @Sendable (Request, AppRequestContext) async throws -> Response

    let router: Router<AppRequestContext>
    public let registry: EndpointRegistry
    public let platform: PlatformServices

    public func add(_ endpoint: Endpoint, _ handler: @escaping Handler) {
        registry.add(endpoint)
        let auditor = platform.auditor
        router.on(RouterPath(endpoint.path), method: endpoint.method) { request, context in
            var context = context
            context.auditAction = endpoint.audit
            do {
                try Self.authorise(endpoint, request: request, context: context)
                return try await handler(request, context)
            } catch let problem as Problem {
                if endpoint.kind == .page, problem.statusCode == 401 {
                    return Self.redirectToLogin(request)
                }
                if endpoint.isMutating, endpoint.audit != nil, (400..<500).contains(problem.statusCode),
                    !context.auditTrail.recorded
                {
                    let outcome: AuditOutcome = problem.statusCode == 403 ? .denied : .failure
                    await auditor.recordRefusal(
                        context: context, outcome: outcome, objectType: endpoint.tag,
                        objectID: context.parameters.get("id"), detail: problem.detail ?? problem.title)
                }
                if endpoint.kind == .page, Self.wantsHTML(request) {
                    return PageSupport.errorPage(problem, request, context)
                }
                throw problem
            }
        }
    }

    /// Browsers ask for HTML; API clients and tests get problem+json from pages too.
    static func wantsHTML(_ request: Request) -> Bool {
        request.headers[.accept]?.contains("text/html") == true
    }

    static func authorise(_ endpoint: Endpoint, request: Request, context: AppRequestContext) throws {
        switch endpoint.access {
        case .open:
            return
        case .authenticated:
            _ = try context.requireIdentity()
        case .permission(let permission):
            let identity = try context.requireIdentity()
            guard identity.can(permission) else {
                throw Problem(.forbidden, detail: "this needs the \(permission.rawValue) permission, which your role (\(identity.user.role.rawValue)) or key does not have")
            }
        }
        // Cookie sessions are sent by the browser on its own, so a state change must prove it came from our page.
        // Pages check the form's csrf_token field themselves; API calls send the X-CSRF-Token header.
        if endpoint.isMutating, endpoint.kind == .api, case .session(_, let csrfToken)? = context.identity?.method {
            guard request.headers[.init("X-CSRF-Token")!] == csrfToken else {
                throw Problem(.csrf, detail: "a cookie session must send its CSRF token in X-CSRF-Token")
            }
        }
    }

    static func redirectToLogin(_ request: Request) -> Response {
        let next = request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
        return Response(status: .seeOther, headers: [.location: "/login?next=\(next)"])
    }
}

extension Response {
    /// A JSON response in the API's style (snake_case, ISO 8601, sorted keys).
    public static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:])
        throws -> Response
    {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        let data = try AppJSON.encoder.encode(value)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    public static func noContent() -> Response { Response(status: .noContent) }
}

extension AppRequestContext {
    /// A UUID path parameter, or 404 (a malformed id names nothing that exists).
    public func uuid(_ name: String = "id", what: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else { throw Problem.notFound(what) }
        return id
    }
}
