import ARMCore
import Foundation
import Identity
import JSON

/// `{"format": "foundry-emulator-state", "version": 1, "resources": [...], "directory": {...},
/// "operations": [...], "activityLog": [...]}`. Reading validates everything before anything is used, so an invalid
/// import changes nothing.
extension StateDocument {
    package var json: JSONValue {
        .object(
            JSONObject([
                ("format", .string(Self.format)),
                ("version", .int(Int64(Self.version))),
                ("resources", .array(resources.map(\.snapshotJSON))),
                ("directory", directory.json),
                ("operations", .array(operations.map(\.snapshotJSON))),
                ("activityLog", .array(activityLog)),
            ]))
    }

    /// Throws `invalid(reason)` naming the first problem found.
    package init(json: JSONValue) throws(StateDocument.Invalid) {
        guard case .object = json else { throw Invalid("The document must be a JSON object.") }
        guard json["format"]?.stringValue == Self.format else {
            throw Invalid("'format' must be '\(Self.format)' (the body of GET /_emulator/state).")
        }
        guard json["version"]?.intValue == Self.version else { throw Invalid("'version' must be \(Self.version).") }
        guard let items = json["resources"]?.arrayValue else { throw Invalid("'resources' must be an array.") }
        var resources: [StoredResource] = []
        var keys = Set<String>()
        for (index, item) in items.enumerated() {
            guard let resource = StoredResource(snapshotJSON: item) else {
                throw Invalid("resources[\(index)] is not a stored resource (id, etag, createdAt, modifiedAt, body, privateState).")
            }
            guard resource.id != .tenantRoot else { throw Invalid("resources[\(index)] has no resource id.") }
            guard keys.insert(resource.id.key).inserted else {
                throw Invalid("resources[\(index)]: the id '\(resource.id)' appears more than once.")
            }
            resources.append(resource)
        }
        guard let directoryJSON = json["directory"], let directory = DirectorySnapshot(json: directoryJSON) else {
            throw Invalid("'directory' must be an object with tenants, subscriptions, servicePrincipals, users and managedIdentities.")
        }
        var operations: [OperationStatus] = []
        var operationIDs = Set<String>()
        for (index, item) in (json["operations"]?.arrayValue ?? []).enumerated() {
            guard let status = OperationStatus(snapshotJSON: item) else {
                throw Invalid("operations[\(index)] is not an operation record.")
            }
            guard operationIDs.insert(status.id).inserted else {
                throw Invalid("operations[\(index)]: the id '\(status.id)' appears more than once.")
            }
            operations.append(status)
        }
        if json["operations"] != nil, json["operations"]?.arrayValue == nil { throw Invalid("'operations' must be an array.") }
        var activityLog: [JSONValue] = []
        if let value = json["activityLog"] {
            guard let items = value.arrayValue else { throw Invalid("'activityLog' must be an array.") }
            for (index, item) in items.enumerated() where item.objectValue == nil {
                throw Invalid("activityLog[\(index)] is not an event object.")
            }
            activityLog = items
        }
        self.init(resources: resources, directory: directory, operations: operations, activityLog: activityLog)
    }

    /// Why a document was refused.
    package struct Invalid: Error, Sendable, Equatable, CustomStringConvertible {
        package let description: String
        package init(_ description: String) { self.description = description }
    }
}
