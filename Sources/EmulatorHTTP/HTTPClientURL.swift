/// An absolute `http://` or `https://` URL as the client sends it: where to connect, and the
/// request-target (RFC 9112 section 3.2.1, origin-form). User information and fragments are not
/// sent (RFC 9110 section 4.2.4 deprecates `user@` in http URLs; a fragment is the client's own).
package struct HTTPClientURL: Sendable, Equatable {
    package var isTLS: Bool
    /// The host without brackets: `localhost`, `127.0.0.1`, `::1`.
    package var host: String
    package var port: Int
    /// The request-target: the path (at least `/`) and the query.
    package var pathAndQuery: String

    package init(_ text: String) throws(HTTPClientError) {
        let invalid = HTTPClientError(.invalidRequest, "'\(text)' is not an absolute http:// or https:// URL.")
        let lowered = text.lowercased()
        let rest: Substring
        if lowered.hasPrefix("https://") {
            isTLS = true
            rest = text.dropFirst("https://".count)
        } else if lowered.hasPrefix("http://") {
            isTLS = false
            rest = text.dropFirst("http://".count)
        } else {
            throw invalid
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var target = rest[authorityEnd...]
        if let fragment = target.firstIndex(of: "#") { target = target[..<fragment] }
        guard !authority.isEmpty, !authority.contains("@"),
            target.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else { throw invalid }
        pathAndQuery = target.hasPrefix("/") ? String(target) : "/" + target
        let defaultPort = isTLS ? 443 : 80
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw invalid }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { throw invalid }
            port = try Self.port(after.dropFirst(), default: defaultPort, invalid: invalid)
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            port = try Self.port(authority[authority.index(after: colon)...], default: defaultPort, invalid: invalid)
        } else {
            host = String(authority)
            port = defaultPort
        }
        guard !host.isEmpty, host.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else { throw invalid }
    }

    /// `Host` as RFC 9110 section 7.2 wants it: brackets around IPv6, the port unless it is the default.
    var hostField: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == (isTLS ? 443 : 80) ? name : "\(name):\(port)"
    }

    /// An IP literal gets no SNI (RFC 6066 section 3) and is checked against the certificate's IP
    /// addresses instead of its DNS names.
    var hostIsAddress: Bool {
        host.contains(":") || host.unicodeScalars.allSatisfy { $0 == "." || ("0"..."9").contains($0) }
    }

    private static func port(_ text: Substring, default defaultPort: Int, invalid: HTTPClientError) throws(HTTPClientError) -> Int {
        if text.isEmpty { return defaultPort }
        guard text.count <= 5, text.allSatisfy({ ("0"..."9").contains($0) }), let port = Int(text), (1...65535).contains(port) else {
            throw invalid
        }
        return port
    }
}
