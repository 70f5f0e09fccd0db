import Foundation
import Hummingbird
import Platform

/// Serves `Sources/Server/Public` (CSS, JS, icons) under `/static/`. Pages link them with `?v=<version>`, so
/// responses may be cached for a year: a new release changes the URL.
enum StaticFiles {
    static let root: URL? = Bundle.module.resourceURL?.appendingPathComponent("Public")

    static let types: [String: String] = [
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml",
        "png": "image/png", "ico": "image/x-icon", "json": "application/json", "woff2": "font/woff2",
    ]

    /// `?v=…` of the current release, for links.
    static func url(_ path: String) -> String { "/static/\(path)?v=\(PowerhouseVersion.current)" }

    static func add(to routes: Routes) {
        routes.add(
            Endpoint(.get, "/static/**", access: .open, kind: .page, summary: "Static assets", tag: "web")
        ) { request, _ in
            let relative = String(request.uri.path.dropFirst("/static/".count))
            // Only plain names below the root: no "..", no hidden files, no absolute paths.
            let segments = relative.split(separator: "/")
            guard let root, !segments.isEmpty, segments.allSatisfy({ !$0.hasPrefix(".") && !$0.contains("\\") }),
                let type = types[URL(fileURLWithPath: relative).pathExtension.lowercased()],
                let data = FileManager.default.contents(atPath: root.appendingPathComponent(relative).path)
            else { throw Problem.notFound("static file") }
            let cache = request.uri.queryParameters.get("v") != nil ? "public, max-age=31536000, immutable" : "no-cache"
            return Response(
                status: .ok, headers: [.contentType: type, .cacheControl: cache],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }
}
