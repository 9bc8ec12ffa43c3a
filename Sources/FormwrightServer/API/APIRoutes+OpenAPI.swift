import FormwrightCore
import Hummingbird

extension APIRoutes {
    /// `GET …/openapi.json`: the app's OpenAPI 3.1 document, generated from its current definition.
    func openAPIDocument(_ context: FormwrightRequestContext) throws -> Response {
        try requireSignedIn(context)
        let runtime = try app(context)
        return .json(JSONWriter.write(OpenAPIDocument(app: runtime.definition).json))
    }
}
