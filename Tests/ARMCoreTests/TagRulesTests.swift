import JSON
import Testing

@testable import ARMCore

@Suite struct TagRulesTests {
    @Test func absentOrNullTagsAreEmpty() throws {
        #expect(try TagRules.validate(nil) == [:])
        #expect(try TagRules.validate(.null) == [:])
    }

    @Test func validTagsComeBackInOrder() throws {
        let tags = try TagRules.validate(["env": "dev", "owner": "", "ünï": "ok"])
        #expect(tags.keys == ["env", "owner", "ünï"])
    }

    @Test func limits() throws {
        // 50 tags pass, 51 do not
        var fifty = JSONObject()
        for index in 0..<50 { fifty["t\(index)"] = "v" }
        try TagRules.validate(.object(fifty))
        var fiftyOne = fifty
        fiftyOne["extra"] = "v"
        #expect(expectARMError { try TagRules.validate(.object(fiftyOne)) }?.message == "Number of tags exceeds the limit of 50.")
        // Name 512 passes, 513 does not
        let longName = String(repeating: "n", count: 513)
        try TagRules.validate(.object([String(repeating: "n", count: 512): "v"]))
        #expect(
            expectARMError { try TagRules.validate(.object([longName: "v"])) }?.message
                == "The tag name '\(longName)' exceeds the maximum length of 512 characters.")
        // Value 256 passes, 257 does not
        try TagRules.validate(["k": .string(String(repeating: "v", count: 256))])
        let error = expectARMError { try TagRules.validate(["k": .string(String(repeating: "v", count: 257))]) }
        #expect(error?.code == "InvalidTag")
        #expect(error?.status == 400)
        #expect(error?.message.contains("exceeds the maximum length of 256 characters") == true)
    }

    @Test func storageNameLimitIsAParameter() {
        let name = String(repeating: "n", count: 129)
        #expect(
            expectARMError { try TagRules.validate(.object([name: "v"]), maxNameLength: TagRules.maxNameLengthStorage) }?.code
                == "InvalidTag")
    }

    @Test func forbiddenNameCharacters() {
        for name in ["a<b", "a>b", "a%b", "a&b", "a\\b", "a?b", "a/b"] {
            let error = expectARMError { try TagRules.validate(.object([name: "v"])) }
            #expect(error?.message.hasPrefix("The tag name '\(name)' has invalid characters.") == true, "\(name)")
        }
    }

    @Test func shapeErrors() {
        #expect(expectARMError { try TagRules.validate(["k": 1]) }?.message == "The value of tag name 'k' must be a string.")
        #expect(expectARMError { try TagRules.validate(["k": ["x": "y"]]) }?.code == "InvalidTag")
        #expect(expectARMError { try TagRules.validate(["a", "b"]) }?.code == "InvalidTag")
        #expect(expectARMError { try TagRules.validate(["": "v"]) }?.message == "The tag name cannot be empty.")
        #expect(expectARMError { try TagRules.validate(["Env": "a", "env": "b"]) }?.message.contains("more than once") == true)
    }
}
