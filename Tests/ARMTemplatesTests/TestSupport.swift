import ARMCore
import Foundation
import JSON

@testable import ARMTemplates

let testContext = DeploymentContext(
    subscriptionID: "00000000-0000-0000-0000-000000000001", subscriptionDisplayName: "Local",
    tenantID: "72f988bf-0000-0000-0000-000000000001",
    resourceGroupName: "rg1", resourceGroupLocation: "eastus", deploymentName: "dep1",
    now: Date(timeIntervalSince1970: 1_700_000_000), newGUID: { "11111111-2222-3333-4444-555555555555" })

func evaluator(
    _ template: String, parameters: String = "{}", reader: any TemplateResourceReader = NoResourceReader()
) throws -> TemplateEvaluator {
    try TemplateEvaluator(
        template: try JSONParser.parse(template).objectValue!, parameters: try JSONParser.parse(parameters).objectValue!,
        context: testContext, reader: reader)
}

/// Evaluates one `[...]` expression string against an otherwise empty template.
func eval(_ expression: String, template: String = "{}", parameters: String = "{}") async throws -> JSONValue {
    try await evaluator(template, parameters: parameters).evaluateValue(.string(expression), scope: .init())
}

func json(_ text: String) -> JSONValue { try! JSONParser.parse(text) }
