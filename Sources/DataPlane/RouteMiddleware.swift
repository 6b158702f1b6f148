import Foundation

/// Second step: the route, and the api-version rule of its surface. The classic routes need
/// `api-version` (openai-python's `AzureOpenAI` always sends it); the v1 routes take it optionally
/// ("api-version is no longer a required parameter", learn.microsoft.com/azure/ai-foundry/openai/api-version-lifecycle);
/// the project routes take `v1`.
struct RouteMiddleware: DataPlaneStep {
    let router: DataPlaneRouter

    func prepare(_ request: DataPlaneRequest) throws {
        let (route, parameters) = try router.match(method: request.http.method, segments: request.segments)
        let version = request.query["api-version"]
        switch route.surface {
        case .classic:
            guard let version else { throw DataPlaneError.missingAPIVersion() }
            guard Self.isDatedVersion(version) else { throw DataPlaneError.unsupportedAPIVersion() }
        case .v1:
            if let version, !["preview", "latest", "v1"].contains(version.lowercased()), !Self.isDatedVersion(version) {
                throw DataPlaneError.unsupportedAPIVersion()
            }
        case .modelInference:
            if let version, !Self.isDatedVersion(version) { throw DataPlaneError.unsupportedAPIVersion() }
        case .project:
            if let version, !["v1", "2025-05-01", "2025-05-15-preview"].contains(version.lowercased()), !Self.isDatedVersion(version) {
                throw DataPlaneError.unsupportedAPIVersion()
            }
        }
        request.route = route
        request.parameters = parameters
    }

    /// EMULATOR CHOICE (docs/dataplane.md): any `YYYY-MM-DD` or `YYYY-MM-DD-preview` from the first
    /// Azure OpenAI GA version (2022-12-01) on; the service's exact list changes every month.
    static func isDatedVersion(_ version: String) -> Bool {
        let bytes = version.utf8
        guard bytes.count == 10 || (bytes.count == 18 && version.lowercased().hasSuffix("-preview")) else { return false }
        // YYYY-MM-DD read as the number YYYYMMDD, on the bytes (this runs on every call).
        var date = 0
        for (offset, byte) in bytes.prefix(10).enumerated() {
            if offset == 4 || offset == 7 {
                guard byte == UInt8(ascii: "-") else { return false }
                continue
            }
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return false }
            date = date * 10 + Int(byte - UInt8(ascii: "0"))
        }
        let month = date / 100 % 100
        let day = date % 100
        return date >= 2022_12_01 && (1...12).contains(month) && (1...31).contains(day)
    }
}
