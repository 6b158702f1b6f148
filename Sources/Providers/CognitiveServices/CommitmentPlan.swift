import ARMCore
import Foundation
import JSON

/// A commitment plan (`Microsoft.CognitiveServices/accounts/commitmentPlans` on an account, or a
/// shared, tracked `Microsoft.CognitiveServices/commitmentPlans` in a resource group; the REST
/// spec's `CommitmentPlan`), validated from a PUT body: `hostingModel`, `planType` and the tiers
/// against the regional list; a tracked plan also needs `location`, `kind` and `sku`. The current
/// period runs from today to the first of next month with a prorated quota, the next period is a
/// whole month (the Azure CLI's recording `test_cognitiveservices_commitment_plan.yaml`).
struct CommitmentPlan {
    static let hostingModels = ["Web", "ConnectedContainer", "DisconnectedContainer", "ProvisionedWeb"]

    let body: JSONObject

    /// `kind`: the account's for a plan on an account, the body's for a shared plan.
    init(
        id: ResourceID, type: String, kind: String?, tracked: Bool, input: JSONObject, existing: StoredResource?, caller: Caller?,
        date: Date
    ) throws {
        var properties = try Self.properties(input["properties"], kind: kind, date: date)
        if tracked {
            properties["commitmentPlanGuid"] = existing?.body["properties"]?["commitmentPlanGuid"] ?? .string(newGUID())
            properties["provisioningState"] = "Succeeded"
        }
        var body = JSONObject([("id", .string(id.description)), ("type", .string(type)), ("name", .string(id.name))])
        if tracked {
            guard let location = input.value(forKeyIgnoringCase: "location")?.stringValue, !location.isEmpty else {
                throw ARMError.missingLocation
            }
            guard let kind, !kind.isEmpty else {
                throw ARMError.invalidResourceProperties("The 'kind' property is required to create a commitment plan.")
            }
            guard let skuName = input["sku"]?["name"]?.stringValue else {
                throw ARMError.invalidResourceProperties("The 'sku' property with a 'name' is required to create a commitment plan.")
            }
            body["location"] = .string(location)
            body["kind"] = .string(kind)
            body["sku"] = ["name": .string(skuName)]
            body["tags"] = .object(try TagRules.validate(input.value(forKeyIgnoringCase: "tags")))
        }
        body["properties"] = .object(properties)
        body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: existing?.body["systemData"]))
        self.body = body
    }

    /// Plan names: 1-64 letters, digits, `_`, `.` or `-`, starting with a letter or digit.
    static func checkName(_ name: String) throws {
        guard CognitiveServicesProvider.isValidName(name, allowDot: true) else {
            throw ARMError.invalidChildName(
                name, kind: "commitment plan", rule: "It must be 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit."
            )
        }
    }

    /// `hostingModel`, `planType`, the `current` and `next` periods and `autoRenew`.
    static func properties(_ value: JSONValue?, kind: String?, date: Date) throws -> JSONObject {
        guard let given = value?.objectValue else {
            throw ARMError.invalidResourceProperties("The commitment plan property 'properties' is required.")
        }
        guard let hostingText = given["hostingModel"]?.stringValue,
            let hostingModel = hostingModels.first(where: { $0.lowercased() == hostingText.lowercased() })
        else {
            throw ARMError.invalidResourceProperties(
                "The commitment plan property 'hostingModel' must be one of \(hostingModels.joined(separator: ", ")).")
        }
        guard let planType = given["planType"]?.stringValue, !planType.isEmpty else {
            throw ARMError.invalidResourceProperties("The commitment plan property 'planType' is required.")
        }
        var properties = JSONObject([("hostingModel", .string(hostingModel)), ("planType", .string(planType))])
        let (currentStart, currentEnd, nextEnd) = periodBounds(date)
        for (key, start, end) in [("current", currentStart, currentEnd), ("next", currentEnd, nextEnd)] {
            guard let period = given[key]?.objectValue, let tierName = period["tier"]?.stringValue else { continue }
            guard let tier = CommitmentTier.find(kind: kind, hostingModel: hostingModel, planType: planType, tier: tierName) else {
                throw ARMError.invalidResourceProperties(
                    "The commitment tier '\(tierName)' is not available for kind '\(kind ?? "")', hosting model '\(hostingModel)' "
                        + "and plan type '\(planType)'.")
            }
            properties[key] = .object(Self.period(period, tier: tier, start: start, end: end, prorated: key == "current"))
        }
        if let autoRenew = given["autoRenew"] {
            guard autoRenew.boolValue != nil else {
                throw ARMError.invalidResourceProperties("The commitment plan property 'autoRenew' must be a boolean.")
            }
            properties["autoRenew"] = autoRenew
        }
        return properties
    }

    /// One period: the tier, `count` as given, its dates and its quota (for the current period,
    /// the share of the month left).
    static func period(_ given: JSONObject, tier: CommitmentTier, start: Date, end: Date, prorated: Bool) -> JSONObject {
        var quantity = tier.quantity
        if prorated {
            let whole = end.timeIntervalSince(monthStart(start)) / 86400
            let left = end.timeIntervalSince(start) / 86400
            quantity = Int64((Double(tier.quantity) * left / max(whole, 1)).rounded(.down))
        }
        var rendered = JSONObject([("tier", .string(tier.tier))])
        if let count = given["count"], count != .null { rendered["count"] = count }
        rendered["startDate"] = .string(String(ARMTimestamp.string(from: start).prefix(19)) + "Z")
        rendered["endDate"] = .string(String(ARMTimestamp.string(from: end).prefix(19)) + "Z")
        rendered["quota"] = ["quantity": .int(quantity), "unit": .string(tier.unit)]
        return rendered
    }

    static func monthStart(_ date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: calendar.dateComponents([.year, .month], from: date)) ?? date
    }

    /// (start of today, first of next month, first of the month after), UTC.
    static func periodBounds(_ date: Date) -> (Date, Date, Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let today = calendar.startOfDay(for: date)
        let nextMonth = calendar.date(byAdding: .month, value: 1, to: monthStart(date)) ?? today
        let monthAfter = calendar.date(byAdding: .month, value: 1, to: nextMonth) ?? nextMonth
        return (today, nextMonth, monthAfter)
    }
}
