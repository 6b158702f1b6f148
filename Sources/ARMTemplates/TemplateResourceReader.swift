import ARMCore
import JSON

/// The I/O the template language needs (`reference()`, `list*()`), supplied by the deployment
/// engine; the evaluator itself does none.
package protocol TemplateResourceReader: Sendable {
    /// The resource's state: its `properties` unless `full` (then the whole envelope).
    func reference(_ resourceID: String, apiVersion: String?, full: Bool) async throws -> JSONValue
    /// `POST {resourceID}/{action}` (e.g. `listKeys`) and its response body.
    func list(_ action: String, resourceID: String, apiVersion: String, body: JSONValue?) async throws -> JSONValue
}

/// A reader for validation and pure evaluation: any I/O is an error.
package struct NoResourceReader: TemplateResourceReader {
    package init() {}

    package func reference(_ resourceID: String, apiVersion: String?, full: Bool) async throws -> JSONValue {
        throw TemplateError.function("reference", "the resource '\(resourceID)' cannot be read here")
    }

    package func list(_ action: String, resourceID: String, apiVersion: String, body: JSONValue?) async throws -> JSONValue {
        throw TemplateError.function(action, "the resource '\(resourceID)' cannot be read here")
    }
}
