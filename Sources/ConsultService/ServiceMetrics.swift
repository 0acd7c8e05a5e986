import Foundation
import Prometheus

/// The service's Prometheus metrics, in a registry of its own (not the process-wide MetricsSystem), so
/// that several servers in one process (the tests) keep apart.
///
/// Requests by route template (never the concrete path, which may carry a survey id) and status, a
/// latency histogram per route, submissions by outcome and waiting to be imported together, and the
/// connection pool's use.
public final class ServiceMetrics: Sendable {
    /// What became of one submitted response.
    public enum Submission: String, Sendable, CaseIterable {
        case accepted, duplicate, changed, rejected, erased
    }

    let registry = PrometheusCollectorRegistry()
    private static let latencyBuckets: [Duration] = [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                                                     .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
                                                     .seconds(2.5), .seconds(5)]

    public init() {}

    func recordRequest(method: String, route: String, status: Int, duration: Duration) {
        let labels = [("method", method), ("route", route), ("status", String(status))]
        registry.makeCounter(descriptor: Self.requests, labels: labels).increment()
        registry.makeDurationHistogram(descriptor: Self.latency, labels: [("method", method), ("route", route)], buckets: Self.latencyBuckets)
            .record(duration)
    }

    func recordSubmissions(_ outcome: Submission, count: Int) {
        guard count > 0 else { return }
        registry.makeCounter(descriptor: Self.submissions, labels: [("outcome", outcome.rawValue)]).increment(by: Int64(count))
    }

    /// The exposition text, with the pool's current use and the submissions waiting to join an import.
    func exposition(pool: DatabasePool.Use, submissionsWaiting: Int) -> String {
        registry.makeGauge(descriptor: Self.submissionsWaiting).set(to: Double(submissionsWaiting))
        registry.makeGauge(descriptor: Self.poolOpen).set(to: Double(pool.open))
        registry.makeGauge(descriptor: Self.poolInUse).set(to: Double(pool.inUse))
        registry.makeGauge(descriptor: Self.poolWaiting).set(to: Double(pool.waiting))
        registry.makeGauge(descriptor: Self.poolMaximum).set(to: Double(pool.maximum))
        return registry.emitToString()
    }

    private static func name(_ metric: String, unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "consult", metricName: metric, unitName: unit, helpText: help)
    }

    private static var requests: MetricNameDescriptor { name("http_requests", unit: "total", "HTTP requests by method, route template and status.") }
    private static var latency: MetricNameDescriptor { name("http_request_duration", unit: "seconds", "Time from request to response, by method and route template.") }
    private static var submissions: MetricNameDescriptor { name("submissions", unit: "total", "Submitted responses by outcome: accepted, duplicate, changed, rejected, erased.") }
    private static var submissionsWaiting: MetricNameDescriptor {
        name("submissions_waiting", unit: "requests", "Submissions waiting for the import running for their survey and token, to be imported together.")
    }
    private static var poolOpen: MetricNameDescriptor { name("db_pool_open", unit: "connections", "Database connections open.") }
    private static var poolInUse: MetricNameDescriptor { name("db_pool_in_use", unit: "connections", "Database connections lent to a request.") }
    private static var poolWaiting: MetricNameDescriptor { name("db_pool_waiting", unit: "requests", "Requests waiting for a database connection.") }
    private static var poolMaximum: MetricNameDescriptor { name("db_pool_max", unit: "connections", "The pool's limit (--max-connections).") }
}
