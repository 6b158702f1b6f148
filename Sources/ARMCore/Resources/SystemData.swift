import Foundation
import JSON

/// `systemData` (RPC common-api-contracts "System Metadata"; docs/azure-behaviours.md "Resource envelope and systemData"): who created and
/// last modified a resource and when. `createdBy` is the UPN for users and the application id for
/// applications (`Caller.clientName`); timestamps are UTC with 7 fractional digits.
package enum SystemData {
    /// `systemData` for a write by `caller` at `date`. The `created*` fields of `previous` (the
    /// stored resource's `systemData`) are kept, so an update only moves `lastModified*`.
    /// A nil caller (an internal write) leaves out the `…By` and `…ByType` fields.
    package static func make(caller: Caller?, at date: Date, previous: JSONValue? = nil) -> JSONObject {
        let timestamp = JSONValue.string(ARMTimestamp.string(from: date))
        let kept = previous?.objectValue.flatMap { $0["createdAt"] == nil ? nil : $0 }
        let by = caller.map { (name: JSONValue.string($0.clientName), type: JSONValue.string($0.systemDataType)) }
        // The members are distinct by construction: no search for each key as the setter does
        // (a quarter of building a new resource group's body, callgrind).
        var members: [(key: String, value: JSONValue)] = []
        // Exactly the members written below: stored with the resource, spare room would stay.
        let created = kept.map { old in Self.createdKeys.count { old[$0] != nil } } ?? (by == nil ? 1 : 3)
        members.reserveCapacity(created + (by == nil ? 1 : 3))
        if let previous = kept {
            for key in Self.createdKeys {
                if let value = previous[key] { members.append((key, value)) }
            }
        } else {
            if let by {
                members.append(("createdBy", by.name))
                members.append(("createdByType", by.type))
            }
            members.append(("createdAt", timestamp))
        }
        if let by {
            members.append(("lastModifiedBy", by.name))
            members.append(("lastModifiedByType", by.type))
        }
        members.append(("lastModifiedAt", timestamp))
        return JSONObject(distinctMembers: members)
    }

    static let createdKeys = ["createdBy", "createdByType", "createdAt"]

    /// Sets `body["systemData"]`, keeping the `created*` fields of `previousBody` when given.
    package static func stamp(_ body: inout JSONObject, caller: Caller?, at date: Date, previousBody: JSONObject? = nil) {
        body["systemData"] = .object(make(caller: caller, at: date, previous: previousBody?["systemData"]))
    }
}
