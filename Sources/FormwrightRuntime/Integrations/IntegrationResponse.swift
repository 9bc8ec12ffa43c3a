public import FormwrightCore
import Foundation

/// What a service answered: status, headers and the body as a value.
///
/// A body whose `Content-Type` is JSON (`application/json` or any `…+json`) is parsed with
/// `JSONParser`, so integers, doubles and booleans stay apart; any other body is text (UTF-8,
/// invalid bytes replaced); an empty body is `null`.
public struct IntegrationResponse: Sendable, Hashable {
    /// The HTTP status code.
    public var status: Int
    /// The headers by lower-case name; a repeated header's values joined with `, `.
    public var headers: [String: String]
    /// The body: parsed JSON, text, or `null` when empty.
    public var body: Value

    /// Creates a response from parts already decoded.
    public init(status: Int, headers: [String: String], body: Value) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Creates a response from the wire: header fields in order and the raw body bytes.
    /// - Throws: `IntegrationFailure` (`invalidResponse`) when a JSON body does not parse.
    public init(status: Int, headerFields: [(name: String, value: String)], bodyBytes: [UInt8]) throws(IntegrationFailure) {
        var headers: [String: String] = [:]
        for field in headerFields {
            let name = field.name.lowercased()
            headers[name] = headers[name].map { $0 + ", " + field.value } ?? field.value
        }
        self.init(status: status, headers: headers, body: try IntegrationResponse.decodeBody(bodyBytes, contentType: headers["content-type"]))
    }

    /// The response as integration expressions see it: `{status, headers, body}`.
    public var value: Value {
        let headerMap = ValueMap(headers.keys.sorted().map { (Value.string($0), Value.string(headers[$0] ?? "")) })
        return .map(ValueMap([(.string("status"), .int(Int64(status))), (.string("headers"), .map(headerMap)), (.string("body"), body)]))
    }

    /// Whether a `Content-Type` value names JSON: `application/json` or a `+json` type, any parameters ignored.
    public static func isJSON(contentType: String) -> Bool {
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        let trimmed = mediaType.trimmingCharacters(in: .whitespaces).lowercased()
        return trimmed == "application/json" || (trimmed.hasPrefix("application/") && trimmed.hasSuffix("+json"))
    }

    static func decodeBody(_ bytes: [UInt8], contentType: String?) throws(IntegrationFailure) -> Value {
        if bytes.isEmpty { return .null }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let contentType, isJSON(contentType: contentType) else { return .string(text) }
        do {
            return try JSONParser.parse(text, limits: JSONParser.Limits(maxDepth: 64, maxBytes: bytes.count))
        } catch {
            throw IntegrationFailure(.invalidResponse, "the response body is labelled JSON but is not valid JSON: \(error)")
        }
    }
}
