/// A seed file whose `quotas` entries cannot be read; the message names the entry.
public struct QuotaSeedError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) { self.description = description }
}
