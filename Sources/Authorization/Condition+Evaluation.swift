import Foundation

extension Condition {
    /// True when the condition holds. A comparison on an attribute the context does not know is
    /// false (EMULATOR CHOICE: an unknown attribute never grants), so a guarded condition
    /// `!(ActionMatches{...}) OR (...)` still allows the actions it does not guard.
    package func evaluate(_ context: ConditionContext) -> Bool {
        switch self {
        case .and(let left, let right): return left.evaluate(context) && right.evaluate(context)
        case .or(let left, let right): return left.evaluate(context) || right.evaluate(context)
        case .not(let inner): return !inner.evaluate(context)
        case .actionMatches(let pattern): return ActionPattern.matches(pattern, context.action)
        case .subOperationMatches(let name): return context.subOperation?.lowercased() == name.lowercased()
        case .comparison(let comparison): return comparison.evaluate(context)
        }
    }
}

extension Condition.Comparison {
    func evaluate(_ context: ConditionContext) -> Bool {
        guard let actual = context.attributes[key], !actual.isEmpty else { return false }
        let test: (String, String) -> Bool = { lhs, rhs in
            let result = comparator.compare(lhs, rhs)
            return negated ? !result : result
        }
        switch quantifier {
        case .single, .forAnyOfAnyValues: return actual.contains { a in values.contains { test(a, $0) } }
        case .forAllOfAnyValues: return actual.allSatisfy { a in values.contains { test(a, $0) } }
        case .forAnyOfAllValues: return actual.contains { a in values.allSatisfy { test(a, $0) } }
        case .forAllOfAllValues: return actual.allSatisfy { a in values.allSatisfy { test(a, $0) } }
        }
    }
}

extension Condition.Comparator {
    func compare(_ actual: String, _ expected: String) -> Bool {
        switch self {
        case .stringEquals(let ignoreCase):
            return ignoreCase ? actual.lowercased() == expected.lowercased() : actual == expected
        case .stringStartsWith(let ignoreCase):
            return ignoreCase ? actual.lowercased().hasPrefix(expected.lowercased()) : actual.hasPrefix(expected)
        case .stringLike(let ignoreCase):
            return Self.like(ignoreCase ? actual.lowercased() : actual, ignoreCase ? expected.lowercased() : expected)
        case .guidEquals:
            // A role definition id may be a full id; its last segment is the GUID.
            let tail = actual.split(separator: "/").last.map(String.init) ?? actual
            return tail.lowercased() == expected.lowercased()
        case .numericEquals: return Double(actual) != nil && Double(actual) == Double(expected)
        case .numericLessThan: return (Double(actual) ?? .nan) < (Double(expected) ?? .nan)
        case .numericGreaterThan: return (Double(actual) ?? .nan) > (Double(expected) ?? .nan)
        case .boolEquals: return actual.lowercased() == expected.lowercased()
        }
    }

    /// `StringLike`: `*` any run, `?` one character.
    static func like(_ text: String, _ pattern: String) -> Bool {
        let t = Array(text)
        let p = Array(pattern)
        func match(_ i: Int, _ j: Int) -> Bool {
            if i == p.count { return j == t.count }
            if p[i] == "*" { return (j...t.count).contains { match(i + 1, $0) } }
            guard j < t.count, p[i] == "?" || p[i] == t[j] else { return false }
            return match(i + 1, j + 1)
        }
        return match(0, 0)
    }
}
