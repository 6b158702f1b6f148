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
        var result = JSONObject()
        // Exactly the members written below: stored with the resource, spare room would stay.
        let kept = previous?.objectValue.flatMap { $0["createdAt"] == nil ? nil : $0 }
        let created = kept.map { old in ["createdBy", "createdByType", "createdAt"].count { old[$0] != nil } } ?? (caller == nil ? 1 : 3)
        result.reserveCapacity(created + (caller == nil ? 1 : 3))
        if let previous = kept {
            for key in ["createdBy", "createdByType", "createdAt"] {
                if let value = previous[key] { result[key] = value }
            }
        } else {
            if let caller {
                result["createdBy"] = .string(caller.clientName)
                result["createdByType"] = .string(caller.systemDataType)
            }
            result["createdAt"] = timestamp
        }
        if let caller {
            result["lastModifiedBy"] = .string(caller.clientName)
            result["lastModifiedByType"] = .string(caller.systemDataType)
        }
        result["lastModifiedAt"] = timestamp
        return result
    }

    /// Sets `body["systemData"]`, keeping the `created*` fields of `previousBody` when given.
    package static func stamp(_ body: inout JSONObject, caller: Caller?, at date: Date, previousBody: JSONObject? = nil) {
        body["systemData"] = .object(make(caller: caller, at: date, previous: previousBody?["systemData"]))
    }
}
