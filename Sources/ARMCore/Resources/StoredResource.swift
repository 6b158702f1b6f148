import Foundation
import JSON

/// One resource in the store: its id, the full envelope clients get back, and bookkeeping.
package struct StoredResource: Sendable, Equatable {
    package var id: ResourceID
    /// The envelope returned to clients (`id`, `name`, `type`, `location`, `tags`, `etag`,
    /// `systemData`, `properties`, …).
    package var body: JSONObject
    /// The quoted entity tag, e.g. `"5b0132c6-…"` including the quotes (docs/azure-behaviours.md "ETags and conditional requests"). Changes
    /// on every write.
    package var etag: String
    package var createdAt: Date
    package var modifiedAt: Date
    /// Provider-private state that is never rendered (account keys, soft-delete bookkeeping, …).
    package var privateState: JSONObject

    package init(
        id: ResourceID, body: JSONObject, etag: String, createdAt: Date, modifiedAt: Date? = nil,
        privateState: JSONObject = JSONObject()
    ) {
        self.id = id
        self.body = body
        self.etag = etag
        self.createdAt = createdAt
        self.modifiedAt = modifiedAt ?? createdAt
        self.privateState = privateState
    }

    /// `id.fullType`.
    package var type: String { id.fullType }
}

extension StoredResource {
    /// A self-describing JSON form for snapshots (durability): the body and the bookkeeping.
    package var snapshotJSON: JSONValue {
        [
            "id": .string(id.description),
            "etag": .string(etag),
            "createdAt": .string(ARMTimestamp.string(from: createdAt)),
            "modifiedAt": .string(ARMTimestamp.string(from: modifiedAt)),
            "body": .object(body),
            "privateState": .object(privateState),
        ]
    }

    /// Reads `snapshotJSON` back; nil when it is not one.
    package init?(snapshotJSON json: JSONValue) {
        guard let idText = json["id"]?.stringValue, let id = ResourceID(idText),
            let etag = json["etag"]?.stringValue,
            let created = json["createdAt"]?.stringValue.flatMap(ARMTimestamp.date(from:)),
            var body = json["body"]?.objectValue
        else { return nil }
        // Read back, the body's `id` and `etag` are strings of their own; one written here shares
        // them with `id` and `etag`, so share them again (equal text, same bytes served).
        if body["id"]?.stringValue == id.description { body["id"] = .string(id.description) }
        if body["etag"]?.stringValue == etag { body["etag"] = .string(etag) }
        self.init(
            id: id, body: body, etag: etag, createdAt: created,
            modifiedAt: json["modifiedAt"]?.stringValue.flatMap(ARMTimestamp.date(from:)),
            privateState: json["privateState"]?.objectValue ?? JSONObject())
    }
}
