import ARMCore
import AuthorizationProvider
import CognitiveServicesProvider
import ControlPlaneProxy
import DependentsProvider
import Emulator
import Foundation
import Identity
import MachineLearningServicesProvider
import Persistence
import ResourcesProvider
import Testing

/// The ARM error catalogs: ARMCore's `ARMError+Catalog.swift` (the gateway's and the shared codes) and
/// one `ARMError+{Area}.swift` per module that owns codes of its own. Each lists its factories, built
/// with placeholder arguments. Across all of them a code means one thing: one status and one message
/// template, except where Azure itself uses a code for several (the two lists below, each with its
/// reason). A factory left out of its catalog's list, or declared outside a catalog file, fails too.
@Suite struct ErrorCatalogTests {
    typealias Entry = (catalog: String, factory: String, error: ARMError)

    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every catalog file (relative to the repository root) and its inventory.
    static let catalogs: [(file: String, entries: [(factory: String, error: ARMError)])] = [
        ("Sources/ARMCore/Errors/ARMError+Catalog.swift", ARMError.gatewayCatalog),
        ("Sources/Identity/Graph/ARMError+Graph.swift", ARMError.graphCatalog),
        ("Sources/Providers/Authorization/ARMError+Authorization.swift", ARMError.authorizationCatalog),
        ("Sources/Providers/Resources/ARMError+Resources.swift", ARMError.resourcesCatalog),
        ("Sources/Providers/CognitiveServices/ARMError+CognitiveServices.swift", ARMError.cognitiveServicesCatalog),
        ("Sources/Providers/Dependents/ARMError+Dependents.swift", ARMError.dependentsCatalog),
        ("Sources/Providers/Dependents/ARMError+KeyVault.swift", ARMError.keyVaultCatalog),
        (
            "Sources/Providers/MachineLearningServices/ARMError+MachineLearningServices.swift",
            ARMError.machineLearningServicesCatalog
        ),
        ("Sources/ControlPlaneProxy/ARMError+ControlPlaneProxy.swift", ARMError.controlPlaneProxyCatalog),
        ("Sources/Persistence/ARMError+Persistence.swift", ARMError.persistenceCatalog),
        ("Sources/Emulator/ARMError+OperatorAPI.swift", ARMError.operatorAPICatalog),
    ]

    /// Codes Azure answers with more than one message, each with why.
    static let codesWithSeveralMessages: [String: String] = [
        "BadRequest": "the generic 400 of ARM and every RP: the message says what is wrong",
        "Conflict": "the generic 409: the message names the conflict",
        "NotFound": "the generic 404 (routing, ML child resources, the inner detail of ResourceNotFound)",
        "NotImplemented": "501 for what the emulator does not serve: the message names it",
        "InvalidRequestContent": "ARM's 400 for a body it cannot use: the message names the problem",
        "InvalidTag": "ARM's 400 for every tag rule: the message names the rule",
        "InvalidResourceGroup": "ARM's 400 for bad characters and for a bad length or ending",
        "InvalidResourceName": "ARM's and the RPs' 400 for a name: the message gives the type's rule",
        "ResourceNotFound": "ARM's 404; RPs answer it with their own text for a missing soft-deleted resource",
        "AuthorizationFailed": "ARM's 403, with the ABAC-condition wording when a condition decided",
        "InvalidResourceProperties": "CognitiveServices' 400 for a property: the message names it",
        "DeploymentModelNotSupported": "CognitiveServices' 400 for an unknown model and for a retired one",
        "InvalidCapacity": "CognitiveServices' 400 for a capacity out of range and for a wrong step",
        "Request_BadRequest": "Microsoft Graph's generic 400: the message says what is wrong",
        "InternalServerError": "the generic 500, with a message or with the default text",
        "BadGateway": "the proxy names the unreachable target; an injected fault uses ARM's generic text",
        "GatewayTimeout": "the proxy names the silent target; an injected fault uses ARM's generic text",
        "Unauthorized": "Key Vault's 401: the message says whether the token is missing, invalid or of another audience",
        "BadParameter": "Key Vault's 400 for a request it cannot use: the message names the parameter",
    ]

    /// Codes Azure answers with more than one status.
    static let codesWithSeveralStatuses: [String: Set<Int>] = [
        // 404 at the gateway; 400 as an inner error of a template deployment's validation.
        "InvalidResourceType": [400, 404],
        // 400 when a role assignment names a missing definition; 404 on the definition's own GET.
        "RoleDefinitionDoesNotExist": [400, 404],
    ]

    static var allEntries: [Entry] {
        catalogs.flatMap { catalog in catalog.entries.map { (catalog.file, $0.factory, $0.error) } }
    }

    /// A message with its placeholders (`{name}`, also `{a}/{b}` paths of them) and numbers reduced,
    /// so that messages that differ only in their arguments compare equal.
    static func template(_ message: String) -> String {
        message
            .replacingOccurrences(of: #"\{[^{}]*\}(/\{[^{}]*\})*"#, with: "{}", options: .regularExpression)
            .replacingOccurrences(of: #"[0-9]+"#, with: "#", options: .regularExpression)
    }

    /// Each error and its `details`, flattened: an inner error's code must mean the same as elsewhere.
    static func flattened(_ entries: [Entry]) -> [Entry] {
        entries.flatMap { entry in
            [entry] + flattened(entry.error.details.map { (entry.catalog, entry.factory + ".details", $0) })
        }
    }

    /// The codes that mean two things among `entries`: more statuses or templates than allowed.
    static func conflicts(
        in entries: [Entry], severalMessages: Set<String> = Set(codesWithSeveralMessages.keys),
        severalStatuses: [String: Set<Int>] = codesWithSeveralStatuses
    ) -> [String] {
        let byCode = Dictionary(grouping: flattened(entries), by: \.error.code)
        var found: [String] = []
        for (code, uses) in byCode.sorted(by: { $0.key < $1.key }) {
            let sites = uses.map { "\($0.factory) (\($0.catalog))" }.sorted().joined(separator: ", ")
            let statuses = Set(uses.map(\.error.status))
            if statuses.count > 1 && statuses != severalStatuses[code] {
                found.append("\(code): statuses \(statuses.sorted()) from \(sites)")
            }
            let templates = Set(uses.map { template($0.error.message) })
            if templates.count > 1 && !severalMessages.contains(code) {
                found.append("\(code): \(templates.count) messages from \(sites)")
            }
        }
        return found
    }

    @Test func noCodeMeansTwoThings() {
        #expect(Self.conflicts(in: Self.allEntries) == [])
    }

    /// The check itself: a provider reusing another's code with its own text, or a status of its own, fails.
    @Test func aCodeReusedWithAnotherMeaningIsFound() {
        let reused: [Entry] = [
            ("Dependents", "vaultKeyNameInvalid", ARMError(status: 400, code: "CustomDomainInUse", message: "Key '{name}' is invalid.")),
            ("Dependents", "generic", ARMError(status: 409, code: "BadRequest", message: "{message}")),
        ]
        let found = Self.conflicts(in: Self.allEntries + reused)
        #expect(found.count == 3)
        #expect(found.contains { $0.hasPrefix("CustomDomainInUse: statuses [400, 409]") })
        #expect(found.contains { $0.hasPrefix("CustomDomainInUse: 2 messages") })
        #expect(found.contains { $0.hasPrefix("BadRequest: statuses [400, 409]") })
    }

    /// Every exception is still needed: a code listed with several messages or statuses really has them.
    @Test func exceptionsAreStillNeeded() {
        let byCode = Dictionary(grouping: Self.flattened(Self.allEntries), by: \.error.code)
        for code in Self.codesWithSeveralMessages.keys.sorted() {
            let templates = Set((byCode[code] ?? []).map { Self.template($0.error.message) })
            #expect(templates.count > 1, "\(code) no longer has several messages")
        }
        for (code, statuses) in Self.codesWithSeveralStatuses {
            #expect(Set((byCode[code] ?? []).map(\.error.status)) == statuses, "\(code)")
        }
    }

    /// The factories a Swift file declares on ARMError: `static func name(...) -> ARMError` and
    /// `static let name = ...` (an inventory has a type annotation, so it is not one).
    static func declaredFactories(in source: String) -> Set<String> {
        guard source.contains("extension ARMError") else { return [] }
        var names = Set<String>()
        let text = source as NSString
        let function = try! NSRegularExpression(pattern: #"static func (\w+)\("#)
        for match in function.matches(in: source, range: NSRange(location: 0, length: text.length)) {
            let rest = text.substring(from: match.range.location)
            guard let body = rest.firstIndex(of: "{") else { continue }
            if rest[..<body].contains("-> ARMError") { names.insert(text.substring(with: match.range(at: 1))) }
        }
        let constant = try! NSRegularExpression(pattern: #"static let (\w+)\s*="#)
        for match in constant.matches(in: source, range: NSRange(location: 0, length: text.length)) {
            names.insert(text.substring(with: match.range(at: 1)))
        }
        return names
    }

    @Test func everyFactoryIsInItsCatalog() throws {
        let sources = Self.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? []
        var declared: [String: Set<String>] = [:]
        for file in files where file.hasSuffix(".swift") {
            let source = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            let names = Self.declaredFactories(in: source)
            if !names.isEmpty { declared["Sources/" + file] = names }
        }
        let registered = Dictionary(uniqueKeysWithValues: Self.catalogs.map { ($0.file, Set($0.entries.map(\.factory))) })
        #expect(Set(declared.keys) == Set(registered.keys), "ARMError factories declared outside a registered catalog")
        for (file, names) in registered {
            let difference = (declared[file] ?? []).symmetricDifference(names).sorted()
            #expect(difference == [], "\(file): factories not both declared and in the inventory")
        }
    }
}
