import FormwrightCore
import Hummingbird
import NIOCore

/// Reads request bodies within a size limit and a deadline, so a slow or huge upload cannot hold a connection.
struct RequestReading {
    let deadlineSeconds: Int64

    /// The whole body, or 413 past `limit` (the context's upload limit when not given), or 408 past the deadline.
    func body(_ request: Request, context: FormwrightRequestContext, limit: Int? = nil) async throws -> ByteBuffer {
        let limit = limit ?? context.maxUploadSize
        let body = request.body
        return try await withThrowingTaskGroup(of: ByteBuffer.self) { group in
            group.addTask { try await body.collect(upTo: limit) }
            group.addTask {
                try await Task.sleep(for: .seconds(deadlineSeconds))
                throw ServerError(.requestTimeout, id: "request_timeout", "the request body did not arrive within \(deadlineSeconds) seconds")
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw ServerError.badRequest("the request has no body") }
            return first
        }
    }

    /// The body as a JSON object; 415 unless sent as `application/json` (so a plain cross-site
    /// form cannot post to the API), 400 with the reason when it is not a JSON object.
    func jsonObject(_ request: Request, context: FormwrightRequestContext) async throws -> [String: Value] {
        let mediaType = request.headers[.contentType]?.split(separator: ";").first?.trimmingSpaces.lowercased()
        guard mediaType == "application/json" else {
            throw ServerError(.unsupportedMediaType, id: "unsupported_media_type", "send the body as JSON with 'Content-Type: application/json'")
        }
        let buffer = try await body(request, context: context)
        let text = String(buffer: buffer)
        let value: Value
        do {
            value = try JSONParser.parse(text, limits: JSONParser.Limits(maxDepth: 32, maxBytes: context.maxUploadSize))
        } catch {
            throw ServerError.badRequest("the body is not valid JSON: \(error.message) at byte \(error.offset)")
        }
        guard case .map(let map) = value else { throw ServerError.badRequest("the body must be a JSON object of field names to values") }
        var object: [String: Value] = [:]
        for (key, item) in map.entries {
            guard case .string(let name) = key else { continue }
            object[name] = item
        }
        return object
    }

    /// The body as an HTML form post: names to values, repeated names collected into a list.
    func formFields(_ request: Request, context: FormwrightRequestContext) async throws -> [String: [String]] {
        let buffer = try await body(request, context: context)
        return FormEncoding.decode(String(buffer: buffer))
    }
}
