import ARMCore
import Foundation
import JSON

/// `vaults/{v}/secrets/{name}` (Key Vault management API): the vault's secret store. ARM accepts a
/// secret's `value` on PUT but never returns it (the value is read over the data plane, which the
/// emulator does not serve); it is kept in the secret's private state under `value`, which is
/// where the ML provider keeps connection credentials.
extension DependentsProvider {
    static let secretType = "Microsoft.KeyVault/vaults/secrets"

    var secretRoutes: [Route] {
        let vault = Self.resourceGroupPattern + "/providers/Microsoft.KeyVault/vaults/{vaultName}"
        let collection = vault + "/secrets"
        let item = collection + "/{secretName}"
        return [
            Route("PUT", item, operationID: "Secrets_CreateOrUpdate", action: "Microsoft.KeyVault/vaults/secrets/write") {
                request, parameters in try createSecret(request, parameters)
            },
            Route("GET", item, operationID: "Secrets_Get", action: "Microsoft.KeyVault/vaults/secrets/read") { request, parameters in
                _ = try requireVault(request)
                return .ok(.object(try store.require(request.resourceID).body))
            },
            Route("GET", collection, operationID: "Secrets_List", action: "Microsoft.KeyVault/vaults/secrets/read") { request, parameters in
                let vault = try requireVault(request)
                return try Pager(request: request).list(store, under: vault, types: [Self.secretType])
            },
        ]
    }

    func requireVault(_ request: ARMRequest) throws -> ResourceID {
        try requireParent(request, type: "vaults")
    }

    func createSecret(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        _ = try requireVault(request)
        let name = parameters.required("secretName")
        guard (1...127).contains(name.count), name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            throw ARMError.secretNameInvalid(name)
        }
        let input = try request.jsonBody()
        let value = input["properties"]?["value"]?.stringValue ?? ""
        let id = request.resourceID
        let vaultName = parameters.required("vaultName")
        let write = try store.upsert(id, precondition: request.precondition) { existing in
            (Self.secretBody(id: id, vaultName: vaultName, at: now()), ["value": .string(value)])
        }
        return ARMResponse(status: write.created ? 201 : 200, body: .object(write.resource.body))
    }

    /// The secret envelope without its value.
    static func secretBody(id: ResourceID, vaultName: String, at date: Date) -> JSONObject {
        let seconds = JSONValue.int(Int64(date.timeIntervalSince1970))
        return JSONObject([
            ("id", .string(id.description)), ("name", .string(id.name)), ("type", .string(secretType)),
            (
                "properties",
                [
                    "attributes": ["enabled": true, "created": seconds, "updated": seconds],
                    "secretUri": .string("https://\(vaultName).vault.azure.net/secrets/\(id.name)"),
                    "secretUriWithVersion": .string(
                        "https://\(vaultName).vault.azure.net/secrets/\(id.name)/" + newGUID().replacingOccurrences(of: "-", with: "")),
                ]
            ),
        ])
    }
}
