import ARMCore
import JSON

/// What tells serverless endpoints and online endpoints apart in their shared handlers: the child
/// collection, the operation group, the allowed `authMode`s and the server-filled URIs.
struct EndpointFlavor: Sendable {
    let collection: String
    let group: String
    let authModes: [String]
    let uri: @Sendable (_ name: String, _ location: String) -> JSONObject
}

extension EndpointFlavor {
    static let serverless = EndpointFlavor(
        collection: "serverlessEndpoints", group: "ServerlessEndpoints", authModes: ["Key", "AAD", "KeyAndAAD"],
        uri: { name, location in
            [
                "inferenceEndpoint": ["uri": .string("https://\(name).\(location).models.ai.azure.com"), "headers": [:]],
                "endpointState": "Online",
            ]
        })

    static let online = EndpointFlavor(
        collection: "onlineEndpoints", group: "OnlineEndpoints", authModes: ["AMLToken", "Key", "AADToken"],
        uri: { name, location in
            [
                "scoringUri": .string("https://\(name).\(location).inference.ml.azure.com/score"),
                "swaggerUri": .string("https://\(name).\(location).inference.ml.azure.com/swagger.json"),
            ]
        })
}
