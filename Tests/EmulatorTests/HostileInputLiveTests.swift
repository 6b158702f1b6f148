import ARMTestSupport
import Foundation
import Identity
import Testing

@testable import Emulator

/// Hostile request content against the whole emulator on a real socket (docs/hardening.md): every one is
/// an ARM-shaped 4xx, never a 5xx, a crash or a partial write; and what the request carried is
/// never reflected into response headers. Parser-level details (exact positions, limits) are in
/// JSONTests/JSONParserTests, NameRulesTests and TagRulesTests; these prove the same holds end
/// to end through the pipeline.
@Suite struct HostileInputLiveTests {
    let subscription = "/subscriptions/\(WellKnown.subscriptionId)"
    let apiVersion = "api-version=2024-11-01"

    private func groupPath(_ encodedName: String) -> String {
        "\(subscription)/resourceGroups/\(encodedName)?\(apiVersion)"
    }

    /// The resource group names the subscription lists.
    private func groupNames(_ live: LiveEmulator, token: String) async throws -> [String] {
        let list = try await live.client.send("GET", "\(subscription)/resourcegroups?\(apiVersion)", token: token)
        #expect(list.status == 200)
        return (list.jsonObject?["value"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    }

    /// Asserts an ARM error envelope with `status` and, when given, `code`.
    private func expectARMError(
        _ reply: TestClient.Reply, _ status: Int, _ code: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(reply.status == status, "body: \(String(decoding: reply.body.prefix(300), as: UTF8.self))", sourceLocation: sourceLocation)
        #expect(reply.code != nil, "not an ARM error envelope", sourceLocation: sourceLocation)
        if let code { #expect(reply.code == code, sourceLocation: sourceLocation) }
    }

    @Test func rejectsBodiesThatAreNotSafeJSON() async throws {
        let live = try LiveEmulator()
        let token = try await live.operatorToken()
        let depth = 100_000
        let bodies: [(String, [UInt8])] = [
            (
                "deeply nested",
                Array(#"{"location":"westeurope","properties":"#.utf8) + Array(repeating: UInt8(ascii: "["), count: depth)
                    + Array(repeating: UInt8(ascii: "]"), count: depth) + [UInt8(ascii: "}")]
            ),
            ("number overflowing a double", Array(#"{"location":"westeurope","properties":{"n":1e99999}}"#.utf8)),
            ("negative overflow", Array(#"{"location":"westeurope","properties":{"n":-1e99999}}"#.utf8)),
            ("invalid UTF-8", Array(#"{"location":"westeurope","tags":{"a":""#.utf8) + [0xC3, 0x28, 0xFF] + Array(#""}}"#.utf8)),
            ("overlong UTF-8 slash", Array(#"{"location":"westeurope","tags":{"a":""#.utf8) + [0xC0, 0xAF] + Array(#""}}"#.utf8)),
            ("lone surrogate", Array(#"{"location":"westeurope","tags":{"a":"\ud800"}}"#.utf8)),
            ("duplicate keys", Array(#"{"location":"westeurope","location":"eastus"}"#.utf8)),
            ("NUL in a string", Array(#"{"location":"westeurope","tags":{"a":""#.utf8) + [0] + Array(#""}}"#.utf8)),
        ]
        for (index, (label, body)) in bodies.enumerated() {
            // Given a resource group PUT whose body is hostile JSON
            let path = groupPath("hostile-\(index)")
            let reply = try await live.client.send("PUT", path, data: body, token: token)
            // Then it is InvalidRequestContent and nothing was created
            #expect(reply.status == 400, "\(label)")
            #expect(reply.code == "InvalidRequestContent", "\(label)")
            #expect(try await live.client.send("GET", path, token: token).status == 404, "\(label)")
        }
    }

    @Test func hugeStringsAreRefusedByTheRulesNotTheServer() async throws {
        let live = try LiveEmulator()
        let token = try await live.operatorToken()
        let huge = String(repeating: "x", count: 3 * 1024 * 1024)
        // A 3 MiB tag value (under the 4 MiB body limit) and a 3 MiB location
        let hugeTag = try await live.client.send(
            "PUT", groupPath("huge-tag"), jsonObject: ["location": "westeurope", "tags": ["t": huge]], token: token)
        expectARMError(hugeTag, 400, "InvalidTag")
        let location = try await live.client.send("PUT", groupPath("huge-location"), jsonObject: ["location": huge], token: token)
        expectARMError(location, 400, "LocationNotAvailableForResourceGroup")
        // A number with 100,000 digits is a double that overflows: refused, not truncated
        let digits = #"{"location":"westeurope","properties":{"n":"# + String(repeating: "9", count: 100_000) + "}}"
        expectARMError(
            try await live.client.send("PUT", groupPath("huge-number"), body: digits, token: token), 400, "InvalidRequestContent")
        // A 10,000-character name (under the request-line limit)
        let longName = String(repeating: "n", count: 10_000)
        let named = try await live.client.send("PUT", groupPath(longName), jsonObject: ["location": "westeurope"], token: token)
        expectARMError(named, 400, "InvalidResourceGroup")
        #expect(try await groupNames(live, token: token).isEmpty)
        // And the server still answers
        #expect(try await live.client.send("GET", "/_emulator/health").status == 200)
    }

    @Test func tenThousandTagsAreRefusedAndChangeNothing() async throws {
        let live = try LiveEmulator()
        let token = try await live.operatorToken()
        var tags: [String: String] = [:]
        for index in 0..<10_000 { tags["tag\(index)"] = "value\(index)" }
        // Given no group, a PUT with 10,000 tags is refused
        let many = try await live.client.send(
            "PUT", groupPath("many-tags"), jsonObject: ["location": "westeurope", "tags": tags], token: token)
        expectARMError(many, 400, "InvalidTag")
        #expect(try await live.client.send("GET", groupPath("many-tags"), token: token).status == 404)
        // Given a group with one tag, a PATCH with 10,000 tags is refused and the tag stays
        let few = try await live.client.send(
            "PUT", groupPath("few-tags"), jsonObject: ["location": "westeurope", "tags": ["keep": "me"]], token: token)
        #expect(few.status == 201)
        expectARMError(
            try await live.client.send("PATCH", groupPath("few-tags"), jsonObject: ["tags": tags], token: token), 400, "InvalidTag")
        let read = try await live.client.send("GET", groupPath("few-tags"), token: token)
        #expect(read.jsonObject?["tags"] as? [String: String] == ["keep": "me"])
    }

    @Test func oversizedBodiesAre413InTheARMEnvelope() async throws {
        let live = try LiveEmulator()
        let token = try await live.operatorToken()
        // 5 MiB against the 4 MiB limit of an ARM request body (ARM: RequestContentTooLarge)
        let body = #"{"location":"westeurope","tags":{"a":""# + String(repeating: "b", count: 5 * 1024 * 1024) + #""}}"#
        let reply = try await live.client.send("PUT", groupPath("oversized"), body: body, token: token)
        expectARMError(reply, 413, "RequestContentTooLarge")
        #expect(try await live.client.send("GET", groupPath("oversized"), token: token).status == 404)
    }

    /// Names whose percent-decoded form walks up the path, smuggles a slash, or uses a character
    /// class ARM's resource group rule rejects (`^[-\w\._\(\)]+$`, not ending in `.`, 1-90 long).
    static let rejectedGroupNames: [String] = [
        "..", ".", "a/b", "../x", "..\\x", "a\\b", "%2E%2E", "a%2Fb",  // traversal and (double-)encoded slashes
        "a b", "a\tb", "a\u{0}b", "a\u{1}b", "a\u{7F}b", "a\r\nSet-Cookie: x=1",  // whitespace and controls
        "a<b", "a>b", "a%b", "a&b", "a:b", "a?b", "a#b", "a*b", "a+b", "a,b", "a;b", "a=b", "a@b", "a!b",
        "a$b", "a'b", "a\"b", "a[b", "a]b", "a{b", "a}b", "a|b", "a^b", "a~b", "a`b",  // ASCII punctuation
        "a\u{2603}b", "a\u{1F600}b", "a\u{00A0}b", "a\u{200B}b", "a\u{2028}b", "a\u{FFFD}b",  // symbols, spaces, format
        "trailing.", String(repeating: "g", count: 91), "",
    ]

    @Test func namesARMRejectsAreRefusedAndNeverStored() async throws {
        let live = try LiveEmulator()
        let token = try await live.operatorToken()
        for name in Self.rejectedGroupNames {
            // Given a PUT for the name, percent-encoded as a client library does (slashes too)
            let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))!
            let reply = try await live.client.send("PUT", groupPath(encoded), jsonObject: ["location": "westeurope"], token: token)
            // Then it is a 4xx ARM error (400 for a bad name; an empty name is the collection,
            // where PUT is not an operation)
            #expect((400...499).contains(reply.status), "\(name.debugDescription) -> \(reply.status)")
            #expect(reply.code != nil, "\(name.debugDescription)")
            #expect(reply.header("Set-Cookie") == nil)
        }
        // And nothing was created anywhere
        #expect(try await groupNames(live, token: token).isEmpty)
    }

    @Test func encodedLineBreaksAreNeverReflectedIntoHeaders() async throws {
        let live = try LiveEmulator()
        let token = try await live.operatorToken()
        let injection = "%0D%0AX-Injected:%20yes%0D%0A"
        let replies = [
            try await live.client.send("GET", "\(subscription)/resourceGroups/rg\(injection)?\(apiVersion)", token: token),
            try await live.client.send("GET", "\(subscription)/resourceGroups/rg?api-version=2024-11-01\(injection)", token: token),
            try await live.client.send("GET", "\(subscription)/providers/Microsoft.Fake\(injection)/things/x?\(apiVersion)", token: token),
            try await live.client.send("GET", "/_emulator/info\(injection)"),
        ]
        for reply in replies {
            #expect((400...499).contains(reply.status))
            #expect(reply.header("X-Injected") == nil)
            for (_, value) in reply.headers {
                #expect(!value.contains("\r") && !value.contains("\n"))
            }
        }
    }
}
