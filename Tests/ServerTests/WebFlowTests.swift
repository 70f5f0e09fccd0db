import Foundation
import HTTPTypes
import NIOCore
import Platform
@testable import Server
import Storage
import Testing

/// The web application's login, session cookie and CSRF protection, exercised over HTTP.
@Suite struct WebFlowTests {
    static func cookies(_ response: TestResponseLike) -> [String: String] {
        var jar: [String: String] = [:]
        for header in response.setCookies {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2 { jar[String(pair[0])] = String(pair[1]) } else if pair.count == 1 { jar[String(pair[0])] = "" }
        }
        return jar
    }

    static func form(_ fields: [String: String]) -> ByteBuffer {
        ByteBuffer(string: fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }.joined(separator: "&"))
    }

    static let formType: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// Logs in through the form and returns the session cookie and the page's CSRF token.
    static func logIn(_ app: TestApp, as username: String = "admin") async throws -> (session: String, csrf: String) {
        let page = try await app.request(.get, "/login")
        let csrf = cookies(page)["ph_csrf"]!
        var headers = formType
        headers[.cookie] = "ph_csrf=\(csrf)"
        let response = try await app.request(.post, "/login", headers: headers,
                                             body: form(["username": username, "password": TestApp.adminPassword, "csrf_token": csrf, "next": "/jobs"]))
        #expect(response.status == .seeOther)
        #expect(response.headers[.location] == "/jobs")
        let session = cookies(response)["ph_session"]!
        let overview = try await app.request(.get, "/", headers: [.cookie: "ph_session=\(session)"])
        let token = overview.text.components(separatedBy: #"name="csrf_token" value=""#)[1].prefix { $0 != "\"" }
        return (session, String(token))
    }

    @Test func pagesNeedASessionAndRedirectToLogin() async throws {
        try await TestApp.run { app in
            let response = try await app.request(.get, "/admin/users")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location]?.hasPrefix("/login?next=") == true)
        }
    }

    @Test func loginSetsAStrictHttpOnlyCookieAndLogoutEndsTheSession() async throws {
        try await TestApp.run { app in
            let page = try await app.request(.get, "/login")
            let csrf = Self.cookies(page)["ph_csrf"]!
            var headers = Self.formType
            headers[.cookie] = "ph_csrf=\(csrf)"
            let response = try await app.request(.post, "/login", headers: headers,
                                                 body: Self.form(["username": "admin", "password": TestApp.adminPassword, "csrf_token": csrf]))
            let cookie = response.setCookies.first { $0.hasPrefix("ph_session=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            #expect(!cookie.contains("Secure"), "plain HTTP in tests")

            let (session, token) = try await Self.logIn(app)
            #expect(try await app.request(.get, "/admin/users", headers: [.cookie: "ph_session=\(session)"]).status == .ok)
            var logout = Self.formType
            logout[.cookie] = "ph_session=\(session)"
            #expect(try await app.request(.post, "/logout", headers: logout, body: Self.form(["csrf_token": token])).status == .seeOther)
            #expect(try await app.request(.get, "/admin/users", headers: [.cookie: "ph_session=\(session)"]).status == .seeOther)
        }
    }

    @Test func wrongPasswordShowsTheFormAgainWithAnError() async throws {
        try await TestApp.run { app in
            let page = try await app.request(.get, "/login")
            let csrf = Self.cookies(page)["ph_csrf"]!
            var headers = Self.formType
            headers[.cookie] = "ph_csrf=\(csrf)"
            let response = try await app.request(.post, "/login", headers: headers,
                                                 body: Self.form(["username": "admin", "password": "nope nope", "csrf_token": csrf]))
            #expect(response.status == .unauthorized)
            #expect(response.text.contains("wrong username or password"))
            #expect(response.text.contains(#"role="alert""#))
        }
    }

    @Test func formsWithoutTheCSRFTokenAreRefused() async throws {
        try await TestApp.run { app in
            let (session, token) = try await Self.logIn(app)
            var headers = Self.formType
            headers[.cookie] = "ph_session=\(session)"
            let forged = try await app.request(.post, "/admin/users", headers: headers,
                                               body: Self.form(["username": "mallory", "password": "long enough pw", "role": "admin"]))
            #expect(forged.status == .forbidden)
            #expect(forged.problemType == "/problems/csrf")
            #expect(try await UserRepository(app.platform.database.db).find(username: "mallory") == nil)

            let real = try await app.request(.post, "/admin/users", headers: headers,
                                             body: Self.form(["username": "carol", "password": "long enough pw", "role": "viewer", "csrf_token": token]))
            #expect(real.status == .seeOther)
            #expect(try await UserRepository(app.platform.database.db).find(username: "carol") != nil)

            // JSON API calls with the cookie need the token in X-CSRF-Token.
            var json: HTTPFields = [.cookie: "ph_session=\(session)", .contentType: "application/json"]
            let noHeader = try await app.request(.post, "/api/v1/jobs", headers: json, body: ByteBuffer(string: #"{"kind":"demo.sleep"}"#))
            #expect(noHeader.status == .forbidden)
            json[.init("X-CSRF-Token")!] = token
            let withHeader = try await app.request(.post, "/api/v1/jobs", headers: json, body: ByteBuffer(string: #"{"kind":"demo.sleep"}"#))
            #expect(withHeader.status == .accepted)
        }
    }

    @Test func loginRedirectsOnlyToLocalPaths() {
        #expect(WebRoutes.safeNext("/jobs") == "/jobs")
        #expect(WebRoutes.safeNext("https://evil.example.com") == "/")
        #expect(WebRoutes.safeNext("//evil.example.com") == "/")
        #expect(WebRoutes.safeNext("/\\evil.example.com") == "/")
        #expect(WebRoutes.safeNext(nil) == "/")
    }

    @Test func everyPageRendersForTheAdmin() async throws {
        try await TestApp.run { app in
            let (session, _) = try await Self.logIn(app)
            for path in ["/", "/jobs", "/admin/users", "/admin/audit", "/account", "/series", "/grid", "/plants", "/maintenance", "/operations", "/api/docs"] {
                let page = try await app.request(.get, path, headers: [.cookie: "ph_session=\(session)"])
                #expect(page.status == .ok, "\(path)")
                #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(page.text.contains("<main"), "\(path)")
            }
            let module = try await app.request(.get, "/maintenance", headers: [.cookie: "ph_session=\(session)"])
            #expect(module.text.contains("Not built yet"))
        }
    }
}

/// What the cookie helpers need from a response.
protocol TestResponseLike {
    var setCookies: [String] { get }
}

import HummingbirdTesting
extension TestResponse: TestResponseLike {
    var setCookies: [String] { headers[values: .setCookie] }
}
