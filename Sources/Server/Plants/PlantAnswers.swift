import Foundation
import HTTPTypes
import Hummingbird
import Platform
import Storage

/// Cached answers with validators: every Plants read is a pure function of the loaded datasets and the
/// query, so its bytes are kept by (catalog fingerprint, path, query) until an import changes the catalog,
/// and clients revalidate with `If-None-Match` (304, no body).
enum PlantAnswers {
    static func json(
        _ request: Request, store: PlantStore, _ compute: @escaping () async throws -> any Encodable
    ) async throws -> Response {
        try await respond(request, store: store) {
            (try AppJSON.encoder.encode(try await compute()), "application/json; charset=utf-8")
        }
    }

    static func respond(
        _ request: Request, store: PlantStore, _ compute: () async throws -> (Data, String)
    ) async throws -> Response {
        let catalog = try await store.catalog()
        let key = catalog.fingerprint + " " + request.uri.path + "?" + (request.uri.query ?? "")
        let answer = try await store.answer(key, compute: compute)
        var headers: HTTPFields = [.eTag: answer.etag, .cacheControl: "private, no-cache"]
        if let match = request.headers[.ifNoneMatch], matches(match, answer.etag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = answer.contentType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: answer.body))
    }

    /// `If-None-Match: "a", W/"b"` or `*` (weak comparison, as RFC 9110 asks for this header).
    static func matches(_ header: String, _ etag: String) -> Bool {
        header.split(separator: ",").contains { token in
            let tag = token.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }
}
