import CognitiveServicesProvider
import DataPlane
import Foundation

/// The data plane's wiring: its model backend from the flags, and the control plane's model
/// catalog handed in as data (the data plane imports no provider).
extension Emulator {
    static func modelBackend(for config: EmulatorConfig) throws -> any ModelBackend {
        guard let text = config.modelBackendURL else { return BuiltInBackend() }
        guard let url = URL(string: text) else {
            throw EmulatorConfig.UsageError("option --model-backend takes an http(s) URL, not '\(text)'")
        }
        return ForwardingBackend(baseURL: url, modelMap: config.modelMap, timeoutSeconds: config.modelBackendTimeoutSeconds)
    }

    /// Reads the catalog through the quota limits on each call, so the embedded catalog is parsed on
    /// first use, not at start.
    static func catalogLookup(_ quotas: QuotaLimits) -> ModelCatalogLookup {
        { kind, region in
            quotas.catalog.models(kind: kind, region: region).map {
                CatalogModel(
                    name: $0.name, version: $0.version, format: $0.format, lifecycleStatus: $0.lifecycleStatus,
                    capabilities: $0.capabilities)
            }
        }
    }
}
