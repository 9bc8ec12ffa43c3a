import FormwrightCore
import FormwrightDefinition
import FormwrightRuntime
import FormwrightStorage

extension OpenAPIDocument {
    /// A table's paths: its records, one record, the runs a record started, CSV and aggregates.
    func tablePaths(_ table: TableDefinition) -> [(String, Value)] {
        let name = table.name.value
        let pascal = names.table(name)
        let record = JSONSchema.reference(names.record(name))
        let id = OpenAPIOperation.path("id", "The record's id.")
        let tagged = OpenAPIOperation.json(record, "The record.", headers: [("ETag", Self.eTag)])
        let writing = OpenAPIErrorStatus.reading + OpenAPIErrorStatus.body + [.storeFull]
        let fieldErrors = ("422", OpenAPIOperation.json(JSONSchema.reference("FieldErrors"), "Field errors; nothing was written."))

        let list = OpenAPIOperation(
            operationID: "list\(pascal)Records", summary: "List records of '\(name)'",
            description: "Oldest first unless `sort` says otherwise; `next` continues the same listing.", tag: "records",
            parameters: [
                OpenAPIOperation.query(
                    "filter", JSONSchema.typed("string"),
                    "A CEL condition over each record, which sees its fields by name, `record`, `user` and `now`; "
                        + "a record on which it cannot be worked out does not match."),
                OpenAPIOperation.query(
                    "sort", JSONSchema.object([("type", .string("string")), ("enum", JSONSchema.strings(Self.sortKeys(table)))]),
                    "A field or `created_at`, `updated_at`, `id`: ascending, or descending after `-`. Oldest first when not given."),
                Self.limit(maximum: RecordQuery.maximumLimit),
                Self.after,
            ],
            responses: [("200", OpenAPIOperation.json(Self.page("records", of: record), "A page of records."))],
            errors: OpenAPIErrorStatus.reading)
        let create = OpenAPIOperation(
            operationID: "create\(pascal)Record", summary: "Create a record of '\(name)'",
            description: "Computed fields are worked out and the table's rules checked; every problem is reported at once.", tag: "records",
            body: OpenAPIOperation.jsonBody(createBody(table), "The new record's fields."),
            responses: [
                ("201", OpenAPIOperation.json(record, "The record was created and committed.", headers: [("ETag", Self.eTag)])), fieldErrors,
            ],
            errors: writing)
        let read = OpenAPIOperation(
            operationID: "get\(pascal)Record", summary: "Read a record of '\(name)'", tag: "records", parameters: [id],
            responses: [("200", tagged)], errors: [.unauthorized, .notFound, .unavailable])
        let update = OpenAPIOperation(
            operationID: "update\(pascal)Record", summary: "Change a record of '\(name)'",
            description: "Changes the fields sent and no other; computed fields are worked out again and the table's rules checked.",
            tag: "records", parameters: [id, Self.ifMatch],
            body: OpenAPIOperation.jsonBody(JSONSchema.reference(names.input(name)), "The fields to change; null empties a field."),
            responses: [("200", tagged), fieldErrors], errors: writing + [.preconditionFailed])
        let delete = OpenAPIOperation(
            operationID: "delete\(pascal)Record", summary: "Delete a record of '\(name)'", tag: "records", parameters: [id, Self.ifMatch],
            responses: [("204", JSONSchema.object([("description", .string("The record was deleted."))]))],
            errors: OpenAPIErrorStatus.reading + [.preconditionFailed, .storeFull])
        let executions = OpenAPIOperation(
            operationID: "list\(pascal)RecordExecutions", summary: "Workflow runs a record of '\(name)' started", description: "Newest first.",
            tag: "workflows", parameters: [id, Self.states, Self.limit(maximum: JobQuery.maximumLimit), Self.after],
            responses: [("200", OpenAPIOperation.json(JSONSchema.reference("ExecutionPage"), "A page of executions."))],
            errors: OpenAPIErrorStatus.reading)
        return [
            ("/tables/\(name)/records", JSONSchema.object([("get", list.json), ("post", create.json)])),
            ("/tables/\(name)/records/{id}", JSONSchema.object([("get", read.json), ("patch", update.json), ("delete", delete.json)])),
            ("/tables/\(name)/records/{id}/executions", JSONSchema.object([("get", executions.json)])),
            ("/tables/\(name)/records.csv", JSONSchema.object([("get", exportCSV(table).json), ("post", importCSV(table).json)])),
            ("/tables/\(name)/aggregate", JSONSchema.object([("get", aggregate(table).json)])),
        ]
    }

    /// `<Table>Input` with the fields a new record must be given.
    private func createBody(_ table: TableDefinition) -> Value {
        let required = TableSchemas(table: table).requiredOnCreate
        let input = JSONSchema.reference(names.input(table.name.value))
        guard !required.isEmpty else { return input }
        return JSONSchema.object([("allOf", .list([input, JSONSchema.object([("required", JSONSchema.strings(required))])]))])
    }

    private func exportCSV(_ table: TableDefinition) -> OpenAPIOperation {
        let csv = JSONSchema.object([
            ("description", .string("An `id` column, then every stored field; cells a spreadsheet would run as a formula are guarded.")),
            (
                "headers",
                JSONSchema.object([
                    (
                        "Content-Disposition",
                        JSONSchema.object([
                            ("description", .string("`attachment; filename=\"\(table.name.value).csv\"`")), ("schema", JSONSchema.typed("string")),
                        ])
                    )
                ])
            ),
            ("content", JSONSchema.object([("text/csv", JSONSchema.object([("schema", JSONSchema.typed("string"))]))])),
        ])
        return OpenAPIOperation(
            operationID: "export\(names.table(table.name.value))CSV", summary: "Export '\(table.name.value)' as CSV",
            description: "As `formwright export` writes it.", tag: "records",
            parameters: [OpenAPIOperation.query("filter", JSONSchema.typed("string"), "A CEL condition over each record, as for listing.")],
            responses: [("200", csv)], errors: OpenAPIErrorStatus.reading)
    }

    private func importCSV(_ table: TableDefinition) -> OpenAPIOperation {
        let body = JSONSchema.object([
            ("description", .string("A CSV file with a header row naming fields, at most 16 MiB.")), ("required", .bool(true)),
            ("content", JSONSchema.object([("text/csv", JSONSchema.object([("schema", JSONSchema.typed("string"))]))])),
        ])
        let report = JSONSchema.reference("ImportReport")
        return OpenAPIOperation(
            operationID: "import\(names.table(table.name.value))CSV", summary: "Import CSV into '\(table.name.value)'",
            description: "Every row is checked like a form submission, as `formwright import` does.", tag: "records",
            parameters: [
                OpenAPIOperation.query(
                    "all_or_nothing", JSONSchema.object([("type", .string("boolean")), ("default", .bool(false))]),
                    "With `true`, nothing is written when any row is refused.")
            ],
            body: body,
            responses: [
                ("200", OpenAPIOperation.json(report, "Every row was written.")),
                ("422", OpenAPIOperation.json(report, "Some rows were refused; with `all_or_nothing=true` none was written.")),
            ],
            errors: OpenAPIErrorStatus.reading + OpenAPIErrorStatus.body + [.storeFull])
    }

    private func aggregate(_ table: TableDefinition) -> OpenAPIOperation {
        OpenAPIOperation(
            operationID: "aggregate\(names.table(table.name.value))", summary: "Aggregate '\(table.name.value)'",
            description: "Groups and their measures, computed by the store; at most \(AggregateSpec.maximumTerms) terms together. "
                + "Each group is one object holding its keys and measures by their terms. Any other parameter is refused.",
            tag: "records",
            parameters: [
                OpenAPIOperation.query(
                    "group", JSONSchema.typed("string"),
                    "Comma-separated grouping keys: a field, or `day(f)`, `week(f)` (ISO) or `month(f)` of a date or datetime field, "
                        + "in the app's time zone. One group when not given."),
                OpenAPIOperation.query(
                    "measure", JSONSchema.typed("string"),
                    "Comma-separated measures: `count`, `sum(f)`, `avg(f)`, `min(f)`, `max(f)`. `count` when not given."),
                OpenAPIOperation.query("filter", JSONSchema.typed("string"), "A CEL condition over each record, as for listing."),
            ],
            responses: [("200", OpenAPIOperation.json(JSONSchema.reference("AggregateResult"), "The groups."))],
            errors: OpenAPIErrorStatus.reading)
    }

    /// The names a table's records may be sorted by, ascending and descending.
    static func sortKeys(_ table: TableDefinition) -> [String] {
        let names = table.fields.filter { StoreSchemaMapper.columnType(of: $0).isSortable }.map(\.name.value) + ["created_at", "updated_at", "id"]
        return names + names.map { "-" + $0 }
    }

    static let eTag = JSONSchema.object([("description", .string("The record's version, quoted: `\"3\"`.")), ("schema", JSONSchema.typed("string"))])

    static let ifMatch = JSONSchema.object([
        ("name", .string("If-Match")), ("in", .string("header")),
        ("description", .string("The version the change is meant for (`\"3\"`, `W/\"3\"` or `3`): a record changed since is answered with 412.")),
        ("schema", JSONSchema.typed("string")),
    ])

    static let after = OpenAPIOperation.query("after", JSONSchema.typed("string"), "The `next` cursor of the previous page.")

    static var states: Value {
        OpenAPIOperation.query(
            "state", JSONSchema.typed("string"),
            "Only runs in these states, comma-separated: " + JobState.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ") + ".")
    }

    static func limit(maximum: Int) -> Value {
        OpenAPIOperation.query(
            "limit",
            JSONSchema.object([("type", .string("integer")), ("minimum", .int(1)), ("maximum", .int(Int64(maximum))), ("default", .int(50))]),
            "How many at most.")
    }

    /// `{"<items>": [...], "next": cursor-or-null}`.
    static func page(_ items: String, of item: Value) -> Value {
        JSONSchema.closedObject([
            (items, JSONSchema.array(of: item)),
            ("next", JSONSchema.nullable(JSONSchema.typed("string", "The cursor of the next page, for `after`; null on the last page."))),
        ])
    }
}
