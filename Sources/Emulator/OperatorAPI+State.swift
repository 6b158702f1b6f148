import ARMCore
import JSON
import Persistence

/// `GET`/`PUT /_emulator/state` (docs/durability-and-load.md): export and import of the whole world.
extension OperatorAPI {
    var stateRoutes: [Route] {
        [
            Route("GET", "/_emulator/state", operationID: "Emulator_ExportState", action: nil) { _, _ in
                .ok(emulator.exportStateJSON())
            },
            // 200 with the world as now stored (the import, with running operations settled).
            Route("PUT", "/_emulator/state", operationID: "Emulator_ImportState", action: nil) { request, _ in
                let body: JSONValue
                do {
                    body = try JSONParser.parse(request.http.body, maxDepth: JSONParser.defaultMaxDepth + 8)
                } catch {
                    throw ARMError.invalidStateDocument("The body is not JSON (\(error)).")
                }
                try emulator.importState(body)
                return .ok(emulator.exportStateJSON())
            },
        ]
    }
}
