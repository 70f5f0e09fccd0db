import FluentPostgresDriver
import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle
import Storage

/// Listens on the event channel over its own PostgreSQL connection and hands notifications to the bus, so
/// that events published by any instance reach this instance's subscribers. Reconnects with back-off.
public struct PostgresEventListener: Service {
    let bus: EventBus
    let url: String
    let logger: Logger

    public init(bus: EventBus, url: String, logger: Logger) {
        self.bus = bus
        self.url = url
        self.logger = logger
    }

    public func run() async throws {
        var delay: Duration = .milliseconds(250)
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await listenOnce()
                delay = .milliseconds(250)
            } catch is CancellationError {
                return
            } catch {
                logger.warning("event listener lost its connection; reconnecting", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: delay)
            delay = min(delay * 2, .seconds(10))
        }
    }

    private func listenOnce() async throws {
        let configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 2, logger: logger)
        try await withGracefulShutdownHandler {
            defer { Task { try? await connection.close() } }
            let notifications = try await connection.listen(bus.channel)
            for try await notification in notifications.cancelOnGracefulShutdown() {
                await bus.received(notification: notification.payload)
            }
        } onGracefulShutdown: {
            Task { try? await connection.close() }
        }
    }
}
