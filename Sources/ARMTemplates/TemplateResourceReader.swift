import ARMCore

/// The I/O the template language needs (`reference()`, `list*()`), supplied by the deployment
/// engine; the evaluator itself does none.
public protocol TemplateResourceReader: Sendable {
    /// The resource's state: its `properties` unless `full` (then the whole envelope).
    func reference(_ resourceID: String, apiVersion: String?, full: Bool) async throws -> JSONValue
    /// `POST {resourceID}/{action}` (e.g. `listKeys`) and its response body.
    func list(_ action: String, resourceID: String, apiVersion: String, body: JSONValue?) async throws -> JSONValue
}

/// A reader for validation and pure evaluation: any I/O is an error.
public struct NoResourceReader: TemplateResourceReader {
    public init() {}

    public func reference(_ resourceID: String, apiVersion: String?, full: Bool) async throws -> JSONValue {
        throw TemplateError.function("reference", "the resource '\(resourceID)' cannot be read here")
    }

    public func list(_ action: String, resourceID: String, apiVersion: String, body: JSONValue?) async throws -> JSONValue {
        throw TemplateError.function(action, "the resource '\(resourceID)' cannot be read here")
    }
}
