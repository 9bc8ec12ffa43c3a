import FormwrightCore
import FormwrightExpressions

extension ExpressionChecker {
    /// Compiles a workflow's trigger condition and every step's guard, inputs, field values and message.
    mutating func checkWorkflow(_ workflow: WorkflowDefinition) {
        guard case .record(let trigger) = workflow.trigger, let table = app.table(named: trigger.table.value) else { return }
        let stepTypes = stepOutputTypes(workflow, triggerTable: table)
        var result = WorkflowExpressions()
        if let condition = trigger.condition {
            let place = ExpressionPlace.workflow(
                table, steps: stepTypes, names: placeNames(of: workflow, trigger, before: 0, description: "the trigger's 'when'"))
            result.trigger = compile(condition, scalarText: condition.text, at: place, for: .condition(key: "when"))
        }
        for (index, step) in workflow.steps.enumerated() {
            var names = placeNames(of: workflow, trigger, before: index, description: "step '\(step.id.value)'")
            names.currentStep = step.id.value
            let place = ExpressionPlace.workflow(table, steps: stepTypes, names: names)
            var compiled = StepExpressions()
            if let condition = step.condition {
                compiled.condition = compile(condition, scalarText: condition.text, at: place, for: .condition(key: "when"))
            }
            switch step.action {
            case .call(let name, let inputs):
                let integration = app.integration(named: name.value)
                for input in inputs {
                    var purpose = Purpose.hole
                    if let declared = integration?.inputs?.first(where: { $0.name.value == input.name.value }) {
                        let what = "input '\(input.name.value)' of integration '\(name.value)', declared '\(declared.type.rawValue)'"
                        purpose = .typed(declared.type.expressionType, what: what)
                    }
                    if let value = compileData(input.value, at: place, for: purpose) { compiled.inputs.append((input.name.value, value)) }
                }
            case .update(let values):
                compiled.values = compileAssignments(values, of: table, key: "update", at: place)
            case .create(let write), .upsert(let write):
                guard let target = app.table(named: write.table.value) else { break }
                compiled.values = compileAssignments(write.values, of: target, key: "values", at: place)
            case .fail(let message, let sources):
                compiled.failMessage = compileMessage(message, sources: sources, fallback: step.id.range) { checker, expression, scalarText in
                    checker.compile(expression, scalarText: scalarText, at: place, for: .hole)
                }
            }
            result.steps[step.id.value] = compiled
        }
        expressions.workflows[workflow.name.value] = result
    }

    private mutating func compileAssignments(
        _ values: [FieldAssignment], of table: TableDefinition, key: String, at place: ExpressionPlace
    ) -> [(field: String, value: CompiledData)] {
        values.compactMap { assignment in
            compileAssignment(assignment, of: table, key: key, at: place).map { (assignment.field.value, $0) }
        }
    }

    /// What a place in a workflow offers: `old` only on `updated`, no `input`, the steps before it.
    private func placeNames(of workflow: WorkflowDefinition, _ trigger: RecordTrigger, before count: Int, description: String) -> NameCheck.Place {
        var names = NameCheck.Place()
        if trigger.change != .updated {
            names.oldRefusal =
                "'old' is the record before the change and exists only on 'updated' triggers; this workflow runs on '\(trigger.change.rawValue)'"
        }
        names.inputRefusal =
            "'input' holds the inputs of a manual action; a workflow started by a record change has none (read the record as 'record')"
        names.steps = workflow.steps.map(\.id.value)
        names.earlierCount = count
        names.description = description
        return names
    }

    /// The type of `steps.<id>` for each step: its outputs as a record named `steps.<id>`.
    private func stepOutputTypes(_ workflow: WorkflowDefinition, triggerTable: TableDefinition) -> [String: ExpressionType] {
        var types: [String: ExpressionType] = [:]
        for step in workflow.steps {
            let name = "steps.\(step.id.value)"
            var fields: [String: ExpressionType]?
            switch step.action {
            case .call(let integration, _):
                fields = app.integration(named: integration.value).map { integration in
                    Dictionary(integration.outputs.map { ($0.name.value, $0.type.expressionType) }, uniquingKeysWith: { first, _ in first })
                }
            case .update:
                fields = ExpressionPlace.storedRecord(of: triggerTable).fields
            case .create(let write), .upsert(let write):
                fields = app.table(named: write.table.value).map { ExpressionPlace.storedRecord(of: $0).fields }
            case .fail:
                fields = [:]
            }
            types[step.id.value] = fields.map { .record(RecordType(name: name, fields: $0)) } ?? .error
        }
        return types
    }
}
