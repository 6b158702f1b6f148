import ARMCore
import Foundation
import JSON

extension Emulator {
    /// Every operation the emulator serves, as method and path template: the routes of its route
    /// groups. `openapi/foundry-emulator.json` must list exactly these (EmulatorTests/OpenAPIDocumentTests).
    package var servedOperations: [(method: String, path: String)] {
        routeInventory.map { (method: $0.method, path: $0.path) }
    }

    /// Every route of every group, in dispatch order (the ARM group last).
    package var routeInventory: [RouteInventoryEntry] {
        (handler.groups + [handler.otherwise]).flatMap(\.routes)
    }

    /// `--print-routes`: the route inventory as JSON, one object per operation, for
    /// `scripts/generate-openapi`.
    package var routeInventoryJSON: String {
        let entries: [JSONValue] = routeInventory.map { entry in
            var object: JSONObject = [
                "group": .string(entry.group), "method": .string(entry.method), "path": .string(entry.path),
                "operationId": .string(entry.operationID),
            ]
            if let action = entry.action { object["action"] = .string(action) }
            return .object(object)
        }
        return String(decoding: JSONValue.array(entries).serialized(), as: UTF8.self)
    }
}
