/// A seed file whose `quotas` entries cannot be read; the message names the entry.
package struct QuotaSeedError: Error, CustomStringConvertible, Sendable {
    package let description: String

    package init(_ description: String) { self.description = description }
}
