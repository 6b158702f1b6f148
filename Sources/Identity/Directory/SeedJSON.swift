import ARMCore
import JSON

/// Decodes any JSON value into ARMCore's `JSONValue` (the seed's raw `roleAssignments`).
struct SeedJSON: Decodable {
    var value: JSONValue

    init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !array.isAtEnd { items.append(try array.decode(SeedJSON.self).value) }
            value = .array(items)
            return
        }
        if let object = try? decoder.container(keyedBy: DirectorySeed.AnyKey.self) {
            var result = JSONObject()
            // allKeys order is not the document's; sort so that the result is at least stable.
            for key in object.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                result[key.stringValue] = try object.decode(SeedJSON.self, forKey: key).value
            }
            value = .object(result)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            value = .null
        } else if let bool = try? single.decode(Bool.self) {
            value = .bool(bool)
        } else if let int = try? single.decode(Int64.self) {
            value = .int(int)
        } else if let double = try? single.decode(Double.self) {
            value = .double(double)
        } else {
            value = .string(try single.decode(String.self))
        }
    }
}
