import Foundation
import Prometheus
import Storage
import Synchronization

/// The instance's Prometheus registry and the metrics the platform records. Each application has its own
/// registry (no global bootstrap), so tests can run several applications in one process.
public final class AppMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    private struct RequestKey: Hashable {
        let route: String
        let method: String
        let status: Int
    }

    private let requestMetrics = Mutex<[RequestKey: (Counter, DurationHistogram)]>([:])
    private let jobOutcomes = Mutex<[String: Counter]>([:])
    private let jobDurations = Mutex<[String: DurationHistogram]>([:])
    static let latencyBuckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
        .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]

    public let queueDepth: Gauge
    public let runningJobs: Gauge
    public let databasePoolSize: Gauge
    public let databasePing: DurationHistogram
    public let sseClients: Gauge
    let startTime: Gauge
    let residentMemory: Gauge

    public init() {
        queueDepth = registry.makeGauge(name: "powerhouse_jobs_queued", help: "Jobs waiting in the queue")
        runningJobs = registry.makeGauge(name: "powerhouse_jobs_running", help: "Jobs running on any instance")
        databasePoolSize = registry.makeGauge(name: "powerhouse_db_pool_connections", help: "Connections the database pool may open")
        databasePing = registry.makeDurationHistogram(
            name: "powerhouse_db_ping_seconds", buckets: Self.latencyBuckets, help: "Round trip of the readiness query")
        sseClients = registry.makeGauge(name: "powerhouse_sse_clients", help: "Open Server-Sent Events streams")
        startTime = registry.makeGauge(name: "process_start_time_seconds", help: "Start time of the process since the Unix epoch")
        residentMemory = registry.makeGauge(name: "process_resident_memory_bytes", help: "Resident memory size")
        startTime.set(Date().timeIntervalSince1970)
    }

    /// One finished HTTP request, labelled by route pattern (not raw path, which would explode cardinality).
    public func requestFinished(route: String, method: String, status: Int, duration: Duration) {
        let key = RequestKey(route: route, method: method, status: status)
        let (counter, histogram) = requestMetrics.withLock { metrics in
            if let existing = metrics[key] { return existing }
            let labels = [("route", route), ("method", method), ("status", String(status))]
            let created = (
                registry.makeCounter(name: "powerhouse_http_requests_total", labels: labels),
                registry.makeDurationHistogram(
                    name: "powerhouse_http_request_duration_seconds", labels: labels, buckets: Self.latencyBuckets)
            )
            metrics[key] = created
            return created
        }
        counter.increment()
        histogram.record(duration)
    }

    public func jobOutcome(kind: String, state: JobState) {
        let key = "\(kind)|\(state.rawValue)"
        let counter = jobOutcomes.withLock { counters in
            if let existing = counters[key] { return existing }
            let created = registry.makeCounter(
                name: "powerhouse_jobs_finished_total", labels: [("kind", kind), ("outcome", state.rawValue)])
            counters[key] = created
            return created
        }
        counter.increment()
    }

    public func jobFinished(kind: String, duration: Duration) {
        let histogram = jobDurations.withLock { histograms in
            if let existing = histograms[kind] { return existing }
            let created = registry.makeDurationHistogram(
                name: "powerhouse_job_duration_seconds", labels: [("kind", kind)],
                buckets: [.milliseconds(100), .seconds(1), .seconds(5), .seconds(30), .seconds(120), .seconds(600), .seconds(3600)])
            histograms[kind] = created
            return created
        }
        histogram.record(duration)
    }

    /// The text exposition, with process memory read at scrape time.
    public func render() -> String {
        residentMemory.set(Double(ProcessMemory.residentBytes()))
        return registry.emitToString()
    }
}

/// Resident set size from /proc (Linux); 0 where unavailable.
enum ProcessMemory {
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
