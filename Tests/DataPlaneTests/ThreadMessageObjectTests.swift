import ARMCore
import JSON
import Testing

@testable import DataPlane

/// Messages as Azure records them: content always an array of parts (docs/agents.md).
@Suite struct ThreadMessageObjectTests {
    @Test func givenStringOrTextBlockContent_whenCreated_thenTextPartsWithAnnotations() throws {
        let plain = try ThreadMessageObject.create(["role": "user", "content": "hi"], id: "msg_1", thread: "thread_1", createdAt: 7)
        #expect(plain["content"] == [["type": "text", "text": ["value": "hi", "annotations": []]]])
        #expect(plain["object"] == "thread.message" && plain["assistant_id"] == .null && plain["run_id"] == .null)
        #expect(plain["created_at"] == 7 && plain["thread_id"] == "thread_1" && plain["status"] == nil)
        let blocks = try ThreadMessageObject.create(
            [
                "role": "user",
                "content": [["type": "text", "text": "a"], ["type": "image_url", "image_url": ["url": "https://x/y.png"]]],
            ],
            id: "msg_2", thread: "thread_1", createdAt: 7)
        #expect(blocks["content"]?[0]?["text"]?["value"] == "a" && blocks["content"]?[1]?["type"] == "image_url")
        #expect(ThreadMessageObject.text(of: blocks) == "a")
    }

    @Test func givenBadMessages_whenCreated_then400NamingTheMember() {
        let cases: [(JSONValue, String)] = [
            (["content": "x"], "role"), (["role": "system", "content": "x"], "role"), (["role": "user"], "content"),
            (["role": "user", "content": []], "content"), (["role": "user", "content": [["type": "audio"]]], "content"),
            (["role": "user", "content": .string(String(repeating: "a", count: AgentLimits.messageCharacters + 1))], "content"),
        ]
        for (body, param) in cases {
            do {
                _ = try ThreadMessageObject.create(body, id: "msg_1", thread: "thread_1", createdAt: 0)
                Issue.record("expected a 400 for \(body)")
            } catch let error as DataPlaneError {
                #expect(error.status == 400 && error.body["error"]?["param"]?.stringValue == param, "\(body)")
            } catch { Issue.record("unexpected \(error)") }
        }
    }
}
