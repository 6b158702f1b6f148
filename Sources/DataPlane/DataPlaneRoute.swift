import EmulatorHTTP

/// One operation of the data plane: its path below the host, what it needs (deployment, model
/// capability, data action at which scope) and its handler.
package struct DataPlaneRoute: Sendable {
    /// Which API family a route belongs to: it decides the api-version rule and whether an
    /// account key may arrive as a bearer value.
    package enum Surface: Sendable {
        /// `/openai/deployments/...`, `/openai/models`: `api-version` required; keys in `api-key`.
        case classic
        /// `/openai/v1/...`: `api-version` optional; `openai.OpenAI` sends the key as `Bearer`.
        case v1
        /// `/models/...` (Azure AI model inference): `azure-ai-inference` sends the key in both headers.
        case modelInference
        /// `/api/projects/{project}/...` (azure-ai-projects, `api-version=v1`).
        case project

        /// `openai.OpenAI` and `azure-ai-inference` send an account key as `Authorization: Bearer <key>`.
        var acceptsKeyAsBearer: Bool { self != .classic }
    }

    /// Where the deployment a call runs on comes from.
    package enum DeploymentSource: Sendable {
        case none
        /// A path parameter (`/openai/deployments/{deploymentId}/...`).
        case path(String)
        /// The body's `model`, matched case-insensitively (v1, model inference).
        case bodyModel
        /// The `model` query parameter, else the account's only deployment (`GET /models/info`).
        case queryModel
        /// An agent's model deployment: the agent named by this path parameter (the agent endpoint),
        /// else by the body's `agent_reference` (or the older `agent`), else the body's `model`
        /// (`AgentMiddleware` puts the agent's deployment into `model`).
        case agent(pathParameter: String?)
    }

    /// Who is checked: the data action is evaluated at the account, the deployment or the project.
    package enum Scope: Sendable {
        case account
        case deployment
        case project
    }

    /// What a deployment's model must be able to do (catalog `capabilities`).
    package enum Capability: String, Sendable {
        case chatCompletion
        case completion
        case embeddings
        case responses

        /// The operation's name in Azure's OperationNotSupported text.
        var operationName: String {
            switch self {
            case .chatCompletion: "chatCompletion"
            case .completion: "completion"
            case .embeddings: "embeddings"
            case .responses: "responses"
            }
        }
    }

    /// One segment of a route's pattern.
    enum Part: Sendable {
        /// Lower case; a request segment matches it case-insensitively.
        case literal(String)
        /// `{name}`, optionally followed by a lower-case literal suffix (`{agentName}:enable`).
        case parameter(name: String, suffix: String)
    }

    /// Runs on the caller's executor, like the chain (`DataPlaneMiddleware`).
    package typealias Handler = nonisolated(nonsending) @Sendable (DataPlaneRequest) async throws -> DataPlaneAnswer

    package let method: String
    /// The path template as Azure spells it (`openai/deployments/{deploymentId}/chat/completions`).
    package let path: String
    /// Lower-case literals, or `{name}` parameters, optionally followed by a literal suffix
    /// (`{agentName}:enable`, the agent service's custom actions).
    let pattern: [String]
    /// `pattern` taken apart once: every request is matched against every route.
    let parts: [Part]
    package let surface: Surface
    /// The REST spec's operationId (`ChatCompletions_Create`): the 429 text names it.
    package let operationID: String
    package let dataAction: String
    package let scope: Scope
    package let deploymentSource: DeploymentSource
    package let capability: Capability?
    /// False for routes that answer without reading a body (501s that clients call with multipart
    /// uploads): the body is not parsed, so they are not refused as bad JSON first.
    package let parsesBody: Bool
    package let handler: Handler

    package init(
        _ method: String, _ path: String, surface: Surface, operationID: String, dataAction: String, scope: Scope,
        deployment: DeploymentSource = .none, capability: Capability? = nil, parsesBody: Bool = true, handler: @escaping Handler
    ) {
        self.method = method
        self.path = path
        self.pattern = path.split(separator: "/").map { part in
            guard part.hasPrefix("{"), let close = part.firstIndex(of: "}") else { return part.lowercased() }
            return String(part[...close]) + part[part.index(after: close)...].lowercased()
        }
        self.parts = pattern.map { part in
            guard part.hasPrefix("{"), let close = part.firstIndex(of: "}") else { return .literal(part) }
            return .parameter(
                name: String(part[part.index(after: part.startIndex)..<close]), suffix: String(part[part.index(after: close)...]))
        }
        self.surface = surface
        self.operationID = operationID
        self.dataAction = dataAction
        self.scope = scope
        self.deploymentSource = deployment
        self.capability = capability
        self.parsesBody = parsesBody
        self.handler = handler
    }

    /// The parameters when `segments` fit the pattern, else nil.
    func match(_ segments: [String]) -> [String: String]? {
        guard segments.count == parts.count else { return nil }
        // Checked first, the parameters collected only for the route that fits: no dictionary and no
        // lower-cased copy of a segment for the routes that do not.
        for (part, segment) in zip(parts, segments) {
            switch part {
            case .literal(let literal):
                guard segment.equalsIgnoringCase(literal) else { return nil }
            case .parameter(_, let suffix):
                if suffix.isEmpty {
                    guard !segment.isEmpty else { return nil }
                } else {
                    guard segment.count > suffix.count, segment.lowercased().hasSuffix(suffix) else { return nil }
                }
            }
        }
        var parameters: [String: String] = [:]
        for (part, segment) in zip(parts, segments) {
            guard case .parameter(let name, let suffix) = part else { continue }
            parameters[name] = suffix.isEmpty ? segment : String(segment.dropLast(suffix.count))
        }
        return parameters
    }
}
