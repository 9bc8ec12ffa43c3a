import FormwrightCore
import FormwrightDefinition

extension OpenAPIDocument {
    /// A form's two paths: its submissions and the live evaluation of a draft.
    func formPaths(_ form: FormDefinition) -> [(String, Value)] {
        let name = form.name.value
        let table = form.table.value
        let title = form.title?.resolve(for: ["en"]) ?? name
        let created: Value
        if form.isPublic {
            let answer = JSONSchema.closedObject(
                [("id", JSONSchema.typed("string", "The new record's id.")), ("record", JSONSchema.reference(names.record(table)))], required: ["id"],
                description: "`{\"id\", \"record\"}` to a caller with a token; `{\"id\"}` alone to an anonymous caller.")
            created = OpenAPIOperation.json(answer, "The record was created and committed.")
        } else {
            let answer = JSONSchema.closedObject([
                ("id", JSONSchema.typed("string", "The new record's id.")), ("record", JSONSchema.reference(names.record(table))),
            ])
            created = OpenAPIOperation.json(answer, "The record was created and committed.")
        }
        let access = form.isPublic ? " Anyone may submit this form: without a token the answer holds the id alone." : ""
        let submit = OpenAPIOperation(
            operationID: "submit\(names.form(name))", summary: "Submit '\(title)'",
            description: "Creates a record of table '\(table)' from the form's fields, checked by the form's and the table's rules; "
                + "every problem is reported at once.\(access)",
            tag: "forms", body: OpenAPIOperation.jsonBody(JSONSchema.reference(names.submission(name)), "The form's fields by name."),
            responses: [
                ("201", created),
                ("422", OpenAPIOperation.json(JSONSchema.reference("FieldErrors"), "Field errors; nothing was written.")),
            ],
            errors: OpenAPIErrorStatus.reading + OpenAPIErrorStatus.body + [.storeFull], isAnonymousAllowed: form.isPublic)
        let draft = JSONSchema.object([
            ("type", .string("object")),
            (
                "description",
                .string(
                    "What has been filled in so far: any of the fields of `\(names.submission(name))`, none required. "
                        + "Problems with it are reported in the answer's `errors`, not refused.")
            ),
        ])
        let evaluate = OpenAPIOperation(
            operationID: "evaluate\(names.form(name))", summary: "Evaluate a draft of '\(title)'",
            description: "Which fields show, must be filled in and may be edited, the computed values and the errors the draft would get "
                + "if submitted now. Writes nothing.",
            tag: "forms", body: OpenAPIOperation.jsonBody(draft, "The draft."),
            responses: [("200", OpenAPIOperation.json(JSONSchema.reference("FormEvaluation"), "The form's state for the draft."))],
            errors: [.badRequest, .unauthorized, .notFound] + OpenAPIErrorStatus.body, isAnonymousAllowed: form.isPublic)
        return [
            ("/forms/\(name)/submissions", JSONSchema.object([("post", submit.json)])),
            ("/forms/\(name)/evaluate", JSONSchema.object([("post", evaluate.json)])),
        ]
    }
}
