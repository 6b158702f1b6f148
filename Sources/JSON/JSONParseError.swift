/// Why a document is not JSON, in JSON.NET's words ("{problem} Path 'properties.a', line 1,
/// position 12."), because ARM and the data plane quote that text in their 400s. Each API maps it
/// to its own error shape (ARM: `InvalidRequestContent`, see `ARMError(_:)` in ARMCore).
package struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    package let detail: String

    package init(detail: String) { self.detail = detail }

    package var description: String { detail }
}
