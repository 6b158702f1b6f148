import ARMCore

/// Finding the workspace, its connections and endpoints, and the account behind them, through the
/// store (the proxy imports no provider, docs/architecture.md "Modules").
extension ControlPlaneProxy {
    /// The workspace in the path, or ARM's 404 `ResourceNotFound` (a missing resource group was
    /// answered before, by `ResourceGroupMiddleware`).
    func requireWorkspace(_ request: ARMRequest) throws -> StoredResource {
        try store.require(request.resourceID.enclosing("workspaces"))
    }

    /// A project's hub (`properties.hubResourceId`), whose shared connections it sees (docs/azure-behaviours.md "Hub connections seen from
    /// a project").
    func hub(of workspace: StoredResource) -> StoredResource? {
        guard workspace.body["kind"]?.stringValue?.lowercased() == "project",
            let text = workspace.body["properties"]?["hubResourceId"]?.stringValue, let id = ResourceID(text)
        else { return nil }
        return store.get(id)
    }

    static func isShared(_ connection: StoredResource) -> Bool {
        connection.body["properties"]?["isSharedToAll"]?.boolValue != false
    }

    /// The workspace's own connection, else its hub's shared one (the ML provider's visibility
    /// rule); 404 `NotFound` as the ML RP answers.
    func connection(_ name: String, in workspace: StoredResource) throws -> StoredResource {
        if let own = store.get(workspace.id.child(type: "connections", name: name)) { return own }
        if let hub = hub(of: workspace), let shared = store.get(hub.id.child(type: "connections", name: name)), Self.isShared(shared) {
            return shared
        }
        throw ARMError.workspaceChildNotFound("Connection", name: name, workspace: workspace.id.name)
    }

    /// Every connection the workspace sees, own ones first.
    func visibleConnections(of workspace: StoredResource) -> [StoredResource] {
        var items = store.children(of: workspace.id, type: "connections")
        if let hub = hub(of: workspace) {
            let own = Set(items.map { $0.id.name.lowercased() })
            items += store.children(of: hub.id, type: "connections").filter { Self.isShared($0) && !own.contains($0.id.name.lowercased()) }
        }
        return items.sorted { $0.id.name.lowercased() < $1.id.name.lowercased() }
    }

    static let modelCategories: Set<String> = ["azureopenai", "aiservices", "cognitiveservice"]

    /// Connections to accounts that host model deployments (Azure OpenAI, AI services).
    func modelConnections(of workspace: StoredResource) -> [StoredResource] {
        visibleConnections(of: workspace).filter {
            Self.modelCategories.contains($0.body["properties"]?["category"]?.stringValue?.lowercased() ?? "")
        }
    }

    /// The account behind a connection: `metadata.ResourceId` (what the portal, Bicep and
    /// azure-ai-ml write for AzureOpenAI/AIServices connections), else an account of this emulator
    /// whose endpoint or subdomain matches `target` (docs/azure-behaviours.md "Hub control-plane proxy routes", an emulator choice).
    func target(of connection: StoredResource) throws -> ProxyTarget {
        let properties = connection.body["properties"]
        let metadata = properties?["metadata"]?.objectValue
        let endpoint = properties?["target"]?.stringValue
        let url = metadata?.value(forKeyIgnoringCase: "ResourceManagerUrl")?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        if let text = metadata?.value(forKeyIgnoringCase: "ResourceId")?.stringValue, let id = ResourceID(text),
            id.fullType.lowercased() == Self.accountType.lowercased()
        {
            return ProxyTarget(accountID: id, resourceManagerURL: url, endpointURI: endpoint)
        }
        if let endpoint, let account = localAccount(matching: endpoint) {
            return ProxyTarget(accountID: account.id, resourceManagerURL: nil, endpointURI: endpoint)
        }
        throw ARMError.proxyAccountUnresolved("Connection", name: connection.id.name)
    }

    /// An account of this emulator whose `properties.endpoint(s)` equals `endpoint`, or whose name
    /// or custom subdomain is the first label of its host (`https://acct1.openai.azure.com/`).
    func localAccount(matching endpoint: String) -> StoredResource? {
        let wanted = endpoint.lowercased().trimmingSuffix("/")
        var host = wanted
        if let range = host.range(of: "://") { host = String(host[range.upperBound...]) }
        if let range = host.range(of: "/dataplane/") { host = String(host[range.upperBound...]) }
        let label = host.split(separator: ".").first.map(String.init) ?? host
        return store.all(under: nil, types: [Self.accountType]).first { account in
            let properties = account.body["properties"]
            if properties?["endpoint"]?.stringValue?.lowercased().trimmingSuffix("/") == wanted { return true }
            if let endpoints = properties?["endpoints"]?.objectValue,
                endpoints.keys.contains(where: { endpoints[$0]?.stringValue?.lowercased().trimmingSuffix("/") == wanted })
            {
                return true
            }
            let subdomain = properties?["customSubDomainName"]?.stringValue?.lowercased()
            return account.id.name.lowercased() == label || subdomain == label
        }
    }

    /// The resource manager base of a target: its own URL, else this emulator's listener (else,
    /// before it listens, e.g. in-process tests, the base the client used).
    func base(of target: ProxyTarget, _ request: ARMRequest) -> String {
        target.resourceManagerURL ?? forwarder.localBase ?? request.baseURL
    }

    /// `proxy-api-version` when it is a well-formed api-version, else the default.
    func proxyAPIVersion(_ request: ARMRequest) -> String {
        if let given = request.query["proxy-api-version"], APIVersionMiddleware.isWellFormed(given) { return given }
        return Self.defaultProxyAPIVersion
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        var text = self
        while text.hasSuffix(suffix) { text.removeLast(suffix.count) }
        return text
    }
}
