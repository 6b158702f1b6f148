import ARMCore
import JSON
import Testing

@testable import ModelInference

@Suite struct SchemaInstanceGeneratorTests {
    func generate(_ schema: JSONValue, seed: UInt64 = 1) -> JSONValue {
        var generator = SchemaInstanceGenerator(root: schema, text: "hello there", seed: seed)
        return generator.instance()
    }

    @Test func givenANestedSchemaWithRefsEnumsAndBounds_whenGenerated_thenTheInstanceConforms() {
        let schema: JSONValue = [
            "type": "object",
            "$defs": [
                "step": [
                    "type": "object", "required": ["explanation", "output"],
                    "properties": ["explanation": ["type": "string"], "output": ["type": "string", "maxLength": 5]],
                ]
            ],
            "required": ["steps", "final_answer", "mood", "score", "ratio", "kind", "tags", "maybe", "when", "choice"],
            "properties": [
                "steps": ["type": "array", "items": ["$ref": "#/$defs/step"], "minItems": 3],
                "final_answer": ["type": "string", "minLength": 20],
                "mood": ["type": "string", "enum": ["happy", "sad"]],
                "score": ["type": "integer", "minimum": 10, "maximum": 12],
                "ratio": ["type": "number", "minimum": 0.5, "maximum": 0.75],
                "kind": ["const": "fixed"],
                "tags": ["type": "array", "items": ["type": "string"], "maxItems": 0],
                "maybe": ["anyOf": [["type": "null"], ["type": "object", "properties": ["x": ["type": "boolean"]], "required": ["x"]]]],
                "when": ["type": "string", "format": "date-time"],
                "choice": ["type": ["integer", "null"]],
            ],
        ]
        for seed in 0..<20 as Range<UInt64> {
            let instance = generate(schema, seed: seed)
            let problems = SchemaValidator(root: schema).errors(instance, schema)
            #expect(problems.isEmpty, "\(problems) in \(instance)")
        }
    }

    @Test func givenARecursiveRefSchema_whenGenerated_thenItConformsUpToTheDepthBound() {
        let schema: JSONValue = [
            "$defs": [
                "node": [
                    "type": "object",
                    "properties": ["name": ["type": "string"], "children": ["type": "array", "items": ["$ref": "#/$defs/node"]]],
                ]
            ],
            "$ref": "#/$defs/node",
        ]
        let instance = generate(schema)
        #expect(instance.objectValue != nil)
        #expect(SchemaValidator(root: schema).errors(instance, schema).isEmpty)
    }

    @Test func givenHostileSchemas_whenGenerated_thenGenerationStaysBounded() {
        let selfReference: JSONValue = ["$ref": "#"]
        let loop: JSONValue = ["$defs": ["a": ["$ref": "#/$defs/b"], "b": ["$ref": "#/$defs/a"]], "$ref": "#/$defs/a"]
        let fanOut: JSONValue = [
            "type": "object",
            "properties": ["l": ["$ref": "#"], "r": ["$ref": "#"], "m": ["type": "array", "minItems": 1_000_000, "items": ["$ref": "#"]]],
        ]
        var deep: JSONValue = ["type": "string"]
        for _ in 0..<10_000 { deep = ["type": "object", "properties": ["a": deep], "required": ["a"]] }
        for schema in [selfReference, loop, fanOut, deep] {
            let instance = generate(schema)
            #expect(instance.compactString.utf8.count < 1_000_000)
        }
    }

    @Test func givenDifferentSeeds_whenGenerated_thenChoicesVaryButEachSeedIsStable() {
        let schema: JSONValue = ["type": "object", "properties": ["n": ["type": "integer", "minimum": 0, "maximum": 1_000_000]]]
        #expect(generate(schema, seed: 1) == generate(schema, seed: 1))
        let distinct = Set((0..<10 as Range<UInt64>).map { generate(schema, seed: $0).compactString })
        #expect(distinct.count > 5)
    }
}
