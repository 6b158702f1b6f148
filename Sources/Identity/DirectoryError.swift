/// Why a directory change or a seed file was refused. The message names the offending field.
public struct DirectoryError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    static func conflict(_ what: String, _ value: String) -> DirectoryError {
        DirectoryError("\(what) '\(value)' already exists in the directory.")
    }

    static func notFound(_ what: String, _ value: String) -> DirectoryError {
        DirectoryError("\(what) '\(value)' was not found in the directory.")
    }
}
