import Foundation
import Hummingbird
import Platform
import Storage
import WebUI

/// What every page handler does: build the page context, read a form, check its CSRF token, answer HTML.
enum PageSupport {
    static let csrfCookie = "ph_csrf"

    static func context(_ request: Request, _ context: AppRequestContext, notice: PageContext.Notice? = nil) -> PageContext {
        let viewer = context.identity.map { identity in
            PageContext.Viewer(
                username: identity.user.username, displayName: identity.user.displayName, role: identity.user.role.rawValue,
                permissions: Set(Permission.allCases.filter(identity.can).map(\.rawValue)))
        }
        var csrf: String?
        if case .session(_, let token)? = context.identity?.method { csrf = token }
        return PageContext(
            viewer: viewer, csrfToken: csrf ?? AuthServices.cookie(csrfCookie, in: request), path: request.uri.path,
            version: PowerhouseVersion.current, notice: notice ?? self.notice(request))
    }

    /// Notices arrive as fixed codes (`?done=user-created`), never as text from the URL.
    static let notices: [String: PageContext.Notice] = [
        "user-created": .init(.success, "The user was created."),
        "user-updated": .init(.success, "The user was updated."),
        "password-set": .init(.success, "The password was set; the account's sessions and tokens were ended."),
        "job-submitted": .init(.success, "The job was queued."),
        "job-cancelled": .init(.success, "Cancellation was requested."),
        "key-revoked": .init(.success, "The API key was revoked."),
        "logged-out": .init(.info, "You have logged out."),
    ]

    static func notice(_ request: Request) -> PageContext.Notice? {
        request.uri.queryParameters.get("done").flatMap { notices[$0] }
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func redirect(_ location: String, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    /// Reads an `application/x-www-form-urlencoded` body (at most the JSON limit).
    static func form<T: Decodable>(_ type: T.Type, _ request: Request, _ context: AppRequestContext) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.jsonBodyLimit)
        } catch {
            throw Problem(.payloadTooLarge, detail: "forms are limited to \(context.jsonBodyLimit) bytes")
        }
        do {
            return try URLEncodedFormDecoder().decode(T.self, from: String(buffer: buffer))
        } catch {
            throw Problem(.badRequest, detail: "the form is incomplete; reload the page and try again")
        }
    }

    /// The form's token must match the session's (or, before login, the CSRF cookie's).
    static func checkCSRF(_ token: String?, _ request: Request, _ context: AppRequestContext) throws {
        let expected: String?
        switch context.identity?.method {
        case .session(_, let csrf): expected = csrf
        // Bearer tokens and API keys are never sent by a browser on its own: there is nothing to forge.
        case .accessToken, .apiKey: return
        case nil: expected = AuthServices.cookie(csrfCookie, in: request)
        }
        guard let expected, let token, !token.isEmpty, constantTimeEquals(expected, token) else {
            throw Problem(.csrf, detail: "the form's security token is missing or stale; reload the page and try again")
        }
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// Cookie attributes: HttpOnly, SameSite=Strict, and Secure when the proxy says the request came over TLS.
    static func cookie(_ name: String, _ value: String, maxAge: Int, secure: Bool) -> String {
        "\(name)=\(value); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(maxAge)" + (secure ? "; Secure" : "")
    }

    static func isSecure(_ request: Request, _ context: AppRequestContext, _ config: AppConfig) -> Bool {
        SecurityHeadersMiddleware(behindTLSProxy: config.behindTLSProxy, trustedProxies: config.trustedProxies)
            .isTLS(request, context: context)
    }

    /// Turns a refused form post into the page's error view instead of JSON.
    static func errorPage(_ problem: Problem, _ request: Request, _ context: AppRequestContext) -> Response {
        let page = ErrorPage.render(
            title: problem.title, message: problem.detail ?? problem.title, context: self.context(request, context))
        return html(page, status: problem.status)
    }
}
