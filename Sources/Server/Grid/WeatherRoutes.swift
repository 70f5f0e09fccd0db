import Foundation
import GridModel
import Hummingbird
import Platform
import Solar
import Storage

/// `/api/v1/weather`: weather files (TMY3, EPW, plain CSV) uploaded for simulation runs. A file is read when it
/// arrives, so a run never starts on a file that cannot be read.
enum WeatherRoutes {
    /// Weather files are small (a year of one-minute CSV is ~40 MB); they are read whole.
    static let maxBytes = 64 << 20

    static func add(to routes: Routes) {
        let platform = routes.platform

        routes.add(Endpoint(
            .get, "/api/v1/weather", access: .permission(.gridRead), summary: "Uploaded weather files, newest first", tag: "grid",
            parameters: [.init("limit", "integer", "how many, 1–200")], response: "WeatherList")
        ) { request, _ in
            let files = try await GridWeatherRepository(platform.database.db).list(limit: try Query(request).limit())
            return GridHTTP.response(.object(["items": .array(files.map(view))]))
        }

        routes.add(Endpoint(
            .post, "/api/v1/weather", access: .permission(.simulationsRun),
            summary: "Upload a weather file (the raw TMY3, EPW or CSV text as the body)", tag: "grid", audit: "weather.upload",
            parameters: [.init("name", "string", "file name shown in lists (default: weather)")], request: "WeatherFile",
            response: "Weather", status: 201)
        ) { request, context in
            let identity = try context.requireIdentity()
            let limit = min(platform.config.uploadLimit, maxBytes)
            let buffer: ByteBuffer
            do {
                buffer = try await request.body.collect(upTo: limit)
            } catch {
                throw Problem(.payloadTooLarge, detail: "weather files are limited to \(limit) bytes")
            }
            let data = Data(buffer: buffer)
            let name = String((try Query(request).string("name") ?? "weather").prefix(200))
            let (format, description) = try inspect(data, name: name)
            let stored = try await platform.database.db.transaction { tx in
                let stored = try await GridWeatherRepository(tx).create(
                    name: name, format: format, content: data, description: description, latitude: nil, longitude: nil,
                    createdBy: identity.user.id, now: platform.clock.now)
                try await platform.auditor.record(on: tx, context: context, objectType: "weather", objectID: stored.id.uuidString, detail: name)
                return stored
            }
            return GridHTTP.response(view(stored), status: .created, headers: [.location: "/api/v1/weather/\(stored.id.uuidString.lowercased())"])
        }

        routes.add(Endpoint(
            .get, "/api/v1/weather/:id", access: .permission(.gridRead), summary: "One weather file's description", tag: "grid",
            response: "Weather")
        ) { _, context in
            let id = try context.uuid(what: "weather file")
            guard let stored = try await GridWeatherRepository(platform.database.db).find(id: id) else { throw Problem.notFound("weather file \(id)") }
            return GridHTTP.response(view(stored))
        }

        routes.add(Endpoint(
            .delete, "/api/v1/weather/:id", access: .permission(.gridWrite), summary: "Delete a weather file", tag: "grid",
            audit: "weather.delete")
        ) { _, context in
            let id = try context.uuid(what: "weather file")
            try await platform.database.db.transaction { tx in
                guard try await GridWeatherRepository(tx).delete(id: id) else { throw Problem.notFound("weather file \(id)") }
                try await platform.auditor.record(on: tx, context: context, objectType: "weather", objectID: id.uuidString)
            }
            return .noContent()
        }
    }

    /// Reads the file as a run would; a file that does not read is a 422 with the reader's message (line, column).
    static func inspect(_ data: Data, name: String) throws -> (format: String, description: String) {
        guard !data.isEmpty else { throw Problem.invalid("/", "the weather file is empty") }
        guard let text = String(data: data, encoding: .utf8) else { throw Problem.invalid("/", "the weather file is not UTF-8 text") }
        let format = RunWeather.format(of: text)
        do {
            // A plain CSV's site comes from the grid at run time; any site reads the columns.
            let weather = try RunWeather.read(text: text, name: name, year: 2023, site: Location(latitude: 0, longitude: 0))
            guard weather.count > 0 else { throw WeatherError("no data rows") }
            return (format, "\(weather.source): \(weather.count) × \(weather.intervalSeconds / 60) min")
        } catch let error as WeatherError {
            throw Problem.invalid("/", "\(name) cannot be read as \(format.uppercased()) weather: \(error.description)")
        }
    }

    static func view(_ w: StoredWeather) -> GridJSON {
        .object([
            "id": .uuid(w.id), "name": .string(w.name), "format": .string(w.format), "size": .number(Double(w.size)),
            "description": .string(w.description), "created_by": .uuid(w.createdBy), "created_at": .date(w.createdAt),
        ])
    }
}
