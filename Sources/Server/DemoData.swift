import FluentKit
import Foundation
import Logging
import Platform
import Storage

/// `serve --demo`: loads each module's demo data once (the first start with --demo), so the pages have
/// something to show. Each module's `loadDemo` does its part.
public enum DemoData {
    public static func loadIfNeeded(_ platform: PlatformServices, logger: Logger) async throws {
        let settings = SettingsRepository(platform.database.db)
        guard try await settings.value("demo.loaded") == nil else { return }
        logger.notice("loading demo data")
        for module in Modules.all { try await module.loadDemo(platform, logger: logger) }
        try await settings.set("demo.loaded", to: ISO8601.string(platform.clock.now))
    }
}
