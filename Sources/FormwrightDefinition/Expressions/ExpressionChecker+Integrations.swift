import FormwrightCore
import FormwrightExpressions

extension ExpressionChecker {
    /// Compiles an integration's url holes, headers, body and outputs, and checks the url's written part.
    mutating func checkIntegration(_ integration: IntegrationDefinition) {
        var result = IntegrationExpressions()
        guard case .http(let http) = integration.kind else {
            expressions.integrations[integration.name.value] = result
            return
        }
        let request = ExpressionPlace.integration(integration, inOutput: false)
        result.url = compileURL(http, at: request)
        for header in http.headers {
            if let value = compileData(header.value, at: request, for: .typed(.string, what: "header '\(header.name.value)'")) {
                result.headers.append((header.name.value, value))
            }
        }
        result.body = http.body.flatMap { compileData($0, at: request, for: .hole) }
        let reply = ExpressionPlace.integration(integration, inOutput: true)
        for entry in http.output {
            let declared = integration.outputs.first { $0.name.value == entry.name.value }?.type ?? .any
            let what = "output '\(entry.name.value)', declared '\(declared.rawValue)'"
            if let value = compileData(entry.value, at: reply, for: .typed(declared.expressionType, what: what)) {
                result.output.append((entry.name.value, value))
            }
        }
        expressions.integrations[integration.name.value] = result
    }

    /// Compiles the url's holes and checks its scheme and, when written out, its host.
    private mutating func compileURL(_ http: HTTPIntegration, at place: ExpressionPlace) -> CompiledURL? {
        let url = http.url
        let map = ScalarTextMap(file: file(for: url.range), range: url.range, style: url.style, text: url.text)
        let pieces = Self.templatePieces(url.text)
        var compiled: [CompiledURL.Piece] = []
        var failed = false
        var literalCount = 0
        var sawHole = false
        for piece in pieces {
            switch piece {
            case .text(let text):
                compiled.append(.text(text))
                if !sawHole { literalCount += text.unicodeScalars.count }
            case .unclosed(let offset):
                context.error(
                    .unclosedHole, "'{{' in the url needs a matching '}}', as in '{{ env.SENTIMENT_URL }}'",
                    at: SourceRange(at: map.location(ofTextOffset: offset)))
                failed = true
                sawHole = true
            case .hole(let text, let offset):
                sawHole = true
                let source = ExpressionSource(text: text, range: url.range, style: url.style, contentOffset: offset)
                if let program = compile(source, scalarText: url.text, at: place, for: .hole) {
                    let isSecret = CompiledData.program(program).readsEnvironment
                    compiled.append(.hole(program, written: "{{" + text + "}}", isSecret: isSecret))
                } else {
                    failed = true
                }
            }
        }
        let check = URLCheck(scalars: Array(url.text.unicodeScalars), literalCount: literalCount, isWholeLiteral: !sawHole)
        for finding in check.findings(allowPrivate: http.allowsPrivateAddresses) {
            context.error(finding.id, finding.message, at: map.range(ofText: finding.range))
            failed = true
        }
        return failed ? nil : CompiledURL(pieces: compiled)
    }
}
