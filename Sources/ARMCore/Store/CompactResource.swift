import Foundation
import JSON

/// A stored resource as the store keeps it: the record of a `StoredResource` with its body as
/// one byte buffer (`CompactJSON`) instead of a JSON tree, which cost about three times the
/// body's bytes (docs/performance.md "Compact storage and the PUT tail"). Strings equal to the id's text or the etag
/// are kept as a reference to them, and the etag as its 128 bits (`CompactETag`). Reads answer
/// the `StoredResource` with its body read back, so providers see what they stored.
final class CompactResource: Sendable {
    let id: ResourceID
    private let compactETag: CompactETag
    let body: CompactJSON
    let createdAt: Date
    let modifiedAt: Date
    let privateState: JSONObject

    init(_ resource: StoredResource) {
        id = resource.id
        compactETag = CompactETag(resource.etag)
        body = CompactJSON(resource.body, sharing: resource.id.description, resource.etag)
        createdAt = resource.createdAt
        modifiedAt = resource.modifiedAt
        privateState = resource.privateState
    }

    var etag: String { compactETag.description }

    /// The record with its body read back (or found among those read recently).
    var resource: StoredResource { ReadBackResources.shared.resource(of: self) }

    /// The record with its body read back.
    func readBack() -> StoredResource {
        let etag = etag
        return StoredResource(
            id: id, body: body.object(sharing: id.description, etag), etag: etag, createdAt: createdAt, modifiedAt: modifiedAt,
            privateState: privateState)
    }
}
