import Metrics
import Prometheus

/// The process's one Prometheus registry, installed as the swift-metrics backend on first use.
/// `tether run` touches it before any plugin starts, so every counter lands here.
public enum MetricsRegistry {
    /// The registry `/metrics` renders.
    public static let shared: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(10), .microseconds(50), .microseconds(100), .microseconds(500), .milliseconds(1),
            .milliseconds(5), .milliseconds(10), .milliseconds(50), .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(5),
        ]
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// Installs the registry as the metrics backend (idempotent).
    public static func bootstrap() { _ = shared }
}
