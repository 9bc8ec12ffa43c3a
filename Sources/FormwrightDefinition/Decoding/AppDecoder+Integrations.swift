import FormwrightCore

extension AppDecoder {
    static let integrationKeys = [
        "kind", "description", "url", "allow_private", "method", "headers", "body", "output", "timeout", "inputs", "outputs",
    ]
    /// The keys only an http integration takes.
    static let httpKeys = ["url", "allow_private", "method", "headers", "body", "output", "timeout", "inputs", "outputs"]

    mutating func decodeIntegrations(_ node: YAMLNode) -> [IntegrationDefinition] {
        guard let entries = context.mapping(node, key: "integrations", expected: "a mapping of integration names to integrations") else { return [] }
        var integrations: [IntegrationDefinition] = []
        for entry in entries {
            guard checkName(entry, kind: "integration", reservedApplies: false),
                let reader = MappingReader(
                    entry.value, subject: "integration '\(entry.key)'", key: entry.key, allowed: Self.integrationKeys, required: ["kind"],
                    context: &context),
                let kindNode = reader["kind"], let kind = context.word(kindNode, key: "kind", among: IntegrationKind.names)
            else { continue }
            let name = Located(entry.key, at: entry.keyRange)
            let description = reader["description"].flatMap { context.localized($0, key: "description") }
            if kind.value == "sentiment" {
                for key in Self.httpKeys {
                    guard let keyEntry = reader.entry(key) else { continue }
                    context.error(
                        .notApplicable,
                        "'\(key)' applies only to http integrations; a sentiment integration takes the input 'text' and gives 'score' and 'label'",
                        at: keyEntry.keyRange)
                }
                integrations.append(
                    IntegrationDefinition(
                        name: name, description: description, kind: .sentiment,
                        inputs: IntegrationKind.sentimentInputs.map { IntegrationParameter(builtIn: $0.name, type: $0.type, at: name.range) },
                        outputs: IntegrationKind.sentimentOutputs.map { IntegrationParameter(builtIn: $0.name, type: $0.type, at: name.range) }))
                continue
            }
            guard let http = decodeHTTP(reader, name: name) else { continue }
            let inputs = reader["inputs"].map { parameters($0, key: "inputs") }
            var outputs = http.output.map { IntegrationParameter(name: $0.name, type: .any) }
            if let outputsNode = reader["outputs"] {
                let declared = parameters(outputsNode, key: "outputs")
                checkDeclaredOutputs(declared, computed: http.output.map { $0.name }, integration: entry.key)
                outputs = declared
            }
            integrations.append(IntegrationDefinition(name: name, description: description, kind: .http(http), inputs: inputs, outputs: outputs))
        }
        return integrations
    }

    private mutating func decodeHTTP(_ reader: MappingReader, name: Located<String>) -> HTTPIntegration? {
        guard let urlNode = reader["url"] else {
            context.error(.missingKey, "http integration '\(name.value)' needs a 'url', the address it calls", at: name.range)
            return nil
        }
        guard let url = context.text(urlNode, key: "url"), case .scalar(_, let style) = urlNode.content else { return nil }
        let body = reader["body"].map { context.dataTemplate($0) }
        var method = Located(body == nil ? HTTPMethod.GET : .POST, at: name.range)
        if let methodNode = reader["method"], let word = context.word(methodNode, key: "method", among: HTTPMethod.allCases.map(\.rawValue)),
            let chosen = HTTPMethod(rawValue: word.value)
        {
            method = Located(chosen, at: word.range)
            if chosen == .GET, let bodyEntry = reader.entry("body") {
                context.error(.notApplicable, "a GET request has no body; use POST, or send the values in the url", at: bodyEntry.keyRange)
            }
        }
        var headers: [(name: Located<String>, value: DataTemplate)] = []
        if let headersNode = reader["headers"],
            let entries = context.mapping(headersNode, key: "headers", expected: "a mapping of header names to values")
        {
            for entry in entries {
                guard Self.isHeaderName(entry.key) else {
                    context.error(
                        .invalidName, "'\(entry.key)' is not a header name; use letters, digits and '-', as in 'X-Api-Key'", at: entry.keyRange)
                    continue
                }
                guard entry.value.scalar != nil, !entry.value.isEmptyPlainScalar else {
                    context.wrongType("text or an '=' expression giving text", for: entry.key, found: entry.value)
                    continue
                }
                let value = context.dataTemplate(entry.value)
                if case .literal = value.content, Self.credentialHeaders.contains(entry.key.lowercased()) {
                    context.warning(
                        .literalSecret,
                        "header '\(entry.key)' is written out, so its secret is stored in the app file; read it from the environment, "
                            + "as in \"= 'Bearer ' + env.API_TOKEN\"",
                        at: entry.value.range)
                }
                headers.append((Located(entry.key, at: entry.keyRange), value))
            }
        }
        var output: [(name: Located<String>, value: DataTemplate)] = []
        if let outputNode = reader["output"],
            let entries = context.mapping(outputNode, key: "output", expected: "a mapping of output names to values")
        {
            for entry in entries where checkName(entry, kind: "output", reservedApplies: false) {
                output.append((Located(entry.key, at: entry.keyRange), context.dataTemplate(entry.value)))
            }
        }
        let range = HTTPIntegration.minimumTimeout...HTTPIntegration.maximumTimeout
        let timeout =
            reader["timeout"].flatMap { context.duration($0, key: "timeout", in: range) } ?? Located(HTTPIntegration.defaultTimeout, at: name.range)
        return HTTPIntegration(
            url: ScalarSource(text: url.value, range: url.range, style: style),
            allowsPrivateAddresses: reader["allow_private"].flatMap { context.bool($0, key: "allow_private") } ?? false,
            method: method, headers: headers, body: body, output: output, timeout: timeout)
    }

    /// Declared inputs or outputs: a mapping from names to value types.
    private mutating func parameters(_ node: YAMLNode, key: String) -> [IntegrationParameter] {
        guard let entries = context.mapping(node, key: key, expected: "a mapping of names to types such as { text: text }") else { return [] }
        var parameters: [IntegrationParameter] = []
        for entry in entries where checkName(entry, kind: key == "inputs" ? "input" : "output", reservedApplies: false) {
            guard let word = context.word(entry.value, key: entry.key, among: IntegrationValueType.allCases.map(\.rawValue)),
                let type = IntegrationValueType(rawValue: word.value)
            else { continue }
            parameters.append(IntegrationParameter(name: Located(entry.key, at: entry.keyRange), type: type))
        }
        return parameters
    }

    /// With `outputs:` declared, `output:` must compute exactly those outputs.
    private mutating func checkDeclaredOutputs(_ declared: [IntegrationParameter], computed: [Located<String>], integration: String) {
        let declaredNames = declared.map(\.name.value)
        for name in computed where !declaredNames.contains(name.value) {
            let hint = NameSuggester.hint(for: name.value, among: declaredNames)
            context.error(
                .unknownOutput, "output '\(name.value)' of integration '\(integration)' is not declared in 'outputs'\(hint)", at: name.range)
        }
        let computedNames = computed.map(\.value)
        for parameter in declared where !computedNames.contains(parameter.name.value) {
            context.error(
                .missingKey, "integration '\(integration)' declares output '\(parameter.name.value)' but its 'output' does not compute it",
                at: parameter.name.range)
        }
    }

    /// Headers that carry credentials, whose values belong in the environment, not in the app file.
    static let credentialHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie", "x-api-key", "api-key", "x-auth-token"]

    /// An HTTP header name: letters, digits and the token characters `-`, `_` and `.`.
    static func isHeaderName(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
            }
    }
}
