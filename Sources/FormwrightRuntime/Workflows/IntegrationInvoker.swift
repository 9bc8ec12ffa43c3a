import FormwrightCore
import FormwrightDefinition
import FormwrightExpressions

/// Runs a `call` step: the built-in sentiment scorer, or one HTTP request built from the
/// integration's definition, its response mapped to outputs.
struct IntegrationInvoker: Sendable {
    let app: AppDefinition
    let transport: any OutboundHTTP
    let environment: Value
    let clock: @Sendable () -> Timestamp

    /// The integration's outputs for `inputs`, or why the try failed.
    /// - Parameters:
    ///   - integration: the integration called.
    ///   - inputs: the step's `with` values, as `input`.
    ///   - idempotencyKey: sent as `Idempotency-Key`, the same on every try of the step.
    func call(_ integration: IntegrationDefinition, inputs: Value, idempotencyKey: String) async -> Result<Value, StepFailure> {
        switch integration.kind {
        case .sentiment:
            guard case .map(let map) = inputs, case .string(let text)? = map[.string("text")] else {
                return .failure(StepFailure("the sentiment scorer needs the text input 'text'"))
            }
            return .success(SentimentScorer().score(text).value)
        case .http(let http):
            let expressions = app.expressions.integrations[integration.name.value] ?? IntegrationExpressions()
            let call: IntegrationCall
            switch request(http, expressions: expressions, inputs: inputs, idempotencyKey: idempotencyKey) {
            case .success(let built): call = built
            case .failure(let failure): return .failure(failure)
            }
            switch await transport.perform(call, now: clock) {
            case .failure(let failure):
                return .failure(StepFailure(failure.message, isRetryable: failure.isRetryable, retryAfter: failure.retryAfter))
            case .success(let response):
                return outputs(integration, expressions: expressions, inputs: inputs, response: response.value).mapError { failure in
                    StepFailure(call.redactor.redact("calling \(call.redactedSummary): \(failure.message)"), isRetryable: true)
                }
            }
        }
    }

    private func request(
        _ http: HTTPIntegration, expressions: IntegrationExpressions, inputs: Value, idempotencyKey: String
    ) -> Result<IntegrationCall, StepFailure> {
        let activation = VariableBindings(["input": inputs, "env": environment])
        var url = ""
        var secrets: [String] = []
        for piece in expressions.url?.pieces ?? [] {
            switch piece {
            case .text(let text): url += text
            case .hole(let program, let written, let isSecret):
                switch program.evaluate(activation) {
                case .success(let value):
                    let text = ValueText.display(value)
                    if isSecret { secrets.append(text) }
                    url += text
                case .failure(let error): return .failure(StepFailure("the url hole \(written) could not be computed: \(error.message)"))
                }
            }
        }
        var headers: [IntegrationHeader] = []
        for header in expressions.headers {
            switch DataEvaluation.evaluate(header.value, in: activation) {
            case .success(.string(let text)): headers.append(IntegrationHeader(name: header.name, value: text, isSecret: header.value.readsEnvironment))
            case .success(let other): return .failure(StepFailure("header '\(header.name)' gave a \(other.kindName), not text"))
            case .failure(let error): return .failure(StepFailure("header '\(header.name)' could not be computed: \(error.message)"))
            }
        }
        var body: Value?
        if let data = expressions.body {
            switch DataEvaluation.evaluate(data, in: activation) {
            case .success(let value): body = value
            case .failure(let error): return .failure(StepFailure("the body could not be computed: \(error.message)"))
            }
        }
        let timeout = Duration.seconds(http.timeout.value.seconds) + Duration.nanoseconds(Int64(http.timeout.value.nanos))
        return .success(
            IntegrationCall(
                url: url, method: IntegrationMethod(rawValue: http.method.value.rawValue) ?? .get, headers: headers, body: body,
                timeout: timeout, allowPrivate: http.allowsPrivateAddresses, idempotencyKey: idempotencyKey, secretParts: secrets))
    }

    /// The outputs computed from the response, each checked against its declared type.
    private func outputs(
        _ integration: IntegrationDefinition, expressions: IntegrationExpressions, inputs: Value, response: Value
    ) -> Result<Value, StepFailure> {
        let activation = VariableBindings(["input": inputs, "env": environment, "response": response])
        var pairs: [(Value, Value)] = []
        for output in expressions.output {
            let declared = integration.outputs.first { $0.name.value == output.name }?.type ?? .any
            switch DataEvaluation.evaluate(output.value, in: activation) {
            case .failure(let error): return .failure(StepFailure("output '\(output.name)' could not be computed: \(error.message)"))
            case .success(let value):
                guard let typed = Self.typed(value, as: declared) else {
                    return .failure(StepFailure("output '\(output.name)' gave a \(value.kindName), not \(declared.rawValue)"))
                }
                pairs.append((.string(output.name), typed))
            }
        }
        return .success(.map(ValueMap(pairs)))
    }

    /// A value as its declared output type sees it (an integer is a number), or nil when it is not of that type.
    static func typed(_ value: Value, as type: IntegrationValueType) -> Value? {
        switch (type, value) {
        case (.any, _), (_, .null), (.text, .string), (.integer, .int), (.number, .double), (.boolean, .bool), (.date, .timestamp),
            (.datetime, .timestamp):
            value
        case (.number, .int(let number)): .double(Double(number))
        default: nil
        }
    }
}
