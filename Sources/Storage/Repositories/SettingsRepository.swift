import FluentKit
import Foundation

/// Instance-wide settings and markers (such as whether demo data was loaded).
public struct SettingsRepository: Sendable {
    let db: any Database

    public init(_ db: any Database) { self.db = db }

    public func value(_ key: String) async throws -> String? {
        try await SettingRecord.query(on: db).filter(\.$key == key).first()?.value
    }

    public func set(_ key: String, to value: String) async throws {
        if let existing = try await SettingRecord.query(on: db).filter(\.$key == key).first() {
            existing.value = value
            try await existing.update(on: db)
        } else {
            let record = SettingRecord()
            record.key = key
            record.value = value
            try await record.create(on: db)
        }
    }
}
