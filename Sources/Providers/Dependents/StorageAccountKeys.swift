import ARMCore
import Foundation
import JSON

/// A storage account's two access keys, kept in the account's private state under `keys`:
/// `{keyName, value, permissions, creationTime}` as `listKeys` returns them
/// (https://learn.microsoft.com/rest/api/storagerp/storage-accounts/list-keys). A value is 64 random
/// bytes in base64 (88 characters), the form Azure issues.
enum StorageAccountKeys {
    static let names = ["key1", "key2"]

    static func initial(at date: Date) -> JSONObject {
        ["keys": .array(names.map { key($0, at: date) })]
    }

    static func key(_ name: String, at date: Date) -> JSONValue {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<64).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return .object(
            JSONObject([
                ("keyName", .string(name)), ("value", .string(Data(bytes).base64EncodedString())), ("permissions", "FULL"),
                ("creationTime", .string(ARMTimestamp.string(from: date))),
            ]))
    }

    /// The keys in `state`, made on first use for accounts stored before keys existed (a journal of
    /// an older version, where the ML provider wrote hubs' accounts through the store).
    static func keys(in state: JSONObject, at date: Date) -> [JSONValue] {
        state["keys"]?.arrayValue ?? (initial(at: date)["keys"]?.arrayValue ?? [])
    }
}
