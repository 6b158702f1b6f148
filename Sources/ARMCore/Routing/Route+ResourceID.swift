import EmulatorHTTP

/// The target of a matched request, as an id.
extension Route {
    /// The longest resource id the path names, spelled with this route's canonical literal
    /// segments and the client's values for its parameters (as ARM returns ids): the resource
    /// itself, the parent of a collection (`…/accounts` -> the resource group) or of a POST action
    /// (`…/accounts/a/listKeys` -> the account). `segments` is the matched request's path.
    package func resourceID(matching segments: [String]) -> ResourceID {
        let pattern = self.segments
        var canonical: [String] = []
        canonical.reserveCapacity(segments.count)
        var index = 0
        for part in pattern {
            switch part {
            case .literal(let text):
                canonical.append(text)
                index += 1
            case .parameter:
                if index < segments.count { canonical.append(segments[index]) }
                index += 1
            case .scope:
                // The scope spans what the other segments leave (none at all for the tenant root).
                let count = max(0, segments.count - (pattern.count - 1))
                canonical += segments[min(index, segments.count)..<min(index + count, segments.count)]
                index += count
            }
        }
        return ResourceID.longestPrefix(of: canonical)
    }

    /// The target of a match: the declared target (`targeting(_:)`) filled with the match's
    /// parameters, else `resourceID(matching:)` of the path.
    package func resourceID(matching segments: [String], parameters: RouteParameters) -> ResourceID {
        guard let target else { return resourceID(matching: segments) }
        var canonical: [String] = []
        for part in target {
            switch part {
            case .literal(let text): canonical.append(text)
            case .parameter(let name): canonical.append(parameters.required(name))
            case .scope(let name): canonical += parameters.required(name).nonEmptyPathSegments
            }
        }
        return ResourceID.longestPrefix(of: canonical)
    }
}
