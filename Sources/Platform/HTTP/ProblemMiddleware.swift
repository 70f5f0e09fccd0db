import Foundation
import Hummingbird
import Logging

/// Turns every error into an `application/problem+json` response. Errors we did not anticipate become a 500
/// with a generic detail (the cause goes to the log with the request id, never to the client).
public struct ProblemMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            var problem = Self.problem(for: error)
            problem.instance = request.uri.path
            if problem.statusCode >= 500 {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            return problem.response(requestID: context.requestID)
        }
    }

    static func problem(for error: any Error) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let decoding as DecodingError:
            return JSONBody.problem(for: decoding)
        case let http as HTTPError:
            switch http.status {
            case .notFound: return Problem(.notFound, detail: "no such route or resource")
            case .contentTooLarge: return Problem(.payloadTooLarge, detail: http.body ?? "the request body is too large")
            case .methodNotAllowed: return Problem(.methodNotAllowed, detail: http.body)
            case .unauthorized: return Problem(.unauthenticated, detail: http.body)
            case .forbidden: return Problem(.forbidden, detail: http.body)
            case .unsupportedMediaType: return Problem(.unsupportedMediaType, detail: http.body)
            case .badRequest: return Problem(.badRequest, detail: http.body)
            default:
                var problem = Problem(http.status.code >= 500 ? .internal : .badRequest, detail: http.body)
                problem.statusCode = http.status.code
                return problem
            }
        default:
            return Problem(.internal, detail: "something went wrong on our side; the log has details under this request id")
        }
    }
}
