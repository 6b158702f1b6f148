import EmulatorHTTP
import Foundation

/// Rendering at the edge of the pipeline: bodies to bytes, errors to `{"error":{…}}`, and the
/// headers ARM puts on every response (docs/azure-behaviours.md "Error responses", "Response headers").
extension ARMPipeline {
    static let jsonContentType = "application/json; charset=utf-8"

    /// Room the common headers need on top of a rendered response's own (`addCommonHeaders`).
    static let commonHeaderCapacity = 12

    func render(_ response: ARMResponse) -> HTTPResponse {
        var headers = HTTPHeaders()
        // Room for the content headers, the handler's and the common ones at once: the list grown
        // here and then again in `addCommonHeaders` was three allocations per response (perf).
        headers.reserveCapacity(response.headers.fields.count + 2 + Self.commonHeaderCapacity)
        var body: [UInt8] = []
        let bodyless = response.status == 204 || response.status == 304
        if let raw = response.rawBody {
            body = raw
        } else if let json = response.body, !bodyless {
            body = json.serialized()
            headers.add("Content-Type", Self.jsonContentType)
            // "If the body carries an etag, send it as the ETag header too" (RPC; docs/azure-behaviours.md "Resource envelope and
            // systemData").
            if case .string(let etag) = json["etag"], !response.headers.contains("ETag") {
                headers.add("ETag", Self.headerETag(etag))
            }
        }
        for field in response.headers {
            if field.name.equalsIgnoringCase("content-type") { headers.remove("Content-Type") }
            headers.add(field.name, field.value)
        }
        return HTTPResponse(status: response.status, headers: headers, body: bodyless ? [] : body)
    }

    func render(_ error: ARMError) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.reserveCapacity(error.headers.fields.count + 2 + Self.commonHeaderCapacity)
        headers.add("Content-Type", Self.jsonContentType)
        for field in error.headers { headers.add(field.name, field.value) }
        // ARM's own errors say so (docs/azure-behaviours.md "Error responses"); RP errors don't.
        if error.fromGateway { headers.set("x-ms-failure-cause", "gateway") }
        return HTTPResponse(status: error.status, headers: headers, body: error.envelopeJSON.serialized())
    }

    /// The headers of every ARM response (docs/azure-behaviours.md "Response headers"). Appended,
    /// except where the handler already set one of them (then it is replaced). The handler's few
    /// fields are scanned in place: a set of lower-cased names cost allocations on every request
    /// (docs/performance.md).
    func addCommonHeaders(to response: inout HTTPResponse, request: ARMRequest) {
        // Changed in place: `render` left room for the fields below, and a copy of the list (to
        // look the handler's fields up in) made appending copy it all once more (perf).
        var headers = response.headers
        response.headers = HTTPHeaders()
        headers.reserveCapacity(headers.fields.count + Self.commonHeaderCapacity)
        // No two common fields share a name, so before a name is put it is in the list exactly when
        // the handler set it.
        func isPresent(_ name: String) -> Bool { headers.contains(name) }
        func put(_ name: String, _ value: String) {
            if isPresent(name) { headers.set(name, value) } else { headers.add(name, value) }
        }
        put("Cache-Control", "no-cache")
        put("Pragma", "no-cache")
        put("Expires", "-1")
        let date = now()
        let subscription =
            request.segments.count >= 2 && request.segments[0].lowercasedIfNeeded == "subscriptions" ? request.segments[1] : nil
        let kind = RateLimiter.Kind(method: request.method)
        // Through the box: `request.caller` copies (retains) every string of the caller.
        let principal = request.callerBox?.caller.objectId ?? "anonymous"
        let remaining = rateLimiter.consume(scope: subscription, principal: principal, kind: kind, at: date)
        // A throttling answer (an injected 429) already says 0 tokens remain: keep its value.
        let rateLimitHeader = RateLimiter.headerName(kind: kind, subscriptionScoped: subscription != nil)
        if !isPresent(rateLimitHeader) { put(rateLimitHeader, String(remaining)) }
        put("x-ms-request-id", request.requestID)
        put("x-ms-correlation-request-id", request.correlationID)
        put("x-ms-routing-request-id", routingRequestID(at: date, requestID: request.requestID))
        if let clientRequestID = request.headers["x-ms-client-request-id"] {
            put("x-ms-client-request-id", clientRequestID)
        }
        if request.http.isTLS { put("Strict-Transport-Security", "max-age=31536000; includeSubDomains") }
        put("X-Content-Type-Options", "nosniff")
        response.headers = headers
    }

    /// `EASTUS:20250505T141006Z:{request id}`, written at once into one string of the right size
    /// (an interpolation grew its buffer on every response; the timestamp as a string of its own
    /// was one more allocation).
    func routingRequestID(at date: Date, requestID: String) -> String {
        var region = routingRegion
        var id = requestID
        let count = region.utf8.count + 16 + id.utf8.count + 2
        let written = region.withUTF8 { region in
            id.withUTF8 { id in
                String(unsafeUninitializedCapacity: count) { buffer in
                    guard ARMTimestamp.writeCompact(date, into: buffer, at: region.count + 1) else { return 0 }
                    _ = buffer.initialize(fromContentsOf: region)
                    buffer[region.count] = UInt8(ascii: ":")
                    buffer[region.count + 17] = UInt8(ascii: ":")
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[(region.count + 18)...]).initialize(fromContentsOf: id)
                    return count
                }
            }
        }
        if !written.isEmpty { return written }
        let timestamp = ARMTimestamp.compactString(from: date)
        var text = ""
        text.reserveCapacity(routingRegion.utf8.count + timestamp.utf8.count + requestID.utf8.count + 2)
        text += routingRegion
        text += ":"
        text += timestamp
        text += ":"
        text += requestID
        return text
    }

    /// The `ETag` header value for a body etag: already-quoted (or weak) tags as they are, bare
    /// ones quoted (RFC 9110 section 8.8.3).
    static func headerETag(_ etag: String) -> String {
        if etag.hasPrefix("\"") || etag.hasPrefix("W/") { return etag }
        return "\"" + etag + "\""
    }
}
