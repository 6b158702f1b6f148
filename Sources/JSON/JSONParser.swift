/// A byte-level JSON parser (RFC 8259) for request bodies. It works on the UTF-8 bytes directly
/// (no `Character` per byte) and is strict where ARM is: invalid UTF-8, lone surrogates, duplicate
/// keys, NaN/Infinity, numbers that overflow a Double, nesting deeper than `maxDepth` and trailing
/// text are all rejected with a `JSONParseError` carrying a JSON.NET-style detail
/// ("… Path 'properties.a', line 1, position 12."), as ARM's deserializer reports them (docs/azure-behaviours.md "Error responses").
///
/// `Options.jsonc` relaxes the grammar for the one client that needs it: azure-cli's template
/// deployments send `//` comments and an unquoted `template` key (docs/azure-behaviours.md "azure-cli specifics").
package enum JSONParser {
    package struct Options: OptionSet, Sendable {
        package let rawValue: Int
        package init(rawValue: Int) { self.rawValue = rawValue }

        /// `// line` and `/* block */` comments count as whitespace.
        package static let allowComments = Options(rawValue: 1 << 0)
        /// Object keys made of `[A-Za-z0-9_$]` may go without quotes.
        package static let allowUnquotedKeys = Options(rawValue: 1 << 1)
        /// A `,` before `]` or `}` is ignored.
        package static let allowTrailingCommas = Options(rawValue: 1 << 2)
        /// What azure-cli's `JsonCTemplatePolicy` produces.
        package static let jsonc: Options = [.allowComments, .allowUnquotedKeys, .allowTrailingCommas]
        /// RFC 8259 only. The default arguments name it rather than `[]`: an empty array literal
        /// builds the set through the generic `SetAlgebra.init`, about 1% of a PUT (perf).
        package static let strict = Options(rawValue: 0)
    }

    /// JSON.NET's default `MaxDepth`, which ARM's deserializer keeps.
    package static let defaultMaxDepth = 64

    /// Parses one JSON document. Throws `JSONParseError` on any error.
    package static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth, options: Options = .strict) throws -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer: buffer, maxDepth: maxDepth, options: options)
            return try reader.parseDocument()
        }
    }

    /// Parses UTF-8 text (tests, seed files).
    package static func parse(_ text: String, maxDepth: Int = defaultMaxDepth, options: Options = .strict) throws -> JSONValue {
        try parse(Array(text.utf8), maxDepth: maxDepth, options: options)
    }
}
