import EmulatorHTTP

/// The polling endpoints (docs/azure-behaviours.md "Asynchronous operations"): the operation-status resource always answers 200; the
/// operation-result URL answers 202 while running, then what the synchronous call would have
/// answered. Operations are readable only from the subscription that started them; anything
/// else is 404 like an unknown id (RPC "Operation Result Rules").
extension LongRunningOperations {
    static let locationScope = "/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}/locations/{location}"

    package var routes: [Route] {
        [
            Route(
                "GET",
                Self.locationScope + "/operationStatuses/{operationId}",
                operationID: "OperationStatuses_Get", action: nil
            ) { [self] request, parameters in
                let operation = try lookup(parameters)
                var headers = HTTPHeaders()
                if !operation.state.isTerminal { headers.add("Retry-After", "1") }
                return .ok(operation.statusJSON(percentComplete: percentComplete(of: operation)), headers: headers)
            },
            Route(
                "GET",
                Self.locationScope + "/operationResults/{operationId}",
                operationID: "OperationResults_Get", action: nil
            ) { [self] request, parameters in
                try resultResponse(try lookup(parameters), request: request)
            },
            Route(
                "GET", "/subscriptions/{subscriptionId}/operationresults/{operationId}",
                operationID: "SubscriptionOperationResults_Get", action: nil
            ) { [self] request, parameters in
                try resultResponse(try lookup(parameters), request: request)
            },
        ]
    }

    private func lookup(_ parameters: RouteParameters) throws -> OperationStatus {
        let id = parameters.required("operationId")
        guard let operation = status(id),
            operation.subscriptionID.lowercased() == parameters.required("subscriptionId").lowercased()
        else { throw ARMError.operationNotFound(id) }
        return operation
    }

    private func resultResponse(_ operation: OperationStatus, request: ARMRequest) throws -> ARMResponse {
        switch operation.state {
        case .inProgress:
            let headers = HTTPHeaders([("Location", request.baseURL + request.http.target), ("Retry-After", "1")])
            return ARMResponse(status: 202, headers: headers)
        case .succeeded:
            if let result = operation.result { return .ok(result) }
            // ARM's own jobs (resource-group deletion) end with 200 and no body [OBS recordings,
            // docs/azure-behaviours.md "Resource groups"]; providers' deletes end with 204 (docs/azure-behaviours.md "Asynchronous
            // operations").
            return operation.namespace.lowercased() == "microsoft.resources" ? ARMResponse(status: 200) : .noContent
        case .failed, .canceled:
            throw operation.error ?? .internalServerError()
        }
    }
}
