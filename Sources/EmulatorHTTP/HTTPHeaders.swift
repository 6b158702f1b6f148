/// An ordered list of HTTP header fields. Names compare case-insensitively (RFC 9110 section 5.1);
/// the order and spelling the peer sent are kept.
package struct HTTPHeaders: Sendable, Equatable, Sequence {
    package private(set) var fields: [(name: String, value: String)]

    package init(_ fields: [(name: String, value: String)] = []) {
        self.fields = fields
    }

    /// The first value of `name`, or nil.
    package subscript(name: String) -> String? {
        for field in fields where field.name.utf8.count == name.utf8.count && Self.namesMatch(field.name, name) {
            return field.value
        }
        return nil
    }

    /// Every value of `name`, in order.
    package func values(_ name: String) -> [String] {
        fields.filter { Self.namesMatch($0.name, name) }.map(\.value)
    }

    package func contains(_ name: String) -> Bool { self[name] != nil }

    /// Appends a field, keeping any existing ones of the same name.
    package mutating func add(_ name: String, _ value: String) {
        fields.append((name, value))
    }

    /// Room for `count` fields in all, so appending up to that many allocates no more.
    package mutating func reserveCapacity(_ count: Int) {
        fields.reserveCapacity(count)
    }

    /// Replaces every field of `name` with one field.
    package mutating func set(_ name: String, _ value: String) {
        remove(name)
        fields.append((name, value))
    }

    package mutating func remove(_ name: String) {
        fields.removeAll { Self.namesMatch($0.name, name) }
    }

    package func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }

    package static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.count == rhs.fields.count
            && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    /// `lhs.lowercased() == rhs.lowercased()` without allocating for ASCII names (every valid field
    /// name is ASCII).
    static func namesMatch(_ lhs: String, _ rhs: String) -> Bool { lhs.equalsIgnoringCase(rhs) }
}
