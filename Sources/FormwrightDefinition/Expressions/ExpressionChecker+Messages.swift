import FormwrightCore
import FormwrightExpressions

extension ExpressionChecker {
    /// One piece of a message's text before compiling: text, or a hole's expression with its scalar offsets.
    enum TemplatePiece: Equatable {
        case text(String)
        case hole(String, offset: Int)
        /// `{{` without a closing `}}`, at a scalar offset.
        case unclosed(offset: Int)
    }

    /// Splits message text into text and `{{ expr }}` holes.
    static func templatePieces(_ text: String) -> [TemplatePiece] {
        let scalars = Array(text.unicodeScalars)
        var pieces: [TemplatePiece] = []
        var literal: [Unicode.Scalar] = []
        var index = 0
        func flush() {
            if !literal.isEmpty { pieces.append(.text(String(String.UnicodeScalarView(literal)))) }
            literal = []
        }
        while index < scalars.count {
            guard index + 1 < scalars.count, scalars[index] == "{", scalars[index + 1] == "{" else {
                literal.append(scalars[index])
                index += 1
                continue
            }
            let start = index + 2
            var close = start
            while close + 1 < scalars.count, !(scalars[close] == "}" && scalars[close + 1] == "}") { close += 1 }
            flush()
            guard close + 1 < scalars.count else {
                pieces.append(.unclosed(offset: index))
                return pieces
            }
            pieces.append(.hole(String(String.UnicodeScalarView(scalars[start..<close])), offset: start))
            index = close + 2
        }
        flush()
        return pieces
    }

    /// Compiles the holes of every translation of a rule's message; nil when one has an error.
    mutating func compileMessage(_ rule: Rule, in scope: TableScope) -> CompiledMessage? {
        compileMessage(rule.message, sources: rule.messageSources, fallback: rule.check.range) { checker, expression, scalarText in
            checker.compile(expression, scalarText: scalarText, in: scope, for: .hole)
        }
    }

    /// Compiles the holes of every translation of a text with `{{ }}` holes; nil when one has an error.
    ///
    /// - Parameters:
    ///   - message: the text, one string or one per locale.
    ///   - sources: the scalar of each translation, in the same order, for placing problems.
    ///   - fallback: where to report a problem whose scalar is unknown.
    ///   - compileHole: compiles one hole's expression, given the whole text of its scalar.
    mutating func compileMessage(
        _ message: LocalizedText, sources: [ScalarSource], fallback: SourceRange,
        compileHole: (inout ExpressionChecker, ExpressionSource, String) -> Program?
    ) -> CompiledMessage? {
        var translations: [(locale: String, pieces: [CompiledMessage.Piece])] = []
        var failed = false
        for (index, translation) in message.translations.enumerated() {
            let source = index < sources.count ? sources[index] : nil
            var pieces: [CompiledMessage.Piece] = []
            for piece in Self.templatePieces(translation.text) {
                switch piece {
                case .text(let text):
                    pieces.append(.text(text))
                case .unclosed(let offset):
                    let at = source.map {
                        ScalarTextMap(file: file(for: $0.range), range: $0.range, style: $0.style, text: $0.text).location(ofTextOffset: offset)
                    }
                    context.error(
                        .unclosedHole, "'{{' in a message needs a matching '}}', as in '{{ size(transcript) }}'",
                        at: SourceRange(at: at ?? fallback.start))
                    failed = true
                case .hole(let text, let offset):
                    let expression = ExpressionSource(
                        text: text, range: source?.range ?? fallback, style: source?.style ?? .plain, contentOffset: offset)
                    if let program = compileHole(&self, expression, source?.text ?? "") {
                        pieces.append(.hole(program, written: "{{" + text + "}}"))
                    } else {
                        failed = true
                    }
                }
            }
            translations.append((translation.locale, pieces))
        }
        return failed ? nil : CompiledMessage(translations: translations)
    }
}
