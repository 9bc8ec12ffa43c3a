import FormwrightCore
import FormwrightDefinition
import Testing

/// One test per workflow diagnostic: its id, its exact message and its line and column.
@Suite struct WorkflowDiagnosticTests {
    @Test func triggerNamesUnknownTable() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: 1️⃣conversation }
                steps:
                  - { id: stop, fail: { message: stop } }
            """,
            id: "definition.unknownTable", message: "the trigger names unknown table 'conversation'; did you mean 'conversations'?")
    }

    @Test func triggerNeedsAChange() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: 1️⃣{ when: "true" }
                steps:
                  - { id: stop, fail: { message: stop } }
            """,
            id: "definition.missingKey",
            message: "'on' needs one of 'created', 'updated' or 'deleted' naming a table, as in 'on: { created: conversations }'")
    }

    @Test func triggerTakesOneChange() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations, 1️⃣deleted: conversations }
                steps:
                  - { id: stop, fail: { message: stop } }
            """,
            id: "definition.constraintConflict",
            message: "'on' takes one change, and 'created' is already given; write another workflow for 'deleted'")
    }

    @Test func oldOutsideAnUpdatedTrigger() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations, when: "record.channel != 1️⃣old.channel" }
                steps:
                  - { id: stop, fail: { message: stop } }
            """,
            id: "definition.unavailableName",
            message: "'old' is the record before the change and exists only on 'updated' triggers; this workflow runs on 'created'")
    }

    @Test func oldOnAnUpdatedTriggerChecksClean() throws {
        let (loaded, _) = WorkflowFixture.load(
            """
            workflows:
              w:
                on: { updated: conversations, when: "record.channel != old.channel" }
                steps:
                  - { id: stop, fail: { message: "channel changed to {{ record.channel }}" } }
            """)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message))")
        let expressions = try #require(loaded.definition?.expressions.workflows["w"])
        #expect(expressions.trigger != nil)
        #expect(expressions.steps["stop"]?.failMessage?.hasHoles == true)
    }

    @Test func inputInAWorkflow() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - id: stop
                    when: "1️⃣input.reason == 'x'"
                    fail: { message: stop }
            """,
            id: "definition.unavailableName",
            message: "'input' holds the inputs of a manual action; a workflow started by a record change has none (read the record as 'record')")
    }

    @Test func laterStep() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - id: save
                    update: { sentiment: "= 1️⃣steps.score.score" }
                  - { id: score, call: scorer, with: { text: "= record.transcript" } }
            """,
            id: "definition.stepOrder",
            message: "step 'save' cannot read 'steps.score': step 'score' runs later; a step reads only the outputs of the steps before it")
    }

    @Test func ownStep() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - id: score
                    when: "1️⃣steps.score.score > 0.0"
                    call: scorer
                    with: { text: "= record.transcript" }
            """,
            id: "definition.stepOrder", message: "step 'score' cannot read its own outputs 'steps.score'; they exist only after it has run")
    }

    @Test func unknownStep() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: score, call: scorer, with: { text: "= record.transcript" } }
                  - id: save
                    update: { sentiment: "= 1️⃣steps.scroe.score" }
            """,
            id: "definition.unknownStep", message: "unknown step 'scroe' in 'steps.scroe'; did you mean 'score'?")
    }

    @Test func unknownStepOutput() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: score, call: scorer, with: { text: "= record.transcript" } }
                  - id: save
                    update: { sentiment: "= 1️⃣steps.score.scroe" }
            """,
            id: "expression.unknownField", message: "unknown field 'scroe' in 'steps.score'; did you mean 'score'?")
    }

    @Test func stepValueOfTheWrongType() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: score, call: scorer, with: { text: "= record.transcript" } }
                  - id: save
                    update: { sentiment: "= 1️⃣steps.score.label" }
            """,
            id: "expression.typeMismatch",
            message: "expected 'double' but found 'string': 'update' of number field 'sentiment' must give a double")
    }

    @Test func duplicateStepID() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: stop, fail: { message: one } }
                  - { id: 1️⃣stop, fail: { message: two } }
            """,
            id: "definition.duplicateName", message: "step id 'stop' is used twice in workflow 'w'; each step needs its own id")
    }

    @Test func unknownIntegration() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: score, call: 1️⃣scorr, with: { text: "= record.transcript" } }
            """,
            id: "definition.unknownIntegration", message: "step 'score' calls unknown integration 'scorr'; did you mean 'scorer'?")
    }

    @Test func unknownInput() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: score, call: service, with: { text: "= record.transcript", 1️⃣txet: hello } }
            """,
            id: "definition.unknownInput", message: "integration 'service' has no input 'txet'; did you mean 'text'? (its inputs: text)")
    }

    @Test func missingInput() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: score, call: service, 1️⃣with: {} }
            """,
            id: "definition.missingInput", message: "step 'score' calls 'service' without its input 'text'; give it under 'with'")
    }

    @Test func inputOfTheWrongType() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: score, call: service, with: { text: "= 1️⃣record.sentiment" } }
            """,
            id: "expression.typeMismatch",
            message: "expected 'string' but found 'double?' for input 'text' of integration 'service', declared 'text'")
    }

    @Test func unknownFieldInUpdate() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: save, update: { 1️⃣sentimnet: 0.5 } }
            """,
            id: "definition.unknownField", message: "unknown field 'sentimnet' in table 'conversations'; did you mean 'sentiment'?")
    }

    @Test func computedFieldWrite() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: save, update: { 1️⃣risk: high } }
            """,
            id: "definition.computedFieldWrite",
            message: "field 'risk' of table 'conversations' is computed, so a step cannot write it; it is recomputed on every write")
    }

    @Test func literalOfTheWrongType() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: save, update: { sentiment: 1️⃣high } }
            """,
            id: "definition.wrongType", message: "expected a number for 'sentiment' but found 'high'")
    }

    @Test func unknownOptionInAValue() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: save, update: { channel: 1️⃣emial } }
            """,
            id: "definition.valueOutOfBounds", message: "value 'emial' is not one of the options of field 'channel'; did you mean 'email'?")
    }

    @Test func literalAboveTheFieldMaximum() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: save, update: { sentiment: 1️⃣2 } }
            """,
            id: "definition.valueOutOfBounds", message: "value of field 'sentiment' is above its 'max'")
    }

    @Test func updateOnADeletedTrigger() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { deleted: conversations }
                steps:
                  - { id: save, 1️⃣update: { sentiment: 0.5 } }
            """,
            id: "definition.notApplicable", message: "step 'save' cannot update the triggering record: the workflow runs after it is deleted")
    }

    @Test func createNamesUnknownTable() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: task, create: 1️⃣task, values: { title: Call back } }
            """,
            id: "definition.unknownTable", message: "step 'task' names unknown table 'task'; did you mean 'tasks'?")
    }

    @Test func upsertNeedsAKey() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: 1️⃣customer, upsert: customers, values: { name: Ann } }
            """,
            id: "definition.missingKey",
            message: "upsert step 'customer' needs a 'key': the unique field that finds the record to update, as in 'key: email'")
    }

    @Test func upsertKeyMustBeUnique() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: customer, upsert: customers, key: 1️⃣name, values: { name: Ann } }
            """,
            id: "definition.keyNotUnique",
            message: "the key field 'name' of table 'customers' is not unique, so it may find several records; mark it 'unique: true'")
    }

    @Test func upsertKeyMustBeGiven() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: customer, upsert: customers, key: [1️⃣email], values: { name: Ann } }
            """,
            id: "definition.missingKey", message: "upsert step 'customer' must give its key field 'email' under 'values'")
    }

    @Test func stepNeedsAnAction() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: 1️⃣nothing, when: "true" }
            """,
            id: "definition.missingKey", message: "step 'nothing' needs one of 'call', 'update', 'create', 'upsert' or 'fail'")
    }

    @Test func stepDoesOneThing() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: both, update: { sentiment: 0.5 }, 1️⃣fail: { message: stop } }
            """,
            id: "definition.constraintConflict", message: "step 'both' already does 'update'; put 'fail' in a step of its own")
    }

    @Test func valuesOnAnUpdate() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: save, update: { sentiment: 0.5 }, 1️⃣values: { sentiment: 0.5 } }
            """,
            id: "definition.notApplicable", message: "'values' applies only to 'create' and 'upsert' steps, not to 'update' steps")
    }

    @Test func guardMustBeACondition() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: stop, when: "1️⃣record.transcript", fail: { message: stop } }
            """,
            id: "expression.typeMismatch", message: "expected 'bool' but found 'string' for 'when'")
    }

    @Test func retryAttemptsOutOfRange() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: stop, fail: { message: stop } }
                retry: { attempts: 1️⃣0 }
            """,
            id: "definition.outOfRange", message: "'attempts' must be between 1 and 100, not 0")
    }

    @Test func retryDurationNotADuration() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: stop, fail: { message: stop } }
                retry: { initial: 1️⃣soon }
            """,
            id: "definition.wrongType", message: "expected a length of time such as 500ms, 5s, 5m or 1h30m for 'initial' but found 'soon'")
    }

    @Test func retryMaximumBelowInitial() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: stop, fail: { message: stop } }
                retry: { initial: 10s, max: 1️⃣2s }
            """,
            id: "definition.constraintConflict", message: "the longest wait 'max' (2s) is shorter than the first wait 'initial' (10s)")
    }

    @Test func retryDurationTooLong() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: stop, fail: { message: stop } }
                retry: { max: 1️⃣48h }
            """,
            id: "definition.outOfRange", message: "'max' must be between 10ms and 24h, not 48h")
    }

    @Test func unknownBackoff() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: stop, fail: { message: stop } }
                retry: { backoff: 1️⃣exponentail }
            """,
            id: "definition.invalidValue", message: "'exponentail' is not a valid 'backoff'; did you mean 'exponential'? (one of: exponential, fixed)"
        )
    }

    @Test func unknownStepKey() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: stop, 1️⃣wehn: "true", fail: { message: stop } }
            """,
            id: "definition.unknownKey", message: "unknown key 'wehn' in a step of workflow 'w'; did you mean 'when'?")
    }
}

/// Holes in a `fail` message and in a url report at their place inside the text.
@Suite struct WorkflowHoleTests {
    @Test func unknownFieldInAFailMessage() {
        WorkflowFixture.expectOne(
            """
            workflows:
              w:
                on: { created: conversations }
                steps:
                  - { id: stop, fail: { message: "no transcript: {{ 1️⃣record.transcrpt }}" } }
            """,
            id: "expression.unknownField", message: "unknown field 'transcrpt' in 'conversations'; did you mean 'transcript'?")
    }

    @Test func unclosedHoleInAURL() {
        WorkflowFixture.expectOne(
            "integrations:\n  service:\n    kind: http\n    url: \"https://example.com/1️⃣{{ input.id\"\n", id: "definition.unclosedHole",
            message: "'{{' in the url needs a matching '}}', as in '{{ env.SENTIMENT_URL }}'", integrations: false)
    }
}
