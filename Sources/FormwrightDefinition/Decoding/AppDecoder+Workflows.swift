import FormwrightCore

extension AppDecoder {
    static let workflowKeys = ["on", "description", "steps", "retry", "retrigger"]
    static let triggerKeys = ["created", "updated", "deleted", "when"]
    static let retryKeys = ["attempts", "backoff", "initial", "max"]

    mutating func decodeWorkflows(_ node: YAMLNode, tables: [TableDefinition], integrations: [IntegrationDefinition]) -> [WorkflowDefinition] {
        guard let entries = context.mapping(node, key: "workflows", expected: "a mapping of workflow names to workflows") else { return [] }
        var workflows: [WorkflowDefinition] = []
        for entry in entries {
            guard checkName(entry, kind: "workflow", reservedApplies: false),
                let reader = MappingReader(
                    entry.value, subject: "workflow '\(entry.key)'", key: entry.key, allowed: Self.workflowKeys, required: ["on", "steps"],
                    context: &context)
            else { continue }
            let trigger = reader["on"].flatMap { decodeTrigger($0, tables: tables) }
            let retry = reader["retry"].flatMap { decodeRetry($0, base: .default) } ?? .default
            let retriggers = reader["retrigger"].flatMap { context.bool($0, key: "retrigger") } ?? false
            var steps: [WorkflowStep] = []
            if let stepsNode = reader["steps"] {
                let place = StepPlace(workflow: entry.key, trigger: trigger, tables: tables, integrations: integrations, retry: retry)
                steps = decodeSteps(stepsNode, in: place)
            }
            guard let trigger else { continue }
            workflows.append(
                WorkflowDefinition(
                    name: Located(entry.key, at: entry.keyRange),
                    description: reader["description"].flatMap { context.localized($0, key: "description") },
                    trigger: .record(trigger), steps: steps, retry: retry, retriggers: retriggers))
        }
        return workflows
    }

    /// `on: { created: T }`, `{ updated: T, when: "…" }` or `{ deleted: T }`.
    private mutating func decodeTrigger(_ node: YAMLNode, tables: [TableDefinition]) -> RecordTrigger? {
        guard let reader = MappingReader(node, subject: "the trigger 'on'", key: "on", allowed: Self.triggerKeys, context: &context) else {
            return nil
        }
        let changes = reader.entries.filter { RecordTrigger.Change(rawValue: $0.key) != nil }
        guard let first = changes.first, let change = RecordTrigger.Change(rawValue: first.key) else {
            context.error(
                .missingKey, "'on' needs one of 'created', 'updated' or 'deleted' naming a table, as in 'on: { created: conversations }'",
                at: SourceRange(at: node.range.start))
            return nil
        }
        for extra in changes.dropFirst() {
            context.error(
                .constraintConflict, "'on' takes one change, and '\(first.key)' is already given; write another workflow for '\(extra.key)'",
                at: extra.keyRange)
        }
        guard let table = context.text(first.value, key: first.key) else { return nil }
        guard tables.contains(where: { $0.name.value == table.value }) else {
            let hint = NameSuggester.hint(for: table.value, among: tables.map(\.name.value))
            context.error(.unknownTable, "the trigger names unknown table '\(table.value)'\(hint)", at: table.range)
            return nil
        }
        return RecordTrigger(
            change: change, table: table, condition: reader["when"].flatMap { context.expression($0, key: "when") }, range: node.range)
    }

    /// `retry: { attempts, backoff, initial, max }`, each key not given taken from `base`.
    mutating func decodeRetry(_ node: YAMLNode, base: RetryPolicy) -> RetryPolicy? {
        guard let reader = MappingReader(node, subject: "'retry'", key: "retry", allowed: Self.retryKeys, context: &context) else { return nil }
        var policy = base
        if let attempts = reader["attempts"].flatMap({ context.integer($0, key: "attempts", in: 1...RetryPolicy.maximumAttempts) }) {
            policy.attempts = attempts.value
        }
        if let word = reader["backoff"].flatMap({ context.word($0, key: "backoff", among: RetryPolicy.Backoff.allCases.map(\.rawValue)) }),
            let backoff = RetryPolicy.Backoff(rawValue: word.value)
        {
            policy.backoff = backoff
        }
        let waits = RetryPolicy.shortestWait...RetryPolicy.longestWait
        if let initial = reader["initial"].flatMap({ context.duration($0, key: "initial", in: waits) }) { policy.initial = initial.value }
        let maximum = reader["max"].flatMap { context.duration($0, key: "max", in: waits) }
        if let maximum { policy.maximum = maximum.value }
        if policy.maximum < policy.initial {
            let range = maximum?.range ?? reader.entry("initial")?.value.range ?? node.range
            context.error(
                .constraintConflict,
                "the longest wait 'max' (\(DecodingContext.durationText(policy.maximum))) is shorter than the first wait 'initial' "
                    + "(\(DecodingContext.durationText(policy.initial)))",
                at: range)
        }
        return policy
    }
}
