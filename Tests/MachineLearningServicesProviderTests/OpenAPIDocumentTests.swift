import ARMCore
import DependentsProvider
import Foundation
import Identity
import JSON
import Testing

@testable import MachineLearningServicesProvider

/// Every route of the two providers is in openapi/foundry-emulator.json with its operationId.
@Suite("ML and Dependents OpenAPI document")
struct OpenAPIDocumentTests {
    @Test func everyRouteIsDocumentedWithItsOperationId() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("openapi/foundry-emulator.json"))
        let document = try JSONParser.parse(Array(data))
        let paths = try #require(document["paths"]?.objectValue)
        let store = ResourceStore()
        let routes =
            MachineLearningServicesProvider(directory: Directory(), store: store, operations: LongRunningOperations()).routes
            + DependentsProvider(store: store).routes
        for route in routes {
            let documented = paths[route.pattern]?[route.method.lowercased()]?["operationId"]?.stringValue
            #expect(documented == route.operationID, "\(route.method) \(route.pattern)")
        }
    }
}
