import Foundation
import JSON

/// A stored resource as the store keeps it: the record of a `StoredResource` with its body as
/// one byte buffer (`CompactJSON`) instead of a JSON tree, which cost about three times the
/// body's bytes (docs/performance.md "Fifth pass"). Strings equal to the id's text or the etag
/// are kept as a reference to them. Reads answer the `StoredResource` with its body read back,
/// so providers see what they stored.
final class CompactResource: Sendable {
    let id: ResourceID
    let etag: String
    let body: CompactJSON
    let createdAt: Date
    let modifiedAt: Date
    let privateState: JSONObject

    init(_ resource: StoredResource) {
        id = resource.id
        etag = resource.etag
        body = CompactJSON(resource.body, sharing: resource.id.description, resource.etag)
        createdAt = resource.createdAt
        modifiedAt = resource.modifiedAt
        privateState = resource.privateState
    }

    /// The record with its body read back (or found among those read recently).
    var resource: StoredResource {
        StoredResource(
            id: id, body: ReadBackBodies.shared.body(of: body, id: id.description, etag: etag), etag: etag, createdAt: createdAt,
            modifiedAt: modifiedAt, privateState: privateState)
    }
}
