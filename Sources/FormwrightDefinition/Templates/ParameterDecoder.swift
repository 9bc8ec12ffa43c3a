public import FormwrightCore
import FormwrightExpressions

/// Reads a template's `parameters:` and an app's `with:` values for them, collecting every mistake.
///
/// A parameter is `{type, options, default, label, check}`; its `check` is a condition on
/// `value`. A value in `with:` must have the parameter's type and pass its check; a parameter
/// without a default must be given; a name the template does not declare is an error.
struct ParameterDecoder {
    static let parameterKeys = ["type", "options", "default", "label", "check"]

    var context: DecodingContext

    /// The parameters of a template.
    mutating func parameters(_ node: YAMLNode) -> [TemplateParameter] {
        guard let entries = context.mapping(node, key: "parameters", expected: "a mapping of parameter names to parameters") else { return [] }
        var parameters: [TemplateParameter] = []
        for entry in entries {
            if let problem = NameRules.problem(with: entry.key) {
                context.error(
                    .invalidName, "parameter name '\(entry.key)' \(problem); try '\(NameRules.suggestion(for: entry.key))'", at: entry.keyRange)
                continue
            }
            guard
                let reader = MappingReader(
                    entry.value, subject: "parameter '\(entry.key)'", key: entry.key, allowed: Self.parameterKeys, required: ["type"],
                    context: &context),
                let typeNode = reader["type"], let typeName = context.text(typeNode, key: "type")
            else { continue }
            guard let kind = TemplateParameter.Kind(rawValue: typeName.value) else {
                let kinds = TemplateParameter.Kind.allCases.map(\.rawValue)
                context.error(
                    .invalidValue,
                    "unknown parameter type '\(typeName.value)' (use one of \(kinds.joined(separator: ", ")))"
                        + NameSuggester.hint(for: typeName.value, among: kinds),
                    at: typeName.range)
                continue
            }
            var parameter = TemplateParameter(
                name: Located(entry.key, at: entry.keyRange), kind: kind, options: [], defaultValue: nil,
                label: reader["label"].flatMap { context.localized($0, key: "label") }, check: nil, checkProgram: nil)
            if let optionsNode = reader["options"] {
                if kind == .choice {
                    parameter.options = options(optionsNode)
                } else {
                    context.error(
                        .notApplicable, "'options' applies only to a parameter of type 'choice'",
                        at: reader.entry("options")?.keyRange ?? optionsNode.range)
                }
            } else if kind == .choice {
                context.error(.missingKey, "parameter '\(entry.key)' of type 'choice' needs 'options'", at: typeNode.range)
            }
            if let checkNode = reader["check"], let source = context.expression(checkNode, key: "check") {
                parameter.check = source
                parameter.checkProgram = compileCheck(source, kind: kind, name: entry.key)
            }
            if let defaultNode = reader["default"], let value = value(defaultNode, for: parameter) {
                parameter.defaultValue = value
            }
            parameters.append(parameter)
        }
        return parameters
    }

    /// The values `with:` gives, defaults filled in; every mistake reported at its place in `with:`.
    ///
    /// - Parameters:
    ///   - node: the `with:` mapping, if the app has one.
    ///   - parameters: the template's parameters.
    ///   - missingAt: where to report a required parameter not given (the `with:` key, or `extends:`).
    mutating func arguments(_ node: YAMLNode?, for parameters: [TemplateParameter], missingAt: SourceRange) -> [String: Value] {
        var given: [String: Value] = [:]
        var named: Set<String> = []
        if let node, let entries = context.mapping(node, key: "with", expected: "a mapping of parameter names to values") {
            for entry in entries {
                named.insert(entry.key)
                guard let parameter = parameters.first(where: { $0.name.value == entry.key }) else {
                    context.error(.unknownParameter, TemplateParameter.unknown(entry.key, among: parameters), at: entry.keyRange)
                    continue
                }
                if let value = value(entry.value, for: parameter) { given[entry.key] = value }
            }
        }
        for parameter in parameters where !named.contains(parameter.name.value) {
            if let value = parameter.defaultValue {
                given[parameter.name.value] = value
            } else {
                context.error(
                    .missingParameter,
                    "the template's parameter '\(parameter.name.value)' (\(parameter.kind.rawValue)) has no default; give it under 'with:'",
                    at: missingAt)
            }
        }
        return given
    }

    /// A value for a parameter, read from YAML and checked; nil (with an error) when it does not fit.
    mutating func value(_ node: YAMLNode, for parameter: TemplateParameter) -> Value? {
        let key = parameter.name.value
        let value: Value?
        switch parameter.kind {
        case .text:
            value = context.text(node, key: key).map { .string($0.value) }
        case .integer:
            value = context.integer(node, key: key, in: Int(Int32.min)...Int(Int32.max)).map { .int(Int64($0.value)) }
        case .number:
            value = context.number(node, key: key).map { .double($0) }
        case .boolean:
            value = context.bool(node, key: key).map { .bool($0) }
        case .choice:
            guard let text = context.text(node, key: key) else { return nil }
            guard parameter.options.contains(text.value) else {
                context.error(
                    .unknownOption,
                    parameter.notAnOption(text.value),
                    at: text.range)
                return nil
            }
            value = .string(text.value)
        case .list:
            guard let items = node.items else {
                context.wrongType("a list of text such as [ana, ben]", for: key, found: node)
                return nil
            }
            var texts: [Value] = []
            for item in items {
                guard let text = context.text(item, key: key) else { return nil }
                texts.append(.string(text.value))
            }
            value = .list(texts)
        }
        guard let value else { return nil }
        if let failure = parameter.checkFailure(value) {
            context.error(.parameterCheck, failure, at: node.range)
            return nil
        }
        return value
    }

    private mutating func options(_ node: YAMLNode) -> [String] {
        guard let items = node.items, !items.isEmpty else {
            context.wrongType("a non-empty list of options", for: "options", found: node)
            return []
        }
        return items.compactMap { context.text($0, key: "options")?.value }
    }

    private mutating func compileCheck(_ source: ExpressionSource, kind: TemplateParameter.Kind, name: String) -> Program? {
        var declarations = Declarations()
        declarations.declare("value", kind.expressionType)
        let compilation = ExpressionCompiler(declarations: declarations).compile(source.text, expecting: .bool)
        for diagnostic in compilation.diagnostics where diagnostic.severity == .error {
            context.error(.invalidValue, "the check of parameter '\(name)': \(diagnostic.message)", at: source.range)
        }
        return compilation.program
    }
}

extension TemplateParameter {
    /// The message for a parameter name the template does not declare, with a suggestion or the names it does.
    static func unknown(_ name: String, among parameters: [TemplateParameter]) -> String {
        let names = parameters.map(\.name.value)
        let hint = NameSuggester.hint(for: name, among: names)
        let known = names.isEmpty ? "; it has none" : "; its parameters are \(names.map { "'\($0)'" }.joined(separator: ", "))"
        return "the template has no parameter '\(name)'" + (hint.isEmpty ? known : hint)
    }

    /// The message for text that is not one of a choice's options.
    func notAnOption(_ text: String) -> String {
        "'\(text)' is not an option of parameter '\(name.value)' (the options are \(options.map { "'\($0)'" }.joined(separator: ", ")))"
            + NameSuggester.hint(for: text, among: options)
    }

    /// Why a value fails the parameter's check, or nil when it passes (or there is none).
    public func checkFailure(_ value: Value) -> String? {
        guard let checkProgram, let check else { return nil }
        switch checkProgram.evaluate(["value": value]) {
        case .success(.bool(true)): return nil
        case .success: return "the value \(Self.shown(value)) of parameter '\(name.value)' fails its check '\(check.text)'"
        case .failure(let error): return "the check '\(check.text)' of parameter '\(name.value)' failed on \(Self.shown(value)): \(error.message)"
        }
    }

    /// A value as written in messages: text in quotes, lists in brackets.
    static func shown(_ value: Value) -> String {
        switch value {
        case .string(let text): "'\(text)'"
        case .list(let items): "[" + items.map(shown).joined(separator: ", ") + "]"
        case .int(let number): String(number)
        case .double(let number): String(number)
        case .bool(let flag): String(flag)
        default: "\(value)"
        }
    }
}
