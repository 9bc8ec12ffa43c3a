import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightStorage
import Foundation
import Hummingbird

/// The JSON API of the contract: apps, their OpenAPI documents, form submissions, records, workflow executions, forecasts and dashboards.
struct APIRoutes {
    let apps: AppRegistry
    let reading: RequestReading

    func register(on router: Router<FormwrightRequestContext>) {
        let api = router.group("api/v1/apps")
        api.get { _, context in try listApps(context) }
        api.get(":app/openapi.json") { _, context in try openAPIDocument(context) }
        api.post(":app/forms/:form/submissions") { request, context in try await submit(request, context) }
        api.post(":app/forms/:form/evaluate") { request, context in try await evaluate(request, context) }
        api.get(":app/tables/:table/records") { request, context in try await listRecords(request, context) }
        api.get(":app/tables/:table/records.csv") { request, context in try await exportCSV(request, context) }
        api.post(":app/tables/:table/records.csv") { request, context in try await importCSV(request, context) }
        api.get(":app/tables/:table/aggregate") { request, context in try await aggregate(request, context) }
        api.post(":app/tables/:table/records") { request, context in try await createRecord(request, context) }
        api.get(":app/tables/:table/records/:id") { request, context in try await readRecord(request, context) }
        api.patch(":app/tables/:table/records/:id") { request, context in try await updateRecord(request, context) }
        api.delete(":app/tables/:table/records/:id") { request, context in try await deleteRecord(request, context) }
        api.get(":app/tables/:table/records/:id/executions") { request, context in try await recordExecutions(request, context) }
        api.get(":app/workflows/executions") { request, context in try await listExecutions(request, context) }
        api.get(":app/workflows/executions/:id") { request, context in try await readExecution(request, context) }
        api.post(":app/workflows/executions/:id/retry") { request, context in try await retryExecution(request, context) }
        api.get(":app/forecasts/:name") { request, context in try await forecast(request, context) }
        api.get(":app/dashboards/:name") { request, context in try await dashboard(request, context) }
    }

    private func listApps(_ context: FormwrightRequestContext) throws -> Response {
        try requireSignedIn(context)
        let items = apps.all.map { runtime -> Value in
            .map(ValueMap([
                (.string("name"), .string(runtime.name)),
                (.string("title"), .string(runtime.definition.title?.resolve() ?? runtime.name)),
                (.string("revision"), .string(runtime.definition.revision)),
            ]))
        }
        return .json(JSONWriter.write(.map(ValueMap([(.string("apps"), .list(items))]))))
    }

    private func submit(_ request: Request, _ context: FormwrightRequestContext) async throws -> Response {
        let runtime = try app(context)
        let formName = try context.parameters.require("form")
        guard let form = runtime.definition.form(named: formName), let table = runtime.definition.table(named: form.table.value) else {
            throw ServerError.notFound("no form '\(formName)' in app '\(runtime.name)'")
        }
        guard form.isPublic || context.identity.isSignedIn else { throw ServerError.unauthorized }
        let input = SubmissionInput(values: try await reading.jsonObject(request, context: context), format: .json)
        let record = try await rejectionsAsJSON(request) { try await runtime.submit(form: formName, input: input, user: context.identity.expressionValue) }
        guard context.identity.isSignedIn else {
            return .json("{\"id\":\(JSONText.quote(record.id))}", status: .created)
        }
        let body = ValueMap([(.string("id"), .string(record.id)), (.string("record"), RecordPresenter(table: table).object(record))])
        return .json(JSONWriter.write(.map(body)), status: .created)
    }

    /// A draft in, the form's live state out: visibility, required-ness, computed values, errors. Writes nothing.
    private func evaluate(_ request: Request, _ context: FormwrightRequestContext) async throws -> Response {
        let runtime = try app(context)
        let formName = try context.parameters.require("form")
        guard let form = runtime.definition.form(named: formName) else { throw ServerError.notFound("no form '\(formName)' in app '\(runtime.name)'") }
        guard form.isPublic || context.identity.isSignedIn else { throw ServerError.unauthorized }
        let draft = SubmissionInput(values: try await reading.jsonObject(request, context: context), format: .json)
        let evaluation = try await runtimeErrors { try runtime.evaluate(form: formName, draft: draft, user: context.identity.expressionValue) }
        return .json(JSONWriter.write(evaluation.json(locales: AcceptLanguage.preferences(request))))
    }

    private func listRecords(_ request: Request, _ context: FormwrightRequestContext) async throws -> Response {
        let (runtime, table) = try appAndTable(context)
        let query = request.query
        let limit = try query["limit"].map { text -> Int in
            guard let number = Int(text) else { throw ServerError.badRequest("'limit' must be a whole number") }
            return number
        } ?? 50
        let after = query["after"]
        let page = try await runtimeErrors {
            try await runtime.records(
                table: table.name.value, filter: query["filter"], sort: query["sort"], limit: limit, after: after,
                user: context.identity.expressionValue)
        }
        let presenter = RecordPresenter(table: table)
        let body = ValueMap([
            (.string("records"), .list(page.records.map(presenter.object))),
            (.string("next"), page.next.map(Value.string) ?? .null),
        ])
        return .json(JSONWriter.write(.map(body)))
    }

    /// `?group=region,week(closed_at)&measure=count,sum(amount)`: groups and their measures, computed by the store.
    private func aggregate(_ request: Request, _ context: FormwrightRequestContext) async throws -> Response {
        let (runtime, table) = try appAndTable(context)
        let query = FormEncoding.decode(request.uri.query ?? "")
        if let unknown = query.keys.sorted().first(where: { !["group", "measure", "filter"].contains($0) }) {
            throw ServerError.badRequest("unknown query parameter '\(unknown)'; aggregate takes 'group', 'measure' and 'filter'")
        }
        func terms(_ key: String) throws -> [String] {
            let values = query[key] ?? []
            guard values.count <= 1 else {
                throw ServerError.badRequest("'\(key)' is given \(values.count) times; list its terms once, comma-separated")
            }
            return values.first.map(AggregateSpec.terms) ?? []
        }
        let (groups, measures) = (try terms("group"), try terms("measure"))
        let filters = query["filter"] ?? []
        guard filters.count <= 1 else { throw ServerError.badRequest("'filter' is given \(filters.count) times; give one condition") }
        let result = try await runtimeErrors {
            try await runtime.aggregate(
                table: table.name.value, groupBy: groups, measures: measures, filter: filters.first, user: context.identity.expressionValue)
        }
        return .json(JSONWriter.write(result.json))
    }

    private func createRecord(_ request: Request, _ context: FormwrightRequestContext) async throws -> Response {
        let (runtime, table) = try appAndTable(context)
        let input = SubmissionInput(values: try await reading.jsonObject(request, context: context), format: .json)
        let record = try await rejectionsAsJSON(request) {
            try await runtime.create(table: table.name.value, input: input, user: context.identity.expressionValue)
        }
        return recordResponse(record, table, status: .created)
    }

    private func readRecord(_ request: Request, _ context: FormwrightRequestContext) async throws -> Response {
        let (runtime, table) = try appAndTable(context)
        let id = try context.parameters.require("id")
        guard let record = try await runtimeErrors({ try await runtime.record(table: table.name.value, id: id) }) else {
            throw ServerError.notFound("no record '\(id)' in table '\(table.name.value)'")
        }
        return recordResponse(record, table)
    }

    private func updateRecord(_ request: Request, _ context: FormwrightRequestContext) async throws -> Response {
        let (runtime, table) = try appAndTable(context)
        let id = try context.parameters.require("id")
        let expected = try expectedVersion(request)
        let input = SubmissionInput(values: try await reading.jsonObject(request, context: context), format: .json)
        let record = try await rejectionsAsJSON(request) {
            try await runtime.update(table: table.name.value, id: id, input: input, expectedVersion: expected, user: context.identity.expressionValue)
        }
        return recordResponse(record, table)
    }

    private func deleteRecord(_ request: Request, _ context: FormwrightRequestContext) async throws -> Response {
        let (runtime, table) = try appAndTable(context)
        let id = try context.parameters.require("id")
        let expected = try expectedVersion(request)
        try await runtimeErrors { try await runtime.delete(table: table.name.value, id: id, expectedVersion: expected) }
        return Response(status: .noContent)
    }

    // MARK: Helpers

    /// A record as JSON with its version as the `ETag`.
    private func recordResponse(_ record: StoredRecord, _ table: TableDefinition, status: HTTPResponse.Status = .ok) -> Response {
        var response = Response.json(JSONWriter.write(RecordPresenter(table: table).object(record)), status: status)
        response.headers[.eTag] = "\"\(record.version)\""
        return response
    }

    func requireSignedIn(_ context: FormwrightRequestContext) throws {
        guard context.identity.isSignedIn else { throw ServerError.unauthorized }
    }

    func app(_ context: FormwrightRequestContext) throws -> AppRuntime {
        let name = try context.parameters.require("app")
        guard let runtime = apps.app(name) else { throw ServerError.notFound("no app '\(name)'") }
        return runtime
    }

    func appAndTable(_ context: FormwrightRequestContext) throws -> (AppRuntime, TableDefinition) {
        try requireSignedIn(context)
        let runtime = try app(context)
        let name = try context.parameters.require("table")
        guard let table = runtime.definition.table(named: name) else { throw ServerError.notFound("no table '\(name)' in app '\(runtime.name)'") }
        return (runtime, table)
    }

    /// The version named by `If-Match` (`"3"`, `W/"3"` or `3`); nil without the header.
    private func expectedVersion(_ request: Request) throws -> Int64? {
        guard let header = request.headers[.ifMatch] else { return nil }
        var text = Substring(header.trimmingCharacters(in: .whitespaces))
        if text.hasPrefix("W/") { text = text.dropFirst(2) }
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = text.dropFirst().dropLast() }
        guard let version = Int64(text) else { throw ServerError.badRequest("'If-Match' must name a record version such as \"3\"") }
        return version
    }

    private func rejectionsAsJSON<T>(_ request: Request, _ body: () async throws -> T) async throws -> T {
        do {
            return try await runtimeErrors(body)
        } catch let rejected as SubmissionRejected {
            throw FieldErrorsResponse(errors: rejected.errors, locales: AcceptLanguage.preferences(request))
        }
    }
}

/// Maps runtime errors to HTTP errors.
func runtimeErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as RuntimeError {
        switch error.kind {
        case .notFound: throw ServerError.notFound(error.message)
        case .versionConflict: throw ServerError(.preconditionFailed, id: "version_conflict", error.message)
        case .badRequest: throw ServerError.badRequest(error.message)
        case .conflict: throw ServerError(.conflict, id: "conflict", error.message)
        case .unavailable, .busy, .full, .readOnly: throw ServerError.store(error)
        }
    }
}
