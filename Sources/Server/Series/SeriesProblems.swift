import Foundation
import Platform
import Series
import Storage

/// How CSV and settings errors reach clients: 422 naming line, column and value; 400 naming the parameter.
enum SeriesProblems {
    static func csv(_ error: CSVImportError) -> Problem {
        switch error {
        case .row(let issue):
            return Problem(
                .validation, detail: issue.message,
                errors: [.init(field: issue.column ?? "row", message: issue.message, line: issue.line, column: issue.column,
                               value: issue.value)])
        case .invalidSettings(let why):
            return Problem(.validation, detail: "the import settings cannot work: \(why)",
                           errors: [.init(field: "settings", message: why)])
        case .noData(let why):
            return Problem(.validation, detail: "\(why); set delimiter, timestamp_column and timestamp_format by hand",
                           errors: [.init(field: "file", message: why)])
        }
    }

    static func parameter(_ invalid: CSVSettingsOverrides.Invalid) -> Problem {
        Problem.badQuery(invalid.parameter, invalid.message)
    }

    /// Runs `body`, turning CSV and settings errors into problems.
    static func mappingSync<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as CSVImportError {
            throw csv(error)
        } catch let invalid as CSVSettingsOverrides.Invalid {
            throw parameter(invalid)
        }
    }

    /// Runs `body`, turning CSV and settings errors into problems.
    static func mapping<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as CSVImportError {
            throw csv(error)
        } catch let invalid as CSVSettingsOverrides.Invalid {
            throw parameter(invalid)
        }
    }
}
