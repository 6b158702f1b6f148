import ARMCore
import JSON

/// One base model an account can deploy, as the control plane's catalog knows it; the data plane's
/// `GET /openai/models` lists these (base models, not deployments, as on Azure).
package struct CatalogModel: Sendable {
    package var name: String
    package var version: String
    package var format: String
    package var lifecycleStatus: String
    package var capabilities: JSONObject

    package init(name: String, version: String, format: String, lifecycleStatus: String, capabilities: JSONObject) {
        self.name = name
        self.version = version
        self.format = format
        self.lifecycleStatus = lifecycleStatus
        self.capabilities = capabilities
    }
}

/// The models of an account kind in a region. The composition root passes the control plane's
/// catalog in, so the data plane imports no provider.
package typealias ModelCatalogLookup = @Sendable (_ kind: String, _ region: String) -> [CatalogModel]
