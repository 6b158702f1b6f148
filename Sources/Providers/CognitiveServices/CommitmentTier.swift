import ARMCore
import JSON

/// The commitment tiers a region offers (`GET …/locations/{l}/commitmentTiers`), as the real service
/// listed them in the Azure CLI's recording `test_cognitiveservices_commitment_plan.yaml`
/// (Azure/azure-cli): per kind and plan type, tiers T1-T3 for the `Web` and `ConnectedContainer`
/// hosting models and T1-T4 (`maxCount` 10, SKU `DC0`) for `DisconnectedContainer`. The same
/// tiers are served in every region.
struct CommitmentTier: Sendable {
    let kind: String
    let skuName: String
    let hostingModel: String
    let planType: String
    let tier: String
    let maxCount: Int?
    let quantity: Int64
    let unit: String

    var json: JSONValue {
        var body = JSONObject([
            ("kind", .string(kind)), ("skuName", .string(skuName)), ("hostingModel", .string(hostingModel)),
            ("planType", .string(planType)), ("tier", .string(tier)),
        ])
        if let maxCount { body["maxCount"] = .int(Int64(maxCount)) }
        body["quota"] = ["quantity": .int(quantity), "unit": .string(unit)]
        body["cost"] = .object(JSONObject())
        return .object(body)
    }

    /// (kind, web SKU, plan type, web unit, web T1-T3, disconnected unit, disconnected T1-T4)
    private static let families: [(String, String, String, String, [Int64], String, [Int64])] = [
        (
            "ComputerVision", "S1", "Read", "Transaction", [500_000, 2_000_000, 8_000_000], "Transaction",
            [500_000, 2_000_000, 8_000_000, 16_000_000]
        ),
        (
            "TextAnalytics", "S", "TA", "Transaction", [1_000_000, 3_000_000, 10_000_000], "TextRecords",
            [1_000_000, 2_500_000, 10_000_000, 25_000_000]
        ),
        (
            "LUIS", "S0", "LanguageTransaction", "Transaction", [1_000_000, 5_000_000, 25_000_000], "Transaction",
            [1_000_000, 5_000_000, 25_000_000, 50_000_000]
        ),
        ("SpeechServices", "S0", "STT", "Second", [7_200_000, 36_000_000, 180_000_000], "Hour", [2000, 10000, 50000, 100_000]),
        (
            "SpeechServices", "S0", "NTTS", "Characters", [80_000_000, 400_000_000, 2_000_000_000], "Characters",
            [80_000_000, 400_000_000, 2_000_000_000, 4_000_000_000]
        ),
        (
            "FormRecognizer", "S0", "CustomInvoice", "Transaction", [20000, 100_000, 500_000], "Pages",
            [20000, 100_000, 500_000, 1_000_000]
        ),
        (
            "TextTranslation", "S1", "Characters", "Transaction", [250_000_000, 1_000_000_000, 4_000_000_000], "Transaction",
            [250_000_000, 1_000_000_000, 4_000_000_000, 10_000_000_000]
        ),
    ]

    static let all: [CommitmentTier] = families.flatMap { kind, sku, plan, unit, web, dcUnit, disconnected in
        var tiers: [CommitmentTier] = []
        for model in ["Web", "ConnectedContainer"] {
            for (index, quantity) in web.enumerated() {
                tiers.append(
                    .init(
                        kind: kind, skuName: sku, hostingModel: model, planType: plan, tier: "T\(index + 1)",
                        maxCount: nil, quantity: quantity, unit: unit))
            }
        }
        for (index, quantity) in disconnected.enumerated() {
            tiers.append(
                .init(
                    kind: kind, skuName: "DC0", hostingModel: "DisconnectedContainer", planType: plan,
                    tier: "T\(index + 1)", maxCount: 10, quantity: quantity, unit: dcUnit))
        }
        return tiers
    }

    /// The tier a plan names, for an account or plan `kind`; multi-service kinds (AIServices,
    /// CognitiveServices) may commit to any kind's tiers.
    static func find(kind: String?, hostingModel: String, planType: String, tier: String) -> CommitmentTier? {
        let multiService = kind.map { ["aiservices", "cognitiveservices"].contains($0.lowercased()) } ?? true
        return all.first { candidate in
            (multiService || candidate.kind.lowercased() == kind?.lowercased())
                && candidate.hostingModel.lowercased() == hostingModel.lowercased()
                && candidate.planType.lowercased() == planType.lowercased() && candidate.tier.lowercased() == tier.lowercased()
        }
    }
}
