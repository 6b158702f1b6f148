import ARMCore

/// A deployment's limits, read from its `properties.rateLimits` as the control plane wrote them
/// from its capacity (`[{"key":"request","renewalPeriod":10,"count":C},{"key":"token","renewalPeriod":60,"count":C*1000}]`
/// for Standard SKUs; learn.microsoft.com/azure/ai-foundry/openai/how-to/quota). Read on every
/// call, so a capacity change takes effect at once.
package struct DeploymentRateLimits: Sendable, Equatable {
    package var requests: Int?
    package var requestPeriod: Double
    package var tokens: Int?
    package var tokenPeriod: Double

    package init(requests: Int?, requestPeriod: Double = 10, tokens: Int?, tokenPeriod: Double = 60) {
        self.requests = requests
        self.requestPeriod = requestPeriod
        self.tokens = tokens
        self.tokenPeriod = tokenPeriod
    }

    package init(deployment: StoredResource) {
        self.init(requests: nil, tokens: nil)
        for rule in deployment.body["properties"]?["rateLimits"]?.arrayValue ?? [] {
            guard let count = rule["count"]?.intValue else { continue }
            let period = rule["renewalPeriod"]?.doubleValue ?? (rule["key"]?.stringValue == "token" ? 60 : 10)
            switch rule["key"]?.stringValue?.lowercased() {
            case "request":
                requests = count
                requestPeriod = max(1, period)
            case "token":
                tokens = count
                tokenPeriod = max(1, period)
            default:
                continue
            }
        }
    }
}
