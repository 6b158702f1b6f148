/// A catalog document with a malformed entry; the message names the entry (`models[3].skus[0]: …`).
package struct ModelCatalogError: Error, CustomStringConvertible, Sendable {
    package let description: String

    package init(_ description: String) { self.description = description }
}
