import FormwrightCore
import FormwrightRuntime
import Hummingbird
import NIOCore

extension APIRoutes {
    /// The largest CSV file one import request may send: 16 MiB.
    static let maximumImportBytes = 16 * 1_024 * 1_024

    /// `GET …/records.csv?filter=`: the table as CSV, as `formwright export` writes it — an `id`
    /// column, then every stored field, cells that a spreadsheet would run as a formula guarded.
    func exportCSV(_ request: Request, _ context: FormwrightRequestContext) async throws -> Response {
        let (runtime, table) = try appAndTable(context)
        var text = ""
        _ = try await runtimeErrors {
            try await runtime.exportCSV(table: table.name.value, filter: request.uri.queryParameters["filter"].map(String.init)) { text += $0 }
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(table.name.value).csv\""],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// `POST …/records.csv?all_or_nothing=true`: imports a CSV file sent as `text/csv`, every row
    /// validated like a form submission. Answers `{"created", "rejections":[{"line","field","message"}]}`:
    /// 200 when every row was written, 422 when some were refused (with `all_or_nothing`, then none
    /// was written).
    func importCSV(_ request: Request, _ context: FormwrightRequestContext) async throws -> Response {
        let (runtime, table) = try appAndTable(context)
        let mediaType = request.headers[.contentType]?.split(separator: ";").first?.trimmingSpaces.lowercased()
        guard mediaType == "text/csv" else {
            throw ServerError(.unsupportedMediaType, id: "unsupported_media_type", "send the file as CSV with 'Content-Type: text/csv'")
        }
        let allOrNothing: Bool
        switch request.uri.queryParameters["all_or_nothing"].map(String.init) {
        case nil, "false": allOrNothing = false
        case "true": allOrNothing = true
        case let other?: throw ServerError.badRequest("'all_or_nothing' is true or false, not '\(other)'")
        }
        let buffer = try await reading.body(request, context: context, limit: Self.maximumImportBytes)
        let report = try await runtimeErrors {
            try await runtime.importCSV(table: table.name.value, bytes: Array(buffer.readableBytesView), allOrNothing: allOrNothing)
        }
        let rejections = report.rejections.map { rejection -> Value in
            .map(ValueMap([
                (.string("line"), .int(Int64(rejection.line))), (.string("field"), rejection.field.map(Value.string) ?? .null),
                (.string("message"), .string(rejection.message)),
            ]))
        }
        let body = ValueMap([(.string("created"), .int(Int64(report.created))), (.string("rejections"), .list(rejections))])
        return .json(JSONWriter.write(.map(body)), status: report.isComplete ? .ok : .unprocessableContent)
    }
}
