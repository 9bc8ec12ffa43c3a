public import FormwrightCore
public import FormwrightDefinition

/// The OpenAPI 3.1 document of one app, generated from its definition: every route the API
/// serves for the app, with the app's own forms, tables, workflows and forecasts named in its
/// paths, and a schema per table (`<Table>Record`, `<Table>Input`) and per form
/// (`<Form>Submission`). `GET /api/v1/apps/{app}/openapi.json` answers with it.
///
/// ```swift
/// let text = JSONWriter.write(OpenAPIDocument(app: runtime.definition).json)
/// ```
///
/// Paths are relative to the server `/api/v1/apps/{app}`. Every operation takes the bearer token
/// but a public form's, which anonymous callers may submit too.
public struct OpenAPIDocument: Sendable {
    /// The app described.
    public let app: AppDefinition
    let names: SchemaNames

    /// Describes an app.
    public init(app: AppDefinition) {
        self.app = app
        names = SchemaNames(app: app)
    }

    /// The document as JSON.
    public var json: Value {
        JSONSchema.object([
            ("openapi", .string("3.1.0")),
            ("info", info),
            (
                "servers",
                .list([
                    JSONSchema.object([
                        ("url", .string("/api/v1/apps/\(app.name.value)")), ("description", .string("The server this document was fetched from.")),
                    ])
                ])
            ),
            ("security", .list([JSONSchema.object([("bearer", .list([]))])])),
            ("tags", .list(tags.map { JSONSchema.object([("name", .string($0.0)), ("description", .string($0.1))]) })),
            ("paths", .map(ValueMap(paths.map { (Value.string($0.0), $0.1) }))),
            ("components", components),
        ])
    }

    private var info: Value {
        let overview = """
            Records are flat JSON objects: their fields by name (dates as `YYYY-MM-DD`, datetimes as RFC 3339 in UTC, \
            money as a decimal string, links as the target's id, an empty field as null) plus `id`, `version`, \
            `created_at` and `updated_at`. Every operation takes `Authorization: Bearer TOKEN`; only a public form's \
            operations also take anonymous calls. Errors are `{"error": {"message", "id"}}` with a stable `id`; \
            field errors are 422 `{"errors": [{"field", "message"}]}`, worded in the `Accept-Language` of the request.
            """
        return JSONSchema.object([
            ("title", .string(app.title?.resolve(for: ["en"]) ?? app.name.value)),
            ("description", .string(([app.description?.resolve(for: ["en"])].compactMap { $0 } + [overview]).joined(separator: "\n\n"))),
            ("version", .string(app.revision)),
        ])
    }

    private var tags: [(String, String)] {
        var tags = [
            ("app", "This document."), ("forms", "Form submissions and live evaluation."),
            ("records", "The records of each table: list, read, create, change, delete, aggregate, CSV."),
            ("workflows", "Workflow executions: watch and retry."),
        ]
        if !app.forecasts.isEmpty { tags.append(("forecasts", "Forecasts run on the current data.")) }
        if !app.dashboards.isEmpty { tags.append(("dashboards", "Dashboards computed on the current data.")) }
        return tags
    }

    /// Every path with its operations, in a stable order: this document, forms, tables, workflows, forecasts, dashboards.
    var paths: [(String, Value)] {
        var paths: [(String, Value)] = [
            ("/openapi.json", JSONSchema.object([("get", documentOperation.json)]))
        ]
        for form in app.forms { paths += formPaths(form) }
        for table in app.tables { paths += tablePaths(table) }
        paths += workflowPaths
        for forecast in app.forecasts { paths.append(forecastPath(forecast)) }
        for dashboard in app.dashboards { paths.append(dashboardPath(dashboard)) }
        return paths
    }

    private var documentOperation: OpenAPIOperation {
        OpenAPIOperation(
            operationID: "getOpenAPIDocument", summary: "This document", tag: "app",
            responses: [("200", OpenAPIOperation.json(JSONSchema.typed("object", "An OpenAPI 3.1 document."), "The app's OpenAPI document."))],
            errors: [.unauthorized, .notFound])
    }

    private var components: Value {
        var schemas: [(String, Value)] = []
        for table in app.tables {
            let tableSchemas = TableSchemas(table: table)
            schemas.append((names.record(table.name.value), tableSchemas.record))
            schemas.append((names.input(table.name.value), tableSchemas.input))
        }
        for form in app.forms {
            guard let table = app.table(named: form.table.value) else { continue }
            schemas.append((names.submission(form.name.value), TableSchemas(table: table).submission(form)))
        }
        schemas += OpenAPISchemas.shared
        if !app.forecasts.isEmpty { schemas += OpenAPISchemas.forecast }
        if !app.dashboards.isEmpty { schemas += OpenAPISchemas.dashboard }
        return JSONSchema.object([
            ("schemas", .map(ValueMap(schemas.map { (Value.string($0.0), $0.1) }))),
            ("responses", .map(ValueMap(OpenAPIErrorStatus.allCases.map { (Value.string($0.name), $0.response) }))),
            (
                "securitySchemes",
                JSONSchema.object([
                    (
                        "bearer",
                        JSONSchema.object([
                            ("type", .string("http")), ("scheme", .string("bearer")),
                            ("description", .string("The admin token: `FORMWRIGHT_ADMIN_TOKEN`, or the one `formwright serve` prints.")),
                        ])
                    )
                ])
            ),
        ])
    }
}
