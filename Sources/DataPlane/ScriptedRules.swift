import ARMCore
import JSON
import Synchronization

/// The scripted answers in force, in the order they were added; the first rule that applies to a
/// call answers it and loses one of its `times`. Listed, deleted and cleared through the operator
/// API, cleared by `/_emulator/reset`, part of `/_emulator/state`.
package final class ScriptedRules: Sendable {
    private let rules = Mutex<[ScriptedRule]>([])

    package init() {}

    package func add(_ json: JSONValue) throws(ScriptedRuleError) -> ScriptedRule {
        let rule = try ScriptedRule(json: json, id: newGUID())
        rules.withLock { $0.append(rule) }
        return rule
    }

    package var all: [ScriptedRule] { rules.withLock { $0 } }

    package func remove(id: String) -> Bool {
        rules.withLock { rules in
            guard let index = rules.firstIndex(where: { $0.id.lowercased() == id.lowercased() }) else { return false }
            rules.remove(at: index)
            return true
        }
    }

    package func removeAll() {
        rules.withLock { $0.removeAll() }
    }

    /// Rules as `GET /_emulator/state` lists them, validated (state import checks them all before
    /// anything changes).
    package static func parse(_ documents: [JSONValue]) throws(ScriptedRuleError) -> [ScriptedRule] {
        var parsed: [ScriptedRule] = []
        for document in documents {
            parsed.append(try ScriptedRule(json: document, id: document["id"]?.stringValue ?? newGUID()))
        }
        return parsed
    }

    package func replace(with parsed: [ScriptedRule]) {
        rules.withLock { $0 = parsed }
    }

    /// The rule that answers `call`, consuming one of its uses.
    func take(for call: ModelCall) -> ScriptedRule? {
        rules.withLock { rules in
            guard let index = rules.firstIndex(where: { $0.applies(to: call) }) else { return nil }
            let rule = rules[index]
            if let times = rule.times {
                if times <= 1 { rules.remove(at: index) } else { rules[index].times = times - 1 }
            }
            return rule
        }
    }
}
