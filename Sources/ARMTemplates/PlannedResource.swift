import ARMCore

/// One resource instance the template will create: copy loops expanded, condition true, nested
/// resources flattened. Its body is evaluated only when its turn comes (after its dependencies
/// exist), because `reference()` may read them.
public struct PlannedResource: Sendable {
    /// `Namespace/type[/childType…]`.
    public var type: String
    /// `name[/childName…]`.
    public var name: String
    public var apiVersion: String
    public var id: String
    /// Ids of the resources this one waits for.
    public var dependsOn: [String]
    /// The definition without template-only members (`copy`, `condition`, `dependsOn`, `resources`, …).
    public var definition: JSONObject
    public var scope: TemplateEvaluator.LoopScope
    /// The symbolic name (languageVersion 2.0) or the copy loop it belongs to.
    public var symbolicName: String?
    public var copyName: String?
    /// `existing: true` resources (languageVersion 2.0) are read, never deployed.
    public var isExisting: Bool
}
