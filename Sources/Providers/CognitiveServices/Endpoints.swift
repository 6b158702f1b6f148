import ARMCore
import JSON

/// `properties.endpoint` and `properties.endpoints` of an account (docs/azure-behaviours.md "Accounts: endpoints"), mapped onto
/// the emulator: the real host becomes a path segment under `{origin}/dataplane/`
/// (EMULATOR CHOICE, documented in the README), e.g. `https://X.openai.azure.com/` ->
/// `{origin}/dataplane/X.openai.azure.com/`.
struct Endpoints {
    let baseURL: String
    let kind: String
    let subdomain: String?
    let region: String

    func url(host: String) -> String { "\(baseURL)/dataplane/\(host)/" }

    /// Hosts by family: with a custom subdomain `X.openai.azure.com` and friends, else the
    /// regional `{region}.api.cognitive.microsoft.com` (docs/azure-behaviours.md "Accounts: endpoints").
    var openAIHost: String { subdomain.map { "\($0).openai.azure.com" } ?? regionalHost }
    var cognitiveHost: String { subdomain.map { "\($0).cognitiveservices.azure.com" } ?? regionalHost }
    var foundryHost: String { subdomain.map { "\($0.lowercased()).services.ai.azure.com" } ?? regionalHost }
    var regionalHost: String { "\(region).api.cognitive.microsoft.com" }

    var primary: String {
        kind.lowercased() == "openai" ? url(host: openAIHost) : url(host: cognitiveHost)
    }

    var all: JSONObject {
        var endpoints = JSONObject()
        let openAIKeys = [
            "OpenAI Language Model Instance API", "OpenAI Dall-E API", "OpenAI Model Scaleset API", "OpenAI Moderations API",
            "OpenAI Realtime API", "OpenAI Sora API", "OpenAI Whisper API",
        ]
        switch kind.lowercased() {
        case "openai":
            for key in openAIKeys { endpoints[key] = .string(url(host: openAIHost)) }
            endpoints["Token Service API"] = .string(url(host: cognitiveHost))
        case "aiservices":
            endpoints["AI Foundry API"] = .string(url(host: foundryHost))
            endpoints["Azure AI Model Inference API"] = .string(url(host: foundryHost))
            for key in openAIKeys { endpoints[key] = .string(url(host: openAIHost)) }
            endpoints["Content Safety"] = .string(url(host: cognitiveHost))
            endpoints["Speech Services Speech to Text"] = .string(url(host: cognitiveHost))
            endpoints["Language"] = .string(url(host: cognitiveHost))
            endpoints["Token Service API"] = .string(url(host: cognitiveHost))
        default:
            endpoints[kind] = .string(url(host: cognitiveHost))
            endpoints["Token Service API"] = .string(url(host: cognitiveHost))
        }
        return endpoints
    }

    /// A Foundry project's endpoint (docs/azure-behaviours.md "Accounts: endpoints"):
    /// `https://{acct}.services.ai.azure.com/api/projects/{p}`.
    static func project(baseURL: String, account: String, subdomain: String?, project: String) -> String {
        let label = (subdomain ?? account).lowercased()
        return "\(baseURL)/dataplane/\(label).services.ai.azure.com/api/projects/\(project)"
    }
}
