import ARMCore
import Testing

@testable import DataPlane

@Suite struct DataPlaneRouteTests {
    @Test func givenDatedVersions_whenChecked_thenGAAndPreviewFromTheFirstGAOnArePlausible() {
        #expect(RouteMiddleware.isDatedVersion("2024-10-21"))
        #expect(RouteMiddleware.isDatedVersion("2025-04-01-preview"))
        #expect(RouteMiddleware.isDatedVersion("2022-12-01"))
        #expect(!RouteMiddleware.isDatedVersion("2022-11-30"))
        #expect(!RouteMiddleware.isDatedVersion("2024-13-01"))
        #expect(!RouteMiddleware.isDatedVersion("banana"))
        #expect(!RouteMiddleware.isDatedVersion("2024-10-21-beta"))
        #expect(!RouteMiddleware.isDatedVersion(""))
    }

    @Test func givenHosts_whenTheSubdomainIsTaken_thenOnlyTheThreeAccountFamiliesAnswer() {
        #expect(AccountDirectory.subdomain(of: "MyAcct.openai.azure.com") == "myacct")
        #expect(AccountDirectory.subdomain(of: "myacct.cognitiveservices.azure.com") == "myacct")
        #expect(AccountDirectory.subdomain(of: "myacct.services.ai.azure.com") == "myacct")
        #expect(AccountDirectory.subdomain(of: "eastus.api.cognitive.microsoft.com") == nil)
        #expect(AccountDirectory.subdomain(of: "a.b.openai.azure.com") == nil)
        #expect(AccountDirectory.subdomain(of: ".openai.azure.com") == nil)
    }

    @Test func givenARoute_whenSegmentsAreMatched_thenLiteralsIgnoreCaseAndParametersAreTaken() {
        let route = DataPlaneRoute(
            "POST", "openai/deployments/{deploymentId}/chat/completions", surface: .classic, operationID: "x", dataAction: "y",
            scope: .deployment
        ) { _ in .json(200, nil) }
        #expect(route.match(["OpenAI", "Deployments", "GPT-4o", "chat", "completions"]) == ["deploymentId": "GPT-4o"])
        #expect(route.match(["openai", "deployments", "", "chat", "completions"]) == nil)
        #expect(route.match(["openai", "deployments", "d", "chat"]) == nil)
    }

    @Test func givenAParameterWithASuffix_whenMatched_thenTheSuffixIsALiteralAndTheRestTheParameter() {
        let route = DataPlaneRoute(
            "POST", "api/projects/{projectName}/agents/{agentName}:enable", surface: .project, operationID: "x", dataAction: "y",
            scope: .project
        ) { _ in .json(204, nil) }
        #expect(route.match(["api", "projects", "p", "agents", "MyAgent:Enable"]) == ["projectName": "p", "agentName": "MyAgent"])
        #expect(route.match(["api", "projects", "p", "agents", ":enable"]) == nil)
        #expect(route.match(["api", "projects", "p", "agents", "MyAgent"]) == nil)
    }

    @Test func givenARouter_whenThePathFitsAnotherMethod_then405ElseWhenNothingFits404() {
        let router = DataPlaneRouter(routes: [
            DataPlaneRoute("GET", "openai/models", surface: .classic, operationID: "x", dataAction: "y", scope: .account) { _ in
                .json(200, nil)
            }
        ])
        #expect(throws: Never.self) { _ = try router.match(method: "GET", segments: ["openai", "models"]) }
        do {
            _ = try router.match(method: "DELETE", segments: ["openai", "models"])
            Issue.record("expected 405")
        } catch let error as DataPlaneError {
            #expect(error.status == 405)
        } catch { Issue.record("unexpected \(error)") }
        do {
            _ = try router.match(method: "GET", segments: ["nothing"])
            Issue.record("expected 404")
        } catch let error as DataPlaneError {
            #expect(error.status == 404 && error.code == "404")
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func givenKeysAndTokens_whenTheBearerValueIsLookedAt_thenOnlyCompactJWSIsAToken() {
        #expect(CredentialMiddleware.looksLikeJWT("eyJ.eyJ.sig"))
        #expect(!CredentialMiddleware.looksLikeJWT("0123456789abcdef"))
        #expect(AuthorizationHeader.bearerValue("bearer  abc ") == "abc")
        #expect(AuthorizationHeader.bearerValue("Basic abc") == nil)
        #expect(AuthorizationHeader.bearerValue("Bearer ") == nil)
    }
}
