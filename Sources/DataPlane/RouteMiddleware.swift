import Foundation

/// Second step: the route, and the api-version rule of its surface. The classic routes need
/// `api-version` (openai-python's `AzureOpenAI` always sends it); the v1 routes take it optionally
/// ("api-version is no longer a required parameter", learn.microsoft.com/azure/ai-foundry/openai/api-version-lifecycle);
/// the project routes take `v1`.
struct RouteMiddleware: DataPlaneMiddleware {
    let router: DataPlaneRouter

    func respond(to request: DataPlaneRequest, next: any DataPlaneResponder) async throws -> DataPlaneAnswer {
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
        var request = request
        request.route = route
        request.parameters = parameters
        return try await next.respond(to: request)
    }

    /// EMULATOR CHOICE (docs/dataplane.md): any `YYYY-MM-DD` or `YYYY-MM-DD-preview` from the first
    /// Azure OpenAI GA version (2022-12-01) on; the service's exact list changes every month.
    static func isDatedVersion(_ version: String) -> Bool {
        let bytes = Array(version.utf8)
        let core = bytes.count == 10 ? bytes : (version.lowercased().hasSuffix("-preview") && bytes.count == 18 ? Array(bytes[0..<10]) : [])
        guard core.count == 10, core[4] == UInt8(ascii: "-"), core[7] == UInt8(ascii: "-") else { return false }
        let digits = core.enumerated().filter { $0.offset != 4 && $0.offset != 7 }.map(\.element)
        guard digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return false }
        let text = String(decoding: core, as: UTF8.self)
        let month = Int(text.dropFirst(5).prefix(2)) ?? 0
        let day = Int(text.suffix(2)) ?? 0
        return text >= "2022-12-01" && (1...12).contains(month) && (1...31).contains(day)
    }
}
