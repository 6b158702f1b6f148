/// Why a directory change or a seed file was refused. The message names the offending field.
package struct DirectoryError: Error, Sendable, Equatable, CustomStringConvertible {
    package var message: String
    /// The change names an object the directory does not hold (Graph answers 404 for it).
    package var isNotFound: Bool

    package init(_ message: String, isNotFound: Bool = false) {
        self.message = message
        self.isNotFound = isNotFound
    }

    package var description: String { message }

    static func conflict(_ what: String, _ value: String) -> DirectoryError {
        DirectoryError("\(what) '\(value)' already exists in the directory.")
    }

    static func notFound(_ what: String, _ value: String) -> DirectoryError {
        DirectoryError("\(what) '\(value)' was not found in the directory.", isNotFound: true)
    }
}
