import ARMCore
import Authorization
import AuthorizationProvider
import CognitiveServicesProvider
import ControlPlaneProxy
import DataPlane
import DependentsProvider
import EmulatorHTTP
import Foundation
import Identity
import InsightsProvider
import MachineLearningServicesProvider
import Persistence
import ResourcesProvider

/// The composition root: builds the world from the configuration, wires providers and the
/// middleware lists, and runs the HTTPS server.
package final class Emulator: Sendable {
    package static let version = "0.1.0"

    package let config: EmulatorConfig
    let logger: Logger
    let world: EmulatorWorld
    let server: HTTPServer
    /// The ARM, public, operator, Graph and Entra ID routers (their operation ids are unique).
    let routers: [Router]
    /// The hub proxy's forwarder, told where this emulator listens once it does.
    let hubProxyForwarder: ProxyForwarder
    /// The top-level dispatch, also reachable in-process (`handle(_:)`, for tests).
    let handler: EmulatorHandler

    package init(config: EmulatorConfig) throws {
        self.config = config
        logger = Logger(level: config.logLevel)

        let directory = try Directory(seedPath: config.seedPath)
        let signingKey = try config.signingKeyPath.map { try SigningKey(contentsOfFile: $0) } ?? SigningKey.wellKnown
        let identity = IdentityService(directory: directory, signingKey: signingKey)
        // --data-dir: recover the journaled world before anything is served (docs/durability-and-load.md).
        let persistence = try config.dataDirectory.map { directory throws(PersistenceError) in try Persistence(directory: directory) }
        let store = ResourceStore(observer: persistence, requiresResourceGroups: true)
        let operations = LongRunningOperations(
            provisioningDelay: .milliseconds(config.provisioningDelayMilliseconds), observer: persistence)
        // The activity log journals its events with the rest of the world (docs/activity-log.md).
        let activityLog = ActivityLog(observer: persistence.map { persistence in Self.journal(into: persistence) })
        let recorder = ActivityLogRecorder(log: activityLog, operations: operations)
        if let persistence {
            try Self.recover(
                persistence, directory: directory, store: store, operations: operations, activityLog: activityLog, logger: logger)
        }
        let certificate = try Self.certificate(for: config)
        let faults = FaultInjector(latencyMilliseconds: config.latencyMilliseconds, jitterMilliseconds: config.latencyJitterMilliseconds)
        // RBAC: the engine reads assignments from the store; the operator's Owner assignment and
        // the seed file's are written now and again after every reset.
        // The hub proxy's first-party principal holds HubProxyRole (account deployments and models
        // only) in every emulator, without a role assignment; the Machine Learning service's holds
        // MachineLearningServiceRole (what it creates for workspaces).
        // Groups grant their members, transitively (docs/rbac-and-hub-proxy.md).
        let evaluator = AccessEvaluator(
            store: store,
            firstPartyRoles: [
                WellKnown.hubProxyObjectId: HubProxyRole.definition,
                WellKnown.machineLearningServiceObjectId: MachineLearningServiceRole.definition,
            ],
            groupMemberships: { [directory] principal in directory.transitiveGroupIds(of: principal) })
        let authorization = try AuthorizationProvider(directory: directory, store: store, evaluator: evaluator)
        authorization.seed()
        let quotas = try QuotaLimits.load(seedPath: config.seedPath)
        var dataPlaneAccessLog: (@Sendable (String) -> Void)?
        if logger.level <= .info { dataPlaneAccessLog = { @Sendable [logger] line in logger.info("dataplane " + line) } }
        let dataPlane = DataPlane(
            store: store, validator: identity.validator, evaluator: config.rbac == .enforce ? evaluator : nil,
            models: ModelService(backend: try Self.modelBackend(for: config)), catalog: Self.catalogLookup(quotas),
            limitsEnabled: config.dataPlaneLimits, accessLog: dataPlaneAccessLog)
        world = EmulatorWorld(
            config: config, directory: directory, identity: identity, store: store, operations: operations,
            faults: faults, certificatePath: certificate.certificatePath, authorization: authorization,
            persistence: persistence, dataPlane: dataPlane, activityLog: activityLog, activityRecorder: recorder)

        // Providers send internal requests through the ARM pipeline; it is connected once built.
        let internalRequests = InternalRequests()
        let cognitiveServices = CognitiveServicesProvider(store: store, operations: operations, quotas: quotas)
        // A project's linked access check on its hub asks the RBAC engine when RBAC is enforced.
        let linkedAccess: MachineLearningServicesProvider.AccessCheck?
        if config.rbac == .enforce {
            linkedAccess = { (caller: Caller, action: String, scope: ResourceID) -> Bool in
                evaluator.decide(principalId: caller.objectId, action: action, scope: scope).allowed
            }
        } else {
            linkedAccess = nil
        }
        // The ML service keeps connection secrets through Key Vault's data plane (docs/hubs-and-projects.md).
        let vaultRequests = InternalRequests()
        let machineLearning = MachineLearningServicesProvider(
            directory: directory, store: store, operations: operations, linkedAccess: linkedAccess,
            internalRequests: internalRequests, vaultRequests: vaultRequests)
        let dependents = DependentsProvider(store: store)
        let keyVault = Self.keyVaultDataPlane(
            dependents, validator: identity.validator, evaluator: config.rbac == .enforce ? evaluator : nil, faults: faults)
        vaultRequests.connect(to: keyVault.pipeline)
        hubProxyForwarder = ProxyForwarder(timeoutMilliseconds: config.proxyTimeoutMilliseconds, identity: identity)
        let hubProxy = ControlPlaneProxy(store: store, forwarder: hubProxyForwarder)
        let insights = InsightsProvider(log: activityLog)
        let resources = ResourcesProvider(
            directory: directory, store: store, operations: operations,
            registrations: ResourceProviderRegistration.merging(
                [
                    ResourcesProvider.registration, ResourcesProvider.featuresRegistration, CognitiveServicesProvider.registration,
                    AuthorizationProvider.registration,
                    MachineLearningServicesProvider.registration,
                ] + DependentsProvider.registrations + [InsightsProvider.registration]),
            internalRequests: internalRequests, cascades: [machineLearning, cognitiveServices])

        // The ARM pipeline: one builder (Emulator+ARMPipeline.swift), used by the tests too.
        let armRouter = Router(
            routes: resources.routes + cognitiveServices.routes + machineLearning.routes + hubProxy.routes + dependents.routes
                + authorization.routes + operations.routes + insights.routes)
        let armPipeline = Self.armPipeline(
            router: armRouter, authentication: AuthenticationMiddleware(validator: identity.validator), directory: directory,
            store: store, recorder: recorder, evaluator: config.rbac == .enforce ? evaluator : nil, faults: faults)
        internalRequests.connect(to: armPipeline)
        let publicPipeline = CloudMetadata().pipeline()
        let operatorRouter = Router(routes: OperatorAPI(emulator: world).routes)
        let operatorPipeline = ARMPipeline(
            middleware: [OperatorAccessMiddleware(operatorKey: config.operatorKey), RouteMatchMiddleware(router: operatorRouter)],
            router: operatorRouter)

        // Graph-lite (`/v1.0/*`): bearer tokens of any audience, no api-version.
        let graphPipeline = GraphLite(directory: directory).pipeline(
            authentication: AuthenticationMiddleware(validator: identity.validator))

        let identityPipeline = IdentityPipeline(service: identity)
        routers = [armRouter, publicPipeline.router, operatorRouter, graphPipeline.router, identityPipeline.router]
        let routeGroups = Self.routeGroups(
            keyVault: keyVault, dataPlane: dataPlane, operatorPipeline: operatorPipeline, publicPipeline: publicPipeline,
            graphPipeline: graphPipeline,
            identity: identityPipeline, armPipeline: armPipeline)
        handler = EmulatorHandler(groups: routeGroups.groups, otherwise: routeGroups.otherwise, logger: logger, persistence: persistence)
        let serverConfiguration = HTTPServerConfiguration(
            host: config.host, port: config.port,
            tls: TLSConfiguration(certificatePath: certificate.certificatePath, privateKeyPath: certificate.privateKeyPath),
            idleTimeout: config.idleTimeoutSeconds, protocolErrorResponder: ProtocolErrorResponder.response(for:))
        server = HTTPServer(configuration: serverConfiguration, handler: handler)
    }

    /// Binds and starts serving; returns the bound port.
    @discardableResult
    package func start() throws -> Int {
        let port = try server.start()
        hubProxyForwarder.listening(host: config.host, port: port)
        return port
    }

    /// Stops accepting, lets in-flight requests finish, then returns.
    package func shutdown() {
        server.shutdown(gracePeriod: 10)
    }

    package var port: Int { server.port }

    /// `--tls-cert/--tls-key`, else a self-signed certificate generated once and reused from the
    /// data directory or, without one, from the per-user cache directory.
    static func certificate(for config: EmulatorConfig) throws -> (certificatePath: String, privateKeyPath: String) {
        if let certificate = config.tlsCertificatePath, let key = config.tlsPrivateKeyPath {
            return (certificate, key)
        }
        let directory = config.dataDirectory ?? cacheDirectory()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return try SelfSignedCertificate.loadOrCreate(in: directory)
    }

    static func cacheDirectory() -> String {
        let environment = ProcessInfo.processInfo.environment
        let base =
            environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"].map { $0 + "/.cache" } ?? NSTemporaryDirectory())
        return base + "/foundry-emulator"
    }
}
