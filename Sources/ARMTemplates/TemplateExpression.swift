import ARMCore
import JSON

/// One parsed template language expression: the text between `[` and `]` of a JSON string
/// (learn.microsoft.com "Template syntax and expressions").
package indirect enum TemplateExpression: Sendable, Equatable {
    case literal(JSONValue)
    /// A function call; names are case-insensitive and stored lower-cased.
    case call(String, [TemplateExpression])
    /// `expr.name`
    case property(TemplateExpression, String)
    /// `expr[index]`
    case index(TemplateExpression, TemplateExpression)
}
