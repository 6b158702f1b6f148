/// JSON Merge Patch (RFC 7396), which ARM PATCH applies to `properties` (docs/azure-behaviours.md "Verbs and status codes").
extension JSONObject {
    /// Applies `patch` in place: a `null` member removes the key, an object member merges
    /// recursively, anything else (arrays included) replaces the value.
    package mutating func mergePatch(_ patch: JSONObject) {
        patch.forEachMember { key, value in
            switch value {
            case .null:
                self[key] = nil
            case .object(let patchObject):
                var target = self[key]?.objectValue ?? JSONObject()
                target.mergePatch(patchObject)
                self[key] = .object(target)
            default:
                self[key] = value
            }
        }
    }

    /// A copy with `patch` applied.
    package func mergingPatch(_ patch: JSONObject) -> JSONObject {
        var copy = self
        copy.mergePatch(patch)
        return copy
    }
}

extension JSONValue {
    /// RFC 7396 `MergePatch(Target, Patch)` for any values: a non-object patch replaces the target.
    package func mergingPatch(_ patch: JSONValue) -> JSONValue {
        guard case .object(let patchObject) = patch else { return patch }
        return .object((objectValue ?? JSONObject()).mergingPatch(patchObject))
    }
}
