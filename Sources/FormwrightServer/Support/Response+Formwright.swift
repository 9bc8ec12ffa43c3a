import HTTPTypes
import Hummingbird
import NIOCore

extension Response {
    /// A JSON response from already-encoded text.
    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// An HTML page.
    static func html(_ text: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
        if let name = HTTPField.Name("X-Content-Type-Options") { fields[name] = "nosniff" }
        if let name = HTTPField.Name("Content-Security-Policy") {
            fields[name] = "default-src 'self'; style-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"
        }
        fields.append(contentsOf: headers)
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// A redirect after a form post (303, so the browser follows with GET).
    static func seeOther(_ location: String, headers: HTTPFields = [:]) -> Response {
        var fields: HTTPFields = [.location: location]
        fields.append(contentsOf: headers)
        return Response(status: .seeOther, headers: fields)
    }
}
