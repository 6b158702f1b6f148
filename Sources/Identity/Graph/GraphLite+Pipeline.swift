import ARMCore

extension GraphLite {
    /// Graph-lite's pipeline (`/v1.0/*`): Graph's error shape, then `authentication` (bearer
    /// tokens of any audience; no api-version), then route match. The emulator serves it with
    /// `AuthenticationMiddleware`; the tests build theirs here too, with a test authenticator in
    /// that slot only.
    package func pipeline(authentication: any ARMMiddleware) -> ARMPipeline {
        let router = Router(routes: routes)
        return ARMPipeline(middleware: [GraphErrorMiddleware(), authentication, RouteMatchMiddleware(router: router)], router: router)
    }
}
