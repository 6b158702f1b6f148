import EmulatorHTTP

extension ARMResponse {
    /// 200 with a stored resource's body as it is stored: the same answer as `.ok(.object(body))`
    /// (same bytes, `Content-Type` and `ETag` header), with the bytes taken from `cache` instead of
    /// serialized again. `body` stays set for callers that read the response without rendering it
    /// (internal requests).
    package static func ok(_ resource: StoredResource, renderedBy cache: RenderedBodyCache) -> ARMResponse {
        var headers = HTTPHeaders([("Content-Type", ARMPipeline.jsonContentType)])
        if case .string(let etag) = resource.body["etag"] { headers.add("ETag", ARMPipeline.headerETag(etag)) }
        return ARMResponse(status: 200, headers: headers, body: .object(resource.body), rawBody: cache.bytes(of: resource))
    }
}
