import ARMCore
import Foundation
import JSON

/// Quota limits per subscription, region and usage name (docs/accounts-and-deployments.md): the catalog's defaults,
/// overridden by the seed file's `quotas` entries. A seed entry without `subscriptionId` or
/// `location` applies to every subscription or region; the most specific entry wins.
///
/// Seed shape (a top-level key of the `--seed` file, next to the directory's keys):
/// `"quotas": [{"usageName": "OpenAI.Standard.gpt-4o", "limit": 20, "location": "eastus", "subscriptionId": "…"}]`
package struct QuotaLimits: Sendable {
    package struct Override: Sendable, Equatable {
        package var usageName: String
        package var limit: Int
        package var location: String?
        package var subscriptionID: String?

        package init(usageName: String, limit: Int, location: String? = nil, subscriptionID: String? = nil) {
            self.usageName = usageName
            self.limit = limit
            self.location = location.map(AzureRegion.normalize)
            self.subscriptionID = subscriptionID?.lowercased()
        }
    }

    /// The catalog the limits default from; nil means the embedded one, parsed on first use rather
    /// than at start (the start-time budget, docs/performance.md).
    private let customCatalog: ModelCatalog?
    package let overrides: [Override]

    package var catalog: ModelCatalog { customCatalog ?? .embedded }

    package init(catalog: ModelCatalog? = nil, overrides: [Override] = []) {
        self.customCatalog = catalog
        self.overrides = overrides
    }

    /// The limit that applies; 0 for a usage name the catalog does not know.
    package func limit(usageName: String, subscriptionID: String, location: String) -> Int {
        let region = AzureRegion.normalize(location)
        let subscription = subscriptionID.lowercased()
        let matching = overrides.filter { entry in
            entry.usageName.lowercased() == usageName.lowercased()
                && (entry.location == nil || entry.location == region)
                && (entry.subscriptionID == nil || entry.subscriptionID == subscription)
        }
        // Most specific first: subscription and location, then either, then neither.
        if let best = matching.max(by: { specificity($0) < specificity($1) }) { return best.limit }
        return catalog.usage(named: usageName)?.limit ?? 0
    }

    private func specificity(_ entry: Override) -> Int {
        (entry.subscriptionID == nil ? 0 : 2) + (entry.location == nil ? 0 : 1)
    }

    /// Reads the `quotas` key of a seed file; no file means no overrides. Errors name the entry.
    package static func load(seedPath: String?, catalog: ModelCatalog? = nil) throws -> QuotaLimits {
        guard let seedPath else { return QuotaLimits(catalog: catalog) }
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: seedPath)))
        } catch {
            throw QuotaSeedError("Cannot read seed file '\(seedPath)': \(error.localizedDescription)")
        }
        let seed: JSONValue
        do {
            seed = try JSONParser.parse(bytes)
        } catch let error as JSONParseError {
            throw QuotaSeedError("Invalid seed file: \(error.detail)")
        }
        return QuotaLimits(catalog: catalog, overrides: try parseOverrides(seed: seed))
    }

    static func parseOverrides(seed: JSONValue) throws -> [Override] {
        guard let entries = seed["quotas"] else { return [] }
        guard let array = entries.arrayValue else { throw QuotaSeedError("Invalid seed file: quotas: expected an array") }
        return try array.enumerated().map { index, entry in
            guard let usageName = entry["usageName"]?.stringValue, !usageName.isEmpty else {
                throw QuotaSeedError("Invalid seed file: quotas[\(index)].usageName: expected a string")
            }
            guard let limit = entry["limit"]?.intValue, limit >= 0 else {
                throw QuotaSeedError("Invalid seed file: quotas[\(index)].limit: expected a non-negative integer")
            }
            return Override(
                usageName: usageName, limit: limit, location: entry["location"]?.stringValue,
                subscriptionID: entry["subscriptionId"]?.stringValue)
        }
    }
}
