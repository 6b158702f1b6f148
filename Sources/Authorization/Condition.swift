/// An ABAC condition, version 2.0 (conditions-format.md; docs/azure-behaviours.md "ABAC: project identity and hub storage"), parsed once
/// and evaluated per request. Grammar accepted:
///
///     expr    := and (('OR' | '||') and)*
///     and     := unary (('AND' | '&&') unary)*
///     unary   := ('!' | 'NOT') unary | primary
///     primary := '(' expr ')' | ActionMatches{'pattern'} | SubOperationMatches{'name'}
///              | @Source[attribute] [ForAnyOfAnyValues: | ForAllOfAnyValues: | ...]Operator value
///     value   := 'text' | {item, ...} | bare token (GUIDs, numbers, true/false)
package indirect enum Condition: Sendable, Equatable {
    case and(Condition, Condition)
    case or(Condition, Condition)
    case not(Condition)
    case actionMatches(String)
    case subOperationMatches(String)
    case comparison(Comparison)

    package struct Comparison: Sendable, Equatable {
        /// `resource`, `request`, `principal` or `environment`.
        package var source: String
        /// The attribute name inside the brackets, e.g.
        /// `Microsoft.Storage/storageAccounts/blobServices/containers:name`.
        package var attribute: String
        package var quantifier: Quantifier
        package var comparator: Comparator
        package var negated: Bool
        package var values: [String]

        /// Lower-cased `source:attribute`, the key in `ConditionContext.attributes`.
        package var key: String { (source + ":" + attribute).lowercased() }
    }

    /// Set operators (`ForAnyOfAnyValues:` …); `.single` when absent.
    package enum Quantifier: String, Sendable, Equatable {
        case single
        case forAnyOfAnyValues, forAllOfAnyValues, forAnyOfAllValues, forAllOfAllValues
    }

    package enum Comparator: Sendable, Equatable {
        case stringEquals(ignoreCase: Bool)
        case stringStartsWith(ignoreCase: Bool)
        case stringLike(ignoreCase: Bool)
        case guidEquals
        case numericEquals, numericLessThan, numericGreaterThan
        case boolEquals
    }
}

/// What a condition is evaluated against: the requested (data) action and the attributes known
/// about the resource, the request, the principal and the environment.
package struct ConditionContext: Sendable {
    package var action: String
    package var subOperation: String?
    /// Lower-cased `source:attribute` -> values, e.g.
    /// `resource:microsoft.storage/storageaccounts/blobservices/containers:name` -> [`abc-azureml`].
    package var attributes: [String: [String]]

    package init(action: String, subOperation: String? = nil, attributes: [String: [String]] = [:]) {
        self.action = action
        self.subOperation = subOperation
        var lowered: [String: [String]] = [:]
        for (key, value) in attributes { lowered[key.lowercased()] = value }
        self.attributes = lowered
    }

    /// The key for an attribute: `ConditionContext.key(.resource, "Microsoft.Storage/...:name")`.
    package static func key(_ source: String, _ attribute: String) -> String { (source + ":" + attribute).lowercased() }
}

/// A condition that does not parse: the assignment is refused with 400 (parsed once, at
/// assignment time); a stored one that does not parse never grants.
package struct ConditionError: Error, Sendable, Equatable, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}
