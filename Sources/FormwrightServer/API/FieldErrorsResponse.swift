import FormwrightCore
import FormwrightRuntime
import Hummingbird

/// A 422 answer listing every field error, worded in the request's language:
/// `{"errors":[{"field","message"}]}`.
struct FieldErrorsResponse: Error, HTTPResponseError {
    let errors: [FieldError]
    let locales: [String]

    var status: HTTPResponse.Status { .unprocessableContent }

    var json: String {
        let items = errors.map { error in
            "{\"field\":\(JSONText.quote(error.field)),\"message\":\(JSONText.quote(error.problem.message(for: locales)))}"
        }
        return "{\"errors\":[" + items.joined(separator: ",") + "]}"
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        .json(json, status: status)
    }
}
