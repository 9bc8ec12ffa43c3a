import FormwrightCore
import FormwrightDefinition
import Foundation
import Testing

/// The example app's integrations and workflow decode into the model the engine runs.
@Suite struct WorkflowDecodingTests {
    static func exampleApp() throws -> AppDefinition {
        let path = TestPaths.packageRoot.appendingPathComponent("apps/customer-sentiment/app.yaml").path
        let loaded = try DefinitionLoader().loadFile(path)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map { "\($0.range.start) \($0.message)" })")
        return try #require(loaded.definition)
    }

    @Test func exampleIntegrationsDecode() throws {
        let app = try Self.exampleApp()
        #expect(app.integrations.map(\.name.value) == ["sentiment", "sentiment_service"])
        let scorer = try #require(app.integration(named: "sentiment"))
        guard case .sentiment = scorer.kind else {
            Issue.record("'sentiment' should be the built-in scorer")
            return
        }
        #expect(scorer.inputs?.map(\.name.value) == ["text"])
        #expect(scorer.outputs.map(\.name.value) == ["score", "label"])
        #expect(scorer.outputs.map(\.type) == [.number, .text])

        let service = try #require(app.integration(named: "sentiment_service"))
        guard case .http(let http) = service.kind else {
            Issue.record("'sentiment_service' should be an http integration")
            return
        }
        #expect(http.url.text == "{{ env.SENTIMENT_URL }}/score")
        #expect(http.allowsPrivateAddresses)
        #expect(http.method.value == .POST)
        #expect(http.timeout.value == TimeSpan(seconds: 5))
        #expect(http.headers.map { $0.name.value } == ["Authorization"])
        #expect(service.inputs?.map(\.type) == [.text])
        #expect(service.outputs.map(\.type) == [.number, .text])

        let compiled = try #require(app.expressions.integrations["sentiment_service"])
        let url = try #require(compiled.url)
        #expect(url.holdsSecret)
        #expect(url.redacted { _ in "http://10.0.0.5" } == "{{ env.SENTIMENT_URL }}/score")
        #expect(compiled.headers.first?.value.readsEnvironment == true)
        #expect(compiled.body?.readsEnvironment == false)
        #expect(compiled.output.map { $0.name } == ["score", "label"])
        guard case .program(let score)? = compiled.output.first?.value else {
            Issue.record("the score output should be computed")
            return
        }
        #expect(score.resultType == .double)
    }

    @Test func exampleWorkflowDecodes() throws {
        let app = try Self.exampleApp()
        let workflow = try #require(app.workflow(named: "score_sentiment"))
        guard case .record(let trigger) = workflow.trigger else { return }
        #expect(trigger.change == .created)
        #expect(trigger.table.value == "conversations")
        #expect(trigger.condition == nil)
        #expect(workflow.retry == RetryPolicy(attempts: 5, backoff: .exponential, initial: TimeSpan(seconds: 1), maximum: TimeSpan(seconds: 300)))
        #expect(workflow.retriggers == false)
        #expect(workflow.steps.map(\.id.value) == ["builtin_score", "service_score", "save", "follow_up"])
        #expect(workflow.steps.map(\.action.keyword) == ["call", "call", "update", "create"])
        if case .call(let integration, let inputs) = workflow.steps[0].action {
            #expect(integration.value == "sentiment")
            #expect(inputs.map { $0.name.value } == ["text"])
        }
        if case .call(let integration, _) = workflow.steps[1].action {
            #expect(integration.value == "sentiment_service")
        }
        #expect(workflow.steps[0].condition?.text == "!('SENTIMENT_URL' in env)")
        #expect(workflow.steps[1].condition?.text == "'SENTIMENT_URL' in env")
        if case .create(let write) = workflow.steps[3].action {
            #expect(write.table.value == "tasks")
            #expect(write.values.map(\.field.value) == ["conversation", "title", "due_on"])
        }
        #expect(workflow.steps[3].condition?.text == "steps.save.risk == 'high'")

        let compiled = try #require(app.expressions.workflows["score_sentiment"])
        #expect(compiled.steps["builtin_score"]?.inputs.map { $0.name } == ["text"])
        #expect(compiled.steps["service_score"]?.condition?.resultType == .bool)
        #expect(compiled.steps["save"]?.values.map { $0.field } == ["sentiment"])
        #expect(compiled.steps["follow_up"]?.condition?.resultType == .bool)
        #expect(compiled.steps["follow_up"]?.values.map { $0.field } == ["conversation", "title", "due_on"])
    }

    @Test func stepRetryTakesMissingKeysFromTheWorkflow() throws {
        let (loaded, _) = WorkflowFixture.load(
            """
            workflows:
              w:
                on: { updated: conversations }
                retrigger: true
                retry: { attempts: 7, initial: 2s }
                steps:
                  - { id: stop, fail: { message: stop }, retry: { backoff: fixed } }
                  - { id: other, fail: { message: other } }
            """)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message))")
        let workflow = try #require(loaded.definition?.workflow(named: "w"))
        #expect(workflow.retriggers)
        #expect(workflow.retry == RetryPolicy(attempts: 7, backoff: .exponential, initial: TimeSpan(seconds: 2), maximum: TimeSpan(seconds: 300)))
        #expect(workflow.steps[0].retry == RetryPolicy(attempts: 7, backoff: .fixed, initial: TimeSpan(seconds: 2), maximum: TimeSpan(seconds: 300)))
        #expect(workflow.steps[1].retry == nil)
    }

    @Test func upsertAndUntypedCallDecode() throws {
        let (loaded, _) = WorkflowFixture.load(
            """
              open:
                kind: http
                url: "https://api.example.com/v1/{{ input.kind }}"
                body: { items: [1, "= input.count", { flag: true }], note: "" }
                output: { id: "= response.body.id" }
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: post, call: open, with: { kind: notes, count: 3 } }
                  - id: customer
                    upsert: customers
                    key: email
                    values: { email: "= string(steps.post.id) + '@example.com'", name: "= record.transcript" }
            """)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message))")
        let app = try #require(loaded.definition)
        let open = try #require(app.integration(named: "open"))
        #expect(open.inputs == nil)
        #expect(open.outputs.map(\.type) == [.any])
        if case .http(let http) = open.kind { #expect(http.method.value == .POST) }
        let step = try #require(app.workflow(named: "w")?.steps.last)
        guard case .upsert(let write) = step.action else {
            Issue.record("the second step should be an upsert")
            return
        }
        #expect(write.key.map(\.value) == ["email"])
    }
}
