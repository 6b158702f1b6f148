import ARMCore
import JSON

/// The data plane's errors, with the texts the real service sends. Sources are cited per entry;
/// where none was found the text is the emulator's choice and docs/dataplane.md says so.
extension DataPlaneError {
    /// No account has this custom subdomain: on Azure the host name would not resolve at all.
    /// EMULATOR CHOICE: a 404 naming the host, so a typo is obvious (docs/dataplane.md).
    package static func unknownHost(_ host: String) -> DataPlaneError {
        DataPlaneError(
            status: 404, code: "ResourceNotFound",
            message: "No account of this emulator has the custom subdomain of '\(host)'. On Azure this host name would not "
                + "resolve. Create an account with that customSubDomainName, or use the endpoint the account advertises.")
    }

    /// A path the service does not serve: Azure API Management's answer.
    package static func resourceNotFound() -> DataPlaneError {
        DataPlaneError(status: 404, code: "404", message: "Resource not found")
    }

    /// A route that exists, called with a method it does not serve.
    package static func methodNotAllowed(_ method: String, allowed: [String]) -> DataPlaneError {
        DataPlaneError(
            status: 405, code: "405", message: "The requested resource does not support http method '\(method)'.",
            headers: [("Allow", allowed.joined(separator: ", "))])
    }

    /// The classic route without `api-version`: the gateway finds no operation and answers 404
    /// "Resource not found" (EMULATOR CHOICE, the behaviour users report; docs/dataplane.md).
    package static func missingAPIVersion() -> DataPlaneError { resourceNotFound() }

    /// `{"error":{"code":"BadRequest","message":"API version not supported"}}` (reported in
    /// hotovo/aider-desk#460).
    package static func unsupportedAPIVersion() -> DataPlaneError {
        DataPlaneError(status: 400, code: "BadRequest", message: "API version not supported")
    }

    /// No `api-key` and no `Authorization`: Azure API Management's missing-key answer.
    package static func missingCredentials() -> DataPlaneError {
        DataPlaneError(
            status: 401, code: "401",
            message: "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.")
    }

    /// A key that is not one of the account's (SciSharp/BotSharp#386).
    package static func invalidKey() -> DataPlaneError {
        DataPlaneError(
            status: 401, code: "401",
            message: "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active "
                + "subscription and use a correct regional API endpoint for your resource.")
    }

    /// A bearer token that does not verify, has expired or has another audience: the gateway's flat
    /// shape (run-llama/llama_index#12484, Azure/azure-sdk-for-python#40260).
    package static func invalidToken(audience: String = "https://cognitiveservices.azure.com") -> DataPlaneError {
        DataPlaneError(
            status: 401,
            body: [
                "statusCode": 401,
                "message": .string("Unauthorized. Access token is missing, invalid, audience is incorrect (\(audience)), or have expired."),
            ])
    }

    /// A valid token whose principal holds no role with the data action: 401, not 403
    /// (Azure-Samples/rag-data-openai-python-promptflow#28).
    package static func permissionDenied() -> DataPlaneError {
        DataPlaneError(status: 401, code: "PermissionDenied", message: "Principal does not have access to API/Operation.")
    }

    /// A key on an account with `disableLocalAuth: true` (Azure-Samples/azure-search-openai-demo#1617).
    package static func localAuthDisabled() -> DataPlaneError {
        DataPlaneError(status: 403, code: "AuthenticationTypeDisabled", message: "Key based authentication is disabled for this resource.")
    }

    /// No deployment of that name on the account; also what a deployment still being created
    /// answers (the message says to wait), as on Azure.
    package static func deploymentNotFound() -> DataPlaneError {
        DataPlaneError(
            status: 404, code: "DeploymentNotFound",
            message: "The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, "
                + "please wait a moment and try again.")
    }

    /// A deployment whose provisioning failed. EMULATOR CHOICE (no public trace of the real text):
    /// 400 DeploymentNotReady naming the state (docs/dataplane.md).
    package static func deploymentNotReady(_ name: String, state: String) -> DataPlaneError {
        DataPlaneError(
            status: 400, code: "DeploymentNotReady",
            message: "The deployment '\(name)' is in provisioning state '\(state)' and cannot serve requests.")
    }

    /// An operation the deployment's model cannot do (microsoft/aoai-api-simulator's text).
    package static func operationNotSupported(_ operation: String, deployment: String) -> DataPlaneError {
        DataPlaneError(
            status: 400, code: "OperationNotSupported",
            message: "The \(operation) operation does not work with the specified model, \(deployment). Please choose different model "
                + "and try again. You can learn more about which models can be used with each operation here: "
                + "https://go.microsoft.com/fwlink/?linkid=2197993.")
    }

    /// The body is not JSON, or not an object: OpenAI's invalid-request shape.
    package static func invalidBody(_ detail: String) -> DataPlaneError {
        invalidRequest(
            "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. "
                + "The OpenAI API expects a JSON payload, but what was sent was not valid JSON. \(detail))", param: nil)
    }

    /// `{"error":{"message","type":"invalid_request_error","param","code"}}` (OpenAI API reference, errors).
    package static func invalidRequest(_ message: String, param: String?, code: String? = nil) -> DataPlaneError {
        DataPlaneError(
            status: 400,
            body: [
                "error": [
                    "message": .string(message), "type": "invalid_request_error", "param": param.map(JSONValue.string) ?? .null,
                    "code": code.map(JSONValue.string) ?? .null,
                ]
            ])
    }

    /// `model` missing from a body that routes on it (v1 and the model inference routes).
    package static func missingModel() -> DataPlaneError {
        invalidRequest("you must provide a model parameter", param: "model", code: "missing_required_parameter")
    }

    /// A stored response that does not exist (OpenAI's text for `GET /responses/{id}`).
    package static func responseNotFound(_ id: String) -> DataPlaneError {
        DataPlaneError(
            status: 404,
            body: [
                "error": [
                    "message": .string("Response with id '\(id)' not found."), "type": "invalid_request_error", "param": .null,
                    "code": .null,
                ]
            ])
    }

    /// A Foundry project, or one of its deployments or connections, that does not exist.
    package static func projectResourceNotFound(_ kind: String, _ name: String) -> DataPlaneError {
        DataPlaneError(status: 404, code: "NotFound", message: "\(kind) '\(name)' was not found.")
    }

    /// An assistant, thread, message, run or step that does not exist: OpenAI's Assistants API
    /// text (`No thread found with id 'thread_abc'.`), in the `{"error":{message,type,param,code}}`
    /// shape azure-ai-agents parses (`AgentV1Error`).
    package static func agentObjectNotFound(_ kind: AgentStore.Kind, _ id: String) -> DataPlaneError {
        let noun =
            switch kind {
            case .assistant: "assistant"
            case .thread: "thread"
            case .message: "message"
            case .run: "run"
            case .step: "run step"
            }
        return DataPlaneError(
            status: 404,
            body: [
                "error": [
                    "message": .string("No \(noun) found with id '\(id)'."), "type": "invalid_request_error", "param": .null,
                    "code": .null,
                ]
            ])
    }

    /// A project at one of `AgentLimits`. EMULATOR CHOICE (docs/agents.md): 400 `limit_exceeded`.
    package static func agentLimitReached(_ kind: AgentStore.Kind, limit: Int) -> DataPlaneError {
        invalidRequest(
            "This project already holds \(limit) \(kind.rawValue), the most the Foundry emulator keeps per project. "
                + "Delete some and try again.", param: nil, code: "limit_exceeded")
    }

    /// A required member missing from the body (OpenAI's text).
    package static func missingParameter(_ name: String) -> DataPlaneError {
        invalidRequest("Missing required parameter: '\(name)'.", param: name, code: "missing_required_parameter")
    }

    /// A member of the wrong type or out of range (OpenAI's "Invalid value for ..." form).
    package static func invalidParameter(_ name: String, _ detail: String) -> DataPlaneError {
        invalidRequest("Invalid value for '\(name)': \(detail)", param: name, code: "invalid_value")
    }

    /// An assistant's or run's `model` that is no deployment of the project's account: the text
    /// Foundry answers for a deployment it cannot find ("Failed to resolve model info", reported by
    /// users of the Agent Service); the rest of the sentence is the emulator's.
    package static func modelNotResolved(_ model: String) -> DataPlaneError {
        invalidRequest(
            "Failed to resolve model info for: '\(model)'. No deployment of that name exists on the project's account.", param: "model",
            code: "invalid_value")
    }

    /// A second run on a thread whose run is not finished (OpenAI's text).
    package static func threadHasActiveRun(_ thread: String, run: String) -> DataPlaneError {
        invalidRequest("Thread \(thread) already has an active run \(run).", param: nil)
    }

    /// `submit_tool_outputs` on a run that is not waiting for them (OpenAI's text).
    package static func runDoesNotAcceptToolOutputs(status: String) -> DataPlaneError {
        invalidRequest("Runs in status \"\(status)\" do not accept tool outputs.", param: nil)
    }

    /// Tool outputs that do not answer exactly the calls the run asked for (OpenAI's text).
    package static func toolOutputsMismatch(expected: [String], got: [String]) -> DataPlaneError {
        func list(_ ids: [String]) -> String { "[" + ids.map { "'\($0)'" }.joined(separator: ", ") + "]" }
        return invalidRequest("Expected tool outputs for call_ids \(list(expected)), got \(list(got))", param: "tool_outputs")
    }

    /// `cancel` on a run that has already finished (OpenAI's text).
    package static func runCannotBeCancelled(status: String) -> DataPlaneError {
        invalidRequest("Cannot cancel run with status '\(status)'.", param: nil)
    }

    /// Changing a message of a thread that is running, or a run's own message (OpenAI's text for
    /// adding a message while a run is active).
    package static func threadIsBusy(_ thread: String, run: String) -> DataPlaneError {
        invalidRequest("Can't add messages to \(thread) while a run \(run) is active.", param: nil)
    }

    /// An operation of the Agents API the emulator does not serve yet (files, vector stores):
    /// 501, never a 404 that would read as a wrong path (docs/agents.md).
    package static func agentsNotImplemented(_ operation: String) -> DataPlaneError {
        DataPlaneError(
            status: 501, code: "NotImplemented",
            message: "The Foundry emulator does not implement \(operation) of the Agents API yet (docs/agents.md).")
    }

    /// Over a deployment's rate limit (vanderschaarlab/climb#1; "call rate limit" for requests).
    package static func rateLimited(
        operation: String, apiVersion: String, limit: RateLimitKind, tier: String, retryAfter: Int, retryAfterMilliseconds: Int
    ) -> DataPlaneError {
        let what = limit == .tokens ? "token rate limit" : "call rate limit"
        return DataPlaneError(
            status: 429, code: "429",
            message: "Requests to the \(operation) Operation under Azure OpenAI API version \(apiVersion) have exceeded \(what) of your "
                + "current \(tier) S0 pricing tier. Please retry after \(retryAfter) seconds. Please go here: "
                + "https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.",
            headers: [("retry-after", String(retryAfter)), ("retry-after-ms", String(retryAfterMilliseconds))])
    }

    /// The forwarding backend could not be reached or answered garbage.
    package static func badGateway(_ detail: String) -> DataPlaneError {
        DataPlaneError(status: 502, code: "BadGateway", message: "The model backend failed: \(detail)")
    }

    /// The forwarding backend did not answer within `--model-backend-timeout`.
    package static func gatewayTimeout(seconds: Double) -> DataPlaneError {
        DataPlaneError(status: 504, code: "Timeout", message: "The model backend did not answer within \(seconds) seconds.")
    }

    /// Anything unexpected inside the emulator.
    package static func internalError() -> DataPlaneError {
        DataPlaneError(status: 500, code: "InternalServerError", message: "The server had an error while processing your request.")
    }
}

/// The agent service's errors on the project endpoint (`/api/projects/{p}/agents...`, conversations,
/// responses). azure-ai-projects parses `{"error":{"code","message","param","type"}}`
/// (`ApiErrorResponse`) and the openai client reads the same members, so every one has that shape.
extension DataPlaneError {
    /// `{"error":{"code","message","param","type":"invalid_request_error","details":[]}}`.
    package static func agentService(_ status: Int, code: String, message: String, param: String? = nil) -> DataPlaneError {
        DataPlaneError(
            status: status,
            body: [
                "error": [
                    "code": .string(code), "message": .string(message), "param": param.map(JSONValue.string) ?? .null,
                    "type": "invalid_request_error", "details": [],
                ]
            ])
    }

    /// A token without the route's data action on the project endpoint: 401 with the agent service's
    /// text, naming the principal, the action and the operation (Azure/azure-sdk-for-python#44842,
    /// microsoft-foundry/foundry-samples#155, microsoft/microsoft-foundry-for-vscode#325).
    package static func lacksDataAction(principal: String, action: String, operation: String) -> DataPlaneError {
        DataPlaneError(
            status: 401, code: "PermissionDenied",
            message: "The principal `\(principal)` lacks the required data action `\(action)` to perform `\(operation)` operation. "
                + "For instructions on granting the necessary permissions, see https://aka.ms/FoundryPermissions.")
    }

    /// An agent, agent version, conversation, item or stored response that does not exist in this
    /// project. EMULATOR CHOICE for the text (docs/agents.md); openai maps 404 to NotFoundError and
    /// azure-ai-projects to ResourceNotFoundError.
    package static func agentObjectNotFound(_ kind: String, _ id: String) -> DataPlaneError {
        agentService(404, code: "not_found", message: "\(kind) '\(id)' was not found in this project.")
    }

    /// A body field the agent service refuses.
    package static func agentInvalid(_ message: String, param: String?) -> DataPlaneError {
        agentService(400, code: "invalid_value", message: message, param: param)
    }

    /// A per-project limit reached (docs/agents.md "Limits").
    package static func limitExceeded(_ what: String, limit: Int) -> DataPlaneError {
        agentService(
            400, code: "limit_exceeded",
            message: "This project already holds the most \(what) the Foundry emulator keeps (\(limit)). Delete some, or reset the "
                + "emulator (POST /_emulator/reset).")
    }

    /// A tool kind or agent kind the emulator stores but cannot run yet: 501, never a fake answer.
    package static func notServedYet(_ what: String) -> DataPlaneError {
        agentService(
            501, code: "not_implemented",
            message: "\(what) is not served by the Foundry emulator yet (docs/agents.md, \"Limitations\").")
    }

    /// Responses to a disabled agent: 403 (openai `PermissionDeniedError`; azure-ai-projects'
    /// `tests/agents/test_agents_crud.py` disables an agent and expects it).
    package static func agentDisabled(_ name: String) -> DataPlaneError {
        agentService(403, code: "agent_disabled", message: "The agent '\(name)' is disabled.")
    }
}
