import FormwrightCore
import FormwrightRuntime
import FormwrightStorage
import Hummingbird

extension APIRoutes {
    /// `GET …/workflows/executions?workflow=&state=&limit=&after=`: `{"executions":[…],"next"}`, newest first.
    func listExecutions(_ request: Request, _ context: FormwrightRequestContext) async throws -> Response {
        try requireSignedIn(context)
        let runtime = try app(context)
        let query = request.query
        let (states, limit) = (try Self.states(query["state"]), try Self.limit(query["limit"]))
        let page = try await runtimeErrors {
            try await runtime.executions(workflow: query["workflow"], states: states, limit: limit, after: query["after"])
        }
        return .json(JSONWriter.write(ExecutionPresenter.page(page)))
    }

    /// `GET …/tables/{table}/records/{id}/executions?state=&limit=&after=`: the runs the record started, newest first.
    func recordExecutions(_ request: Request, _ context: FormwrightRequestContext) async throws -> Response {
        let (runtime, table) = try appAndTable(context)
        let id = try context.parameters.require("id")
        let query = request.query
        let (states, limit) = (try Self.states(query["state"]), try Self.limit(query["limit"]))
        let page = try await runtimeErrors {
            try await runtime.executions(states: states, record: (table.name.value, id), limit: limit, after: query["after"])
        }
        if page.executions.isEmpty, query["after"] == nil, try await runtimeErrors({ try await runtime.record(table: table.name.value, id: id) }) == nil {
            throw ServerError.notFound("no record '\(id)' in table '\(table.name.value)'")
        }
        return .json(JSONWriter.write(ExecutionPresenter.page(page)))
    }

    /// `GET …/workflows/executions/{id}`: one execution with its steps and attempts.
    func readExecution(_ request: Request, _ context: FormwrightRequestContext) async throws -> Response {
        try requireSignedIn(context)
        let runtime = try app(context)
        let id = try context.parameters.require("id")
        let execution = try await runtimeErrors { try await runtime.execution(id: id) }
        return .json(JSONWriter.write(ExecutionPresenter.object(execution)))
    }

    /// `POST …/workflows/executions/{id}/retry`: a failed execution back to pending, due now; 409 when it has not failed.
    func retryExecution(_ request: Request, _ context: FormwrightRequestContext) async throws -> Response {
        try requireSignedIn(context)
        let runtime = try app(context)
        let id = try context.parameters.require("id")
        let execution = try await runtimeErrors { try await runtime.retryExecution(id: id) }
        return .json(JSONWriter.write(ExecutionPresenter.object(execution)))
    }

    /// `state=failed,pending` as a set of states; nil without the parameter.
    static func states(_ text: String?) throws -> Set<JobState>? {
        guard let text else { return nil }
        var states: Set<JobState> = []
        for name in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let state = JobState(rawValue: String(name)) else {
                let allowed = JobState.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                throw ServerError.badRequest("unknown state '\(name)'; 'state' takes \(allowed), comma-separated")
            }
            states.insert(state)
        }
        return states
    }

    private static func limit(_ text: String?) throws -> Int {
        guard let text else { return 50 }
        guard let number = Int(text) else { throw ServerError.badRequest("'limit' must be a whole number") }
        return number
    }
}
