import ARMCore
import Foundation
import JSON

/// `storageAccounts/{a}/blobServices/default/containers/{name}` (Storage Blob Containers API):
/// PUT 200/201, GET, DELETE 200/204, list. Projects' containers are created here by the ML service,
/// with internal requests.
extension DependentsProvider {
    static let containerType = "Microsoft.Storage/storageAccounts/blobServices/containers"

    var containerRoutes: [Route] {
        let account = Self.resourceGroupPattern + "/providers/Microsoft.Storage/storageAccounts/{accountName}"
        let collection = account + "/blobServices/default/containers"
        let item = collection + "/{containerName}"
        let action = "Microsoft.Storage/storageAccounts/blobServices/containers/"
        return [
            Route("PUT", item, operationID: "BlobContainers_Create", action: action + "write") { request, parameters in
                try createContainer(request, parameters)
            },
            Route("GET", item, operationID: "BlobContainers_Get", action: action + "read") { request, parameters in
                _ = try requireAccount(request)
                return .ok(.object(try store.require(request.resourceID).body))
            },
            Route("DELETE", item, operationID: "BlobContainers_Delete", action: action + "delete") { request, parameters in
                _ = try requireAccount(request)
                return ARMResponse(status: try store.delete(request.resourceID) == nil ? 204 : 200)
            },
            Route("GET", collection, operationID: "BlobContainers_List", action: action + "read") { request, parameters in
                let account = try requireAccount(request)
                return try Pager(request: request).list(store, under: account, types: [Self.containerType])
            },
        ]
    }

    func requireAccount(_ request: ARMRequest) throws -> ResourceID {
        try requireParent(request, type: "storageAccounts")
    }

    /// Blob container names: 3-63 characters, lower-case letters, digits and single hyphens.
    static func isValidContainerName(_ name: String) -> Bool {
        let characters = Array(name)
        guard (3...63).contains(characters.count), characters[0] != "-", characters.last != "-", !name.contains("--") else {
            return false
        }
        return characters.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }

    func createContainer(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        _ = try requireAccount(request)
        let name = parameters.required("containerName")
        guard Self.isValidContainerName(name) else { throw ARMError.containerNameInvalid(name) }
        let input = try request.optionalJSONBody() ?? JSONObject()
        let id = request.resourceID
        let write = try store.upsert(id, precondition: request.precondition) { existing in
            (Self.containerBody(id: id, properties: input["properties"]?.objectValue, at: now()), existing?.privateState ?? JSONObject())
        }
        return ARMResponse(status: write.created ? 201 : 200, body: .object(write.resource.body))
    }

    /// The container envelope.
    static func containerBody(id: ResourceID, properties input: JSONObject?, at date: Date) -> JSONObject {
        var properties = input ?? JSONObject()
        properties["publicAccess"] = properties["publicAccess"] ?? "None"
        properties["lastModifiedTime"] = .string(ARMTimestamp.string(from: date))
        properties["leaseStatus"] = "Unlocked"
        properties["leaseState"] = "Available"
        properties["hasImmutabilityPolicy"] = false
        properties["hasLegalHold"] = false
        properties["deleted"] = false
        return JSONObject([
            ("id", .string(id.description)), ("name", .string(id.name)), ("type", .string(containerType)),
            ("properties", .object(properties)),
        ])
    }
}
