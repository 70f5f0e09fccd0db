import Foundation
import Hummingbird

/// Reading JSON request bodies: with a size limit (413), and with decoding errors that name the field.
public enum JSONBody {
    /// Decodes the body as `T`, refusing bodies over the context's JSON limit and non-JSON content types.
    public static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: AppRequestContext)
        async throws -> T
    {
        if let contentType = request.headers[.contentType]?.lowercased(),
            !contentType.hasPrefix("application/json"), !contentType.hasPrefix("application/problem+json")
        {
            throw Problem(.unsupportedMediaType, detail: "send the body as application/json")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.jsonBodyLimit)
        } catch {
            throw Problem(.payloadTooLarge, detail: "JSON bodies are limited to \(context.jsonBodyLimit) bytes")
        }
        guard buffer.readableBytes > 0 else {
            throw Problem(.malformedJSON, detail: "the request body is empty; send a JSON object")
        }
        let data = Data(buffer: buffer)
        do {
            return try AppJSON.decoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw Problem(.malformedJSON, detail: "the body is not valid JSON: \(syntaxPosition(data))")
            }
            throw problem(for: error)
        }
    }

    /// A decoding error as a problem: which field, and what was expected there.
    static func problem(for error: DecodingError) -> Problem {
        switch error {
        case .keyNotFound(let key, let context):
            let field = pointer(context.codingPath + [key])
            return Problem(.validation, detail: "\(field) is required", errors: [.init(field: field, message: "is required")])
        case .typeMismatch(let type, let context):
            let field = pointer(context.codingPath)
            let message = "must be \(describe(type))"
            return Problem(.validation, detail: "\(field) \(message)", errors: [.init(field: field, message: message)])
        case .valueNotFound(let type, let context):
            let field = pointer(context.codingPath)
            let message = "must be \(describe(type)), not null"
            return Problem(.validation, detail: "\(field) \(message)", errors: [.init(field: field, message: message)])
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let underlying = context.underlyingError.map { "\($0)" } ?? context.debugDescription
                return Problem(.malformedJSON, detail: "the body is not valid JSON: \(syntaxHint(underlying))")
            }
            let field = pointer(context.codingPath)
            return Problem(
                .validation, detail: "\(field): \(context.debugDescription)",
                errors: [.init(field: field, message: context.debugDescription)])
        @unknown default:
            return Problem(.malformedJSON, detail: "the body could not be read")
        }
    }

    /// JSON pointer of a coding path in the API's snake_case: `/battery/capacity_kwh`, `/houses/3/name`.
    static func pointer(_ path: [any CodingKey]) -> String {
        guard !path.isEmpty else { return "/" }
        return path.map { key in
            if let index = key.intValue { return "/\(index)" }
            return "/" + snakeCase(key.stringValue)
        }.joined()
    }

    static func snakeCase(_ key: String) -> String {
        var result = ""
        for character in key {
            if character.isUppercase {
                if !result.isEmpty { result.append("_") }
                result.append(contentsOf: character.lowercased())
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type, is Int32.Type: "a whole number"
        case is Double.Type, is Float.Type: "a number"
        case is [Any].Type: "an array"
        default: "of type \(type)"
        }
    }

    /// Where the syntax breaks, as line and column: JSONSerialization reports the character offset.
    static func syntaxPosition(_ data: Data) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return "check quotes, commas and brackets"
        } catch {
            let text = "\((error as NSError).userInfo["NSDebugDescription"] ?? error)"
            guard let range = text.range(of: "character "),
                let offset = Int(text[range.upperBound...].prefix { $0.isNumber })
            else { return "check quotes, commas and brackets" }
            let prefix = data.prefix(offset)
            let line = prefix.filter { $0 == 0x0A }.count + 1
            let column = offset - (prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
            return "unexpected input at line \(line), column \(column)"
        }
    }

    /// Keeps the parser's position information ("line 1, column 9") and drops its internal type names.
    private static func syntaxHint(_ text: String) -> String {
        if let range = text.range(of: "around line") ?? text.range(of: "line ") {
            return String(text[range.lowerBound...]).trimmingCharacters(in: CharacterSet(charactersIn: ".\")"))
        }
        return "check quotes, commas and brackets"
    }
}
