/// Tag limits (learn.microsoft.com "tag-resources#limitations"; docs/azure-behaviours.md "Name and tag rules"): at most 50
/// name/value pairs, names up to 512 characters without `< > % & \ ? /`, values up to 256
/// characters, values are strings. Names are case-insensitive, so two spellings of one name are a
/// duplicate. Lengths count UTF-16 code units, as ARM (.NET) does.
import JSON
package enum TagRules {
    package static let maxCount = 50
    package static let maxNameLength = 512
    /// Storage accounts allow only 128 (docs/azure-behaviours.md "Name and tag rules").
    package static let maxNameLengthStorage = 128
    package static let maxValueLength = 256

    /// Validates a `tags` property and answers it as an object of strings (empty when absent or
    /// null). `maxNameLength` lets a provider apply a stricter limit.
    @discardableResult
    package static func validate(_ tags: JSONValue?, maxNameLength: Int = maxNameLength) throws -> JSONObject {
        guard let tags, tags != .null else { return JSONObject() }
        guard case .object(let object) = tags else { throw ARMError.tagsNotObject }
        guard object.count <= maxCount else { throw ARMError.tooManyTags(limit: maxCount) }
        var seen = Set<String>()
        for (name, value) in object.pairs {
            guard !name.isEmpty else { throw ARMError.emptyTagName }
            guard name.utf16.count <= maxNameLength else { throw ARMError.tagNameTooLong(name, limit: maxNameLength) }
            guard !name.unicodeScalars.contains(where: isForbiddenInName) else { throw ARMError.invalidTagNameCharacters(name) }
            guard seen.insert(name.lowercased()).inserted else { throw ARMError.duplicateTagName(name) }
            guard case .string(let text) = value else { throw ARMError.tagValueNotString(name: name) }
            guard text.utf16.count <= maxValueLength else {
                throw ARMError.tagValueTooLong(name: name, value: text, limit: maxValueLength)
            }
        }
        return object
    }

    static func isForbiddenInName(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "<", ">", "%", "&", "\\", "?", "/": true
        default: false
        }
    }
}
