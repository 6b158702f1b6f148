import CognitiveServicesProvider
import DataPlane
import Foundation

/// The data plane's wiring: its model backend from the flags, and the control plane's model
/// catalog handed in as data (the data plane imports no provider).
extension Emulator {
    static func modelBackend(for config: EmulatorConfig) throws -> any ModelBackend {
        BuiltInBackend()
    }

    static func catalogLookup(_ catalog: ModelCatalog) -> ModelCatalogLookup {
        { kind, region in
            catalog.models(kind: kind, region: region).map {
                CatalogModel(
                    name: $0.name, version: $0.version, format: $0.format, lifecycleStatus: $0.lifecycleStatus,
                    capabilities: $0.capabilities)
            }
        }
    }
}
