/// A catalog document with a malformed entry; the message names the entry (`models[3].skus[0]: …`).
public struct ModelCatalogError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) { self.description = description }
}
