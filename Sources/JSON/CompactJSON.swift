/// A JSON object kept as one exact-size byte buffer instead of a tree of arrays and strings: what
/// the resource store keeps for each body, read back into a `JSONObject` when asked for
/// (docs/performance.md "Compact storage and the PUT tail"). A tree costs a heap object per object and per string
/// longer than 15 bytes, and 40 bytes per member; here a member costs its bytes, member names and
/// the values ARM repeats are a table index (`CompactJSONStrings`), and up to two strings the
/// owner keeps anyway (the resource's id and etag) are a one-byte reference to them.
///
/// Reading back gives the same tree: same members in the same order, integers and doubles as they
/// were (a double's 64 bits), strings with the same UTF-8 bytes, so it serializes to the same bytes.
package struct CompactJSON: Sendable {
    /// The encoding: a tag byte per value, lengths and counts as LEB128 varints.
    package let bytes: [UInt8]

    enum Tag: UInt8 {
        case null, `false`, `true`, int, double, string, tableString, firstShared, secondShared, array, object
        /// The same text as the string written out last (`createdAt` and `lastModifiedAt` of a
        /// new resource).
        case repeatedString
    }

    /// Encodes `object`; strings equal to `first` or `second` are kept as a reference to them, and
    /// must be passed again to `object(sharing:_:)`.
    package init(_ object: JSONObject, sharing first: String? = nil, _ second: String? = nil) {
        var encoder = Encoder(first: first, second: second)
        CompactJSONStrings.shared.withInterning { interning in encoder.writeObject(object, &interning) }
        let scratch = encoder.bytes
        bytes = [UInt8](unsafeUninitializedCapacity: scratch.count) { buffer, count in
            _ = buffer.initialize(from: scratch)
            count = scratch.count
        }
    }

    /// The object back, as it was given.
    package func object(sharing first: String? = nil, _ second: String? = nil) -> JSONObject {
        bytes.withUnsafeBufferPointer { buffer in
            var decoder = Decoder(bytes: buffer, first: first, second: second, table: CompactJSONStrings.shared)
            decoder.position = 1  // the object's tag
            return decoder.readObject()
        }
    }

    struct Encoder {
        var bytes: [UInt8] = []
        let first: String?
        let second: String?
        var lastString: String?

        init(first: String?, second: String?) {
            self.first = first
            self.second = second
            bytes.reserveCapacity(512)
        }

        mutating func writeObject(_ object: JSONObject, _ interning: inout CompactJSONStrings.Interning) {
            bytes.append(Tag.object.rawValue)
            writeVarint(UInt64(object.count))
            for (key, value) in object.pairs {
                let entry = interning.key(key)
                if let entry {
                    writeVarint(UInt64(entry.index) << 1)
                } else {
                    writeVarint(UInt64(key.utf8.count) << 1 | 1)
                    bytes.append(contentsOf: key.utf8)
                }
                if entry?.internsValues == true, case .string(let text) = value, !isShared(text),
                    let index = interning.value(text)
                {
                    bytes.append(Tag.tableString.rawValue)
                    writeVarint(UInt64(index))
                } else {
                    write(value, &interning)
                }
            }
        }

        mutating func write(_ value: JSONValue, _ interning: inout CompactJSONStrings.Interning) {
            switch value {
            case .null: bytes.append(Tag.null.rawValue)
            case .bool(let flag): bytes.append(flag ? Tag.true.rawValue : Tag.false.rawValue)
            case .int(let number):
                bytes.append(Tag.int.rawValue)
                writeVarint(UInt64(bitPattern: (number << 1) ^ (number >> 63)))
            case .double(let number):
                bytes.append(Tag.double.rawValue)
                withUnsafeBytes(of: number.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
            case .string(let text):
                if let first, text == first {
                    bytes.append(Tag.firstShared.rawValue)
                } else if let second, text == second {
                    bytes.append(Tag.secondShared.rawValue)
                } else if text.utf8.count > 2, let lastString, text == lastString {
                    bytes.append(Tag.repeatedString.rawValue)
                } else {
                    bytes.append(Tag.string.rawValue)
                    writeVarint(UInt64(text.utf8.count))
                    bytes.append(contentsOf: text.utf8)
                    lastString = text
                }
            case .array(let items):
                bytes.append(Tag.array.rawValue)
                writeVarint(UInt64(items.count))
                for item in items { write(item, &interning) }
            case .object(let object):
                writeObject(object, &interning)
            }
        }

        func isShared(_ text: String) -> Bool {
            (first.map { text == $0 } ?? false) || (second.map { text == $0 } ?? false)
        }

        mutating func writeVarint(_ value: UInt64) {
            var value = value
            while value >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }
    }

    struct Decoder {
        let bytes: UnsafeBufferPointer<UInt8>
        let first: String?
        let second: String?
        let table: CompactJSONStrings
        var position = 0
        var lastString = ""

        init(bytes: UnsafeBufferPointer<UInt8>, first: String?, second: String?, table: CompactJSONStrings) {
            self.bytes = bytes
            self.first = first
            self.second = second
            self.table = table
        }

        mutating func readObject() -> JSONObject {
            let count = Int(readVarint())
            var pairs: [(key: String, value: JSONValue)] = []
            pairs.reserveCapacity(count)
            for _ in 0..<count {
                let keyCode = Int(readVarint())
                let key = keyCode & 1 == 0 ? table[keyCode >> 1] : readText(length: keyCode >> 1)
                pairs.append((key, read()))
            }
            if count <= JSONObject.indexThreshold { return JSONObject(distinctMembers: pairs) }
            return JSONObject(pairs.map { ($0.key, $0.value) })
        }

        mutating func read() -> JSONValue {
            let tag = Tag(rawValue: bytes[position])!
            position += 1
            switch tag {
            case .null: return .null
            case .false: return .bool(false)
            case .true: return .bool(true)
            case .int:
                let zigzag = readVarint()
                return .int(Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1))
            case .double:
                var pattern: UInt64 = 0
                for offset in 0..<8 { pattern |= UInt64(bytes[position + offset]) << (8 * UInt64(offset)) }
                position += 8
                return .double(Double(bitPattern: pattern))
            case .string:
                lastString = readText(length: Int(readVarint()))
                return .string(lastString)
            case .repeatedString: return .string(lastString)
            case .tableString: return .string(table[Int(readVarint())])
            case .firstShared: return .string(first!)
            case .secondShared: return .string(second!)
            case .array:
                let count = Int(readVarint())
                var items: [JSONValue] = []
                items.reserveCapacity(count)
                for _ in 0..<count { items.append(read()) }
                return .array(items)
            case .object: return .object(readObject())
            }
        }

        mutating func readText(length: Int) -> String {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<position + length]), as: UTF8.self)
            position += length
            return text
        }

        mutating func readVarint() -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let byte = bytes[position]
                position += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
        }
    }
}
