import Foundation
import Logging
import Platform

/// A module's edge on the server: its routes and pages, job kinds, live-event topics, API schemas and demo
/// data. Storage migrations live in Storage (`AllMigrations`), in the order they shipped.
protocol ServerModule {
    /// Registers job kinds; called once per instance before workers start.
    static func registerJobs(_ platform: PlatformServices)
    /// Adds API routes and pages.
    static func addRoutes(to routes: Routes)
    /// Topics clients may subscribe to on `/api/v1/events`.
    static var eventTopics: [EventTopicRule] { get }
    /// JSON Schemas the module's endpoints name.
    static var schemas: [String: JSONValue] { get }
    /// `serve --demo`: loads the module's demo data (called once per database).
    static func loadDemo(_ platform: PlatformServices, logger: Logger) async throws
}

extension ServerModule {
    static func registerJobs(_ platform: PlatformServices) {}
    static var eventTopics: [EventTopicRule] { [] }
    static var schemas: [String: JSONValue] { [:] }
    static func loadDemo(_ platform: PlatformServices, logger: Logger) async throws {}
}

/// Every module of this build, in navigation order. Adding a module is one line here.
enum Modules {
    static var all: [any ServerModule.Type] {
        [SeriesModule.self, GridModule.self, PlantsModule.self]
    }
}
