import ARMCore
import JSON

/// One resource instance the template will create: copy loops expanded, condition true, nested
/// resources flattened. Its body is evaluated only when its turn comes (after its dependencies
/// exist), because `reference()` may read them.
package struct PlannedResource: Sendable {
    /// `Namespace/type[/childType…]`.
    package var type: String
    /// `name[/childName…]`.
    package var name: String
    package var apiVersion: String
    package var id: String
    /// Ids of the resources this one waits for.
    package var dependsOn: [String]
    /// The definition without template-only members (`copy`, `condition`, `dependsOn`, `resources`, …).
    package var definition: JSONObject
    package var scope: TemplateEvaluator.LoopScope
    /// The symbolic name (languageVersion 2.0) or the copy loop it belongs to.
    package var symbolicName: String?
    package var copyName: String?
    /// `existing: true` resources (languageVersion 2.0) are read, never deployed.
    package var isExisting: Bool
}
