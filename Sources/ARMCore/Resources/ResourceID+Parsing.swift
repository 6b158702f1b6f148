import EmulatorHTTP

/// Reading ids from paths and bodies.
extension ResourceID {
    /// Parses an id or a path (without host or query). Empty segments are ignored (`//`), literal
    /// segments match in any case. Nil when the text is not a resource id.
    package init?(_ text: String) {
        guard text.hasPrefix("/") else { return nil }
        self.init(segments: text.nonEmptyPathSegments)
    }

    /// Parses already split (and percent-decoded) path segments, e.g. `ARMRequest.segments`.
    package init?(segments: [String]) {
        var index = 0
        let count = segments.count
        func literal(_ position: Int, _ lowered: String) -> Bool {
            position < count && segments[position].equalsIgnoringCase(lowered)
        }
        var subscriptionID: String?
        var resourceGroup: String?
        if literal(0, "subscriptions") {
            guard count >= 2 else { return nil }
            subscriptionID = segments[1]
            index = 2
            if literal(2, "resourcegroups") {
                guard count >= 4 else { return nil }
                resourceGroup = segments[3]
                index = 4
            }
        }
        var providers: [ProviderSegment] = []
        while index < count {
            guard literal(index, "providers"), index + 1 < count else { return nil }
            let namespace = segments[index + 1]
            index += 2
            var types: [String] = []
            var names: [String] = []
            while index < count && !literal(index, "providers") {
                guard index + 1 < count else { return nil }
                types.append(segments[index])
                names.append(segments[index + 1])
                index += 2
            }
            guard !types.isEmpty else { return nil }
            providers.append(ProviderSegment(namespace: namespace, types: types, names: names))
        }
        self.init(subscriptionID: subscriptionID, resourceGroup: resourceGroup, providers: providers)
    }

    /// Parses an id found in a request body; `property` is its JSON path for the error
    /// (`LinkedInvalidPropertyId`, as ARM reports a malformed id in a body).
    package static func parse(_ text: String, property: String) throws -> ResourceID {
        guard let id = ResourceID(text), id != .tenantRoot else { throw ARMError.linkedInvalidPropertyID(text, property: property) }
        return id
    }
}
