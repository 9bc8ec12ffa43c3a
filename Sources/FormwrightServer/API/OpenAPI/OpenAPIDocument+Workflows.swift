import FormwrightCore
import FormwrightStorage

extension OpenAPIDocument {
    /// The workflow execution paths: the list, one execution and its retry.
    var workflowPaths: [(String, Value)] {
        let workflows = app.workflows.map(\.name.value)
        let workflow = JSONSchema.object([("type", .string("string")), ("enum", workflows.isEmpty ? nil : JSONSchema.strings(workflows))])
        let id = OpenAPIOperation.path("id", "The execution's id.")
        let execution = JSONSchema.reference("Execution")
        let list = OpenAPIOperation(
            operationID: "listExecutions", summary: "List workflow executions", description: "Newest first.", tag: "workflows",
            parameters: [
                OpenAPIOperation.query("workflow", workflow, "Only this workflow's runs."), Self.states,
                Self.limit(maximum: JobQuery.maximumLimit), Self.after,
            ],
            responses: [("200", OpenAPIOperation.json(JSONSchema.reference("ExecutionPage"), "A page of executions."))],
            errors: OpenAPIErrorStatus.reading)
        let read = OpenAPIOperation(
            operationID: "getExecution", summary: "Read a workflow execution", tag: "workflows", parameters: [id],
            responses: [("200", OpenAPIOperation.json(execution, "The execution with its steps and attempts."))],
            errors: [.unauthorized, .notFound, .unavailable])
        let retry = OpenAPIOperation(
            operationID: "retryExecution", summary: "Retry a failed workflow execution",
            description: "Sends it back to pending, due now; it resumes at the step that failed.", tag: "workflows", parameters: [id],
            responses: [("200", OpenAPIOperation.json(execution, "The execution, pending again."))],
            errors: [.unauthorized, .notFound, .conflict, .unavailable, .storeFull])
        return [
            ("/workflows/executions", JSONSchema.object([("get", list.json)])),
            ("/workflows/executions/{id}", JSONSchema.object([("get", read.json)])),
            ("/workflows/executions/{id}/retry", JSONSchema.object([("post", retry.json)])),
        ]
    }
}
