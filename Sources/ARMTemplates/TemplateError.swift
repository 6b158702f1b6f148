/// A template that cannot be evaluated or deployed. The deployment engine wraps it in ARM's
/// `InvalidTemplate` / `InvalidTemplateDeployment` envelope (docs/azure-behaviours.md "Template deployments"); the pure engine knows
/// nothing about HTTP.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// ARM's inner code, e.g. `InvalidTemplate`, `InvalidTemplateFunction`, `CircularDependency`.
    public var code: String
    public var message: String
    /// The failed resource's error when a resource operation failed (deployment phase).
    public var target: String?

    public init(code: String = "InvalidTemplate", _ message: String, target: String? = nil) {
        self.code = code
        self.message = message
        self.target = target
    }

    public var description: String { "\(code): \(message)" }

    static func function(_ name: String, _ problem: String) -> TemplateError {
        TemplateError(
            code: "InvalidTemplate",
            "Unable to evaluate template language function '\(name)': \(problem). Please see https://aka.ms/arm-functions for usage details."
        )
    }
}
