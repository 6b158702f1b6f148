/// A template that cannot be evaluated or deployed. The deployment engine wraps it in ARM's
/// `InvalidTemplate` / `InvalidTemplateDeployment` envelope (docs/azure-behaviours.md "Template deployments"); the pure engine knows
/// nothing about HTTP.
package struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// ARM's inner code, e.g. `InvalidTemplate`, `InvalidTemplateFunction`, `CircularDependency`.
    package var code: String
    package var message: String
    /// The failed resource's error when a resource operation failed (deployment phase).
    package var target: String?

    package init(code: String = "InvalidTemplate", _ message: String, target: String? = nil) {
        self.code = code
        self.message = message
        self.target = target
    }

    package var description: String { "\(code): \(message)" }

    static func function(_ name: String, _ problem: String) -> TemplateError {
        TemplateError(
            code: "InvalidTemplate",
            "Unable to evaluate template language function '\(name)': \(problem). Please see https://aka.ms/arm-functions for usage details."
        )
    }
}
