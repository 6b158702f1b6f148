import ARMCore

/// The model catalog and default quota (issue 4 §2): data in `ModelCatalog.json`, embedded in the
/// binary (`resources: [.embedInCode(...)]`) so the product stays one file. One entry per model
/// version, as the real `models` lists are (reference §1.8).
public struct ModelCatalog: Sendable {
    public struct Capacity: Sendable, Equatable {
        public var minimum: Int
        public var maximum: Int
        public var step: Int
        public var defaultValue: Int
    }

    /// A deployment SKU of a model version (`Standard`, `GlobalStandard`, ...).
    public struct Sku: Sendable, Equatable {
        public var name: String
        /// The quota bucket, e.g. `OpenAI.Standard.gpt-4o`.
        public var usageName: String
        public var capacity: Capacity
    }

    /// What one capacity unit of a model buys per minute (learn.microsoft.com/azure/ai-foundry/openai/how-to/quota:
    /// 6 requests and 1,000 tokens for most chat models; 1 request and 10,000 tokens for o3-mini, for example).
    public struct UnitRate: Sendable, Equatable {
        public var requestsPerMinute: Int
        public var tokensPerMinute: Int

        public static let standard = UnitRate(requestsPerMinute: 6, tokensPerMinute: 1000)
    }

    public struct Model: Sendable, Equatable {
        public var format: String
        public var name: String
        public var version: String
        public var isDefaultVersion: Bool
        public var lifecycleStatus: String
        /// Account kinds that can deploy it.
        public var kinds: [String]
        public var capabilities: JSONObject
        public var skus: [Sku]
        /// The catalog's `ratePerUnit`, else `UnitRate.standard`.
        public var unitRate: UnitRate = .standard
    }

    /// A quota bucket with its default limit per subscription and region.
    public struct Usage: Sendable, Equatable {
        public var name: String
        /// `Tokens Per Minute (thousands) - GPT-4o`, the name `InsufficientQuota` quotes.
        public var localizedName: String
        public var limit: Int
    }

    public struct AccountKind: Sendable, Equatable {
        public var kind: String
        public var skus: [String]
        public var hostsDeployments: Bool
        public var hostsProjects: Bool
    }

    public var regions: [String]
    public var accountKinds: [AccountKind]
    public var usages: [Usage]
    public var models: [Model]

    /// The catalog shipped in the binary.
    public static let embedded: ModelCatalog = {
        do {
            return try ModelCatalog(json: PackageResources.ModelCatalog_json)
        } catch {
            fatalError("ModelCatalog.json is invalid: \(error)")
        }
    }()

    public init(json bytes: [UInt8]) throws {
        let document = try JSONParser.parse(bytes)
        func strings(_ value: JSONValue?) -> [String] { value?.arrayValue?.compactMap(\.stringValue) ?? [] }
        regions = strings(document["regions"])
        accountKinds = (document["accountKinds"]?.arrayValue ?? []).compactMap { entry in
            guard let kind = entry["kind"]?.stringValue else { return nil }
            return AccountKind(
                kind: kind, skus: strings(entry["skus"]), hostsDeployments: entry["deployments"]?.boolValue ?? false,
                hostsProjects: entry["projects"]?.boolValue ?? false)
        }
        usages = (document["usages"]?.arrayValue ?? []).compactMap { entry in
            guard let name = entry["name"]?.stringValue, let limit = entry["limit"]?.intValue else { return nil }
            return Usage(name: name, localizedName: entry["localizedName"]?.stringValue ?? name, limit: limit)
        }
        models = (document["models"]?.arrayValue ?? []).compactMap { entry in
            guard let format = entry["format"]?.stringValue, let name = entry["name"]?.stringValue,
                let version = entry["version"]?.stringValue
            else { return nil }
            let skus: [Sku] = (entry["skus"]?.arrayValue ?? []).compactMap { sku in
                guard let skuName = sku["name"]?.stringValue, let usageName = sku["usageName"]?.stringValue else { return nil }
                let capacity = sku["capacity"]
                return Sku(
                    name: skuName, usageName: usageName,
                    capacity: Capacity(
                        minimum: capacity?["minimum"]?.intValue ?? 1, maximum: capacity?["maximum"]?.intValue ?? 1,
                        step: capacity?["step"]?.intValue ?? 1, defaultValue: capacity?["default"]?.intValue ?? 1))
            }
            var unitRate = UnitRate.standard
            if let rate = entry["ratePerUnit"], let requests = rate["requestsPerMinute"]?.intValue,
                let tokens = rate["tokensPerMinute"]?.intValue, requests > 0, tokens > 0
            {
                unitRate = UnitRate(requestsPerMinute: requests, tokensPerMinute: tokens)
            }
            return Model(
                format: format, name: name, version: version, isDefaultVersion: entry["isDefaultVersion"]?.boolValue ?? false,
                lifecycleStatus: entry["lifecycleStatus"]?.stringValue ?? "GenerallyAvailable", kinds: strings(entry["kinds"]),
                capabilities: entry["capabilities"]?.objectValue ?? JSONObject(), skus: skus, unitRate: unitRate)
        }
    }

    // MARK: lookups

    public func accountKind(_ kind: String) -> AccountKind? {
        accountKinds.first { $0.kind.lowercased() == kind.lowercased() }
    }

    public func offers(region: String) -> Bool { regions.contains(AzureRegion.normalize(region)) }

    /// Model versions an account of `kind` in `region` can deploy.
    public func models(kind: String, region: String) -> [Model] {
        guard offers(region: region), accountKind(kind)?.hostsDeployments == true else { return [] }
        return models.filter { model in model.kinds.contains { $0.lowercased() == kind.lowercased() } }
    }

    /// The model a deployment names; a missing version means the default version (issue 4 §3).
    /// Format and name compare case-insensitively, like the service.
    public func model(format: String, name: String, version: String?, kind: String, region: String) -> Model? {
        let candidates = models(kind: kind, region: region).filter {
            $0.format.lowercased() == format.lowercased() && $0.name.lowercased() == name.lowercased()
        }
        guard let version, !version.isEmpty else { return candidates.first { $0.isDefaultVersion } ?? candidates.first }
        return candidates.first { $0.version.lowercased() == version.lowercased() }
    }

    public func usage(named name: String) -> Usage? {
        usages.first { $0.name.lowercased() == name.lowercased() }
    }
}
