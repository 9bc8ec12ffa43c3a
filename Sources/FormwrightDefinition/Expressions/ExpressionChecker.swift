import FormwrightCore
import FormwrightExpressions

/// Compiles every expression of a checked app against its table's record type, reporting each
/// problem at its line and column in the file, inside quotes and block scalars too.
///
/// It runs after `AppChecker`, over: `compute`, `=` defaults (of fields and of form fields), rule
/// `check`s and the `{{ }}` holes of their messages, and the form conditions `visible_if`,
/// `required_if` and `readonly_if`. Computed fields are ordered so each comes after the computed
/// fields it reads; a cycle among them is an error naming it. It then compiles each integration's
/// url holes, headers, body and outputs, and each workflow's trigger condition and steps, with
/// the names of their place (see `ExpressionPlace` and `NameCheck`), each forecast's filter,
/// open condition and scenario conditions, and each dashboard tile's filter.
struct ExpressionChecker {
    var context: DecodingContext
    let app: AppDefinition
    /// The app's file, then its template's when it extends one.
    let files: [SourceFile]
    /// The template parameters' values, declared in every expression as constants `params.<name>`.
    let parameters: [(name: String, type: ExpressionType, value: Value)]
    var expressions = AppExpressions()

    init(app: AppDefinition, context: DecodingContext, files: [SourceFile]) {
        self.app = app
        self.context = context
        self.files = files
        parameters = app.parameters.map { parameter in
            (parameter.name.value, parameter.kind.expressionType, app.arguments[parameter.name.value] ?? parameter.placeholder)
        }
    }

    /// The file a range stands in.
    func file(for range: SourceRange) -> SourceFile {
        files[min(SourceOrigin.index(of: range), files.count - 1)]
    }

    /// What an expression is for, which decides the type it must have.
    enum Purpose {
        /// A condition: `bool`.
        case condition(key: String)
        /// A value for a field: the field's type.
        case value(FieldDefinition, key: String)
        /// A value of a declared type, described for messages (`input 'text' of integration 'x'`).
        case typed(ExpressionType, what: String)
        /// A message hole or a value of any type.
        case hole
    }

    mutating func check() {
        for table in app.tables { checkTable(table) }
        for form in app.forms { checkForm(form) }
        for integration in app.integrations { checkIntegration(integration) }
        for workflow in app.workflows { checkWorkflow(workflow) }
        for forecast in app.forecasts { checkForecast(forecast) }
        for dashboard in app.dashboards { checkDashboard(dashboard) }
    }

    private mutating func checkTable(_ table: TableDefinition) {
        let scope = TableScope(table: table)
        var result = TableExpressions(scope: scope)
        var computed: [String: Program] = [:]
        for field in table.fields {
            if let compute = field.compute,
                let program = compile(compute, scalarText: compute.text, in: scope, for: .value(field, key: "compute"), computed: true)
            {
                computed[field.name.value] = program
            }
            if case .expression(let source)? = field.defaultValue?.value,
                let program = compile(source, scalarText: "=" + source.text, in: scope, for: .value(field, key: "default"))
            {
                result.defaults[field.name.value] = program
            }
        }
        result.computed = orderComputedFields(table, computed)
        result.rules = table.rules.compactMap { compileRule($0, in: scope) }
        expressions.tables[table.name.value] = result
    }

    private mutating func checkForm(_ form: FormDefinition) {
        guard let table = app.table(named: form.table.value) else { return }
        let scope = expressions.tables[table.name.value]?.scope ?? TableScope(table: table)
        var result = FormExpressions()
        for entry in form.fields {
            let name = entry.name.value
            guard let field = table.field(named: name) else { continue }
            if case .expression(let source)? = entry.defaultValue?.value,
                let program = compile(source, scalarText: "=" + source.text, in: scope, for: .value(field, key: "default"))
            {
                result.defaults[name] = program
            }
            if let source = entry.visibleIf {
                result.visibleIf[name] = compile(source, scalarText: source.text, in: scope, for: .condition(key: "visible_if"))
            }
            if let source = entry.requiredIf {
                result.requiredIf[name] = compile(source, scalarText: source.text, in: scope, for: .condition(key: "required_if"))
            }
            if let source = entry.readOnlyIf {
                result.readOnlyIf[name] = compile(source, scalarText: source.text, in: scope, for: .condition(key: "readonly_if"))
            }
        }
        result.rules = form.rules.compactMap { compileRule($0, in: scope) }
        if form.isPublic { warnAboutUser(on: form, result) }
        expressions.forms[form.name.value] = result
    }

    private mutating func compileRule(_ rule: Rule, in scope: TableScope) -> CompiledRule? {
        let check = compile(rule.check, scalarText: rule.check.text, in: scope, for: .condition(key: "check"))
        let message = compileMessage(rule, in: scope)
        guard let check, let message else { return nil }
        return CompiledRule(rule: rule, check: check, message: message)
    }

    /// Compiles one expression, reporting its problems in the file; nil when it has errors.
    ///
    /// - Parameters:
    ///   - source: the expression and the scalar holding it.
    ///   - scalarText: the whole text of that scalar, to map positions back through quoting.
    ///   - scope: the table's names.
    ///   - purpose: what the value is for, deciding its type.
    ///   - computed: whether this is a `compute`, which may not read `user`.
    mutating func compile(
        _ source: ExpressionSource, scalarText: String, in scope: TableScope, for purpose: Purpose, computed: Bool = false
    ) -> Program? {
        compile(
            source, scalarText: scalarText, compiler: scope.compiler(forComputedField: computed), options: scope.options, for: purpose,
            computed: computed)
    }

    /// Compiles one expression with a compiler of its own names, reporting its problems in the file; nil when it has errors.
    ///
    /// - Parameters:
    ///   - source: the expression and the scalar holding it.
    ///   - scalarText: the whole text of that scalar, to map positions back through quoting.
    ///   - compiler: a compiler declaring the names the expression may use.
    ///   - options: the options of choice fields by the name the expression reads them as, to spot comparisons that never match.
    ///   - purpose: what the value is for, deciding its type.
    ///   - computed: whether this is a `compute`, which may not read `user`.
    ///   - misplaced: names the expression uses where they are not available, found before compiling; each is an error.
    mutating func compile(
        _ source: ExpressionSource, scalarText: String, compiler: ExpressionCompiler, options: [String: [String]], for purpose: Purpose,
        computed: Bool = false, misplaced: [NameCheck.Problem] = []
    ) -> Program? {
        var compiler = compiler
        for parameter in parameters {
            compiler.declarations.declareConstant("params." + parameter.name, parameter.type, value: parameter.value)
        }
        let compilation = compiler.compile(source.text)
        let map = ScalarTextMap(file: file(for: source.range), range: source.range, style: source.style, text: scalarText)
        func place(_ range: Range<Int>) -> SourceRange {
            map.range(ofText: (range.lowerBound + source.contentOffset)..<(range.upperBound + source.contentOffset))
        }
        for diagnostic in compilation.diagnostics {
            var message = diagnostic.message
            if computed, diagnostic.id == ExpressionDiagnostic.ID.undeclaredReference, message.contains("'user'") {
                message += "; a computed field reads only its own record and 'now', whoever writes it"
            }
            append(diagnostic.id, diagnostic.severity, message, at: place(diagnostic.range))
        }
        for problem in misplaced {
            context.error(problem.id, problem.message, at: place(problem.range))
        }
        guard let program = compilation.program, misplaced.isEmpty else { return nil }
        for (offsets, message) in Self.unknownOptions(in: program, options: options) {
            append(DefinitionDiagnosticID.unknownOption.rawValue, .warning, message, at: place(offsets))
        }
        let scalars = Array(source.text.unicodeScalars)
        let first = scalars.firstIndex { !$0.properties.isWhitespace } ?? 0
        let last = scalars.lastIndex { !$0.properties.isWhitespace }.map { $0 + 1 } ?? scalars.count
        let whole = place(first..<max(first, last))
        switch purpose {
        case .condition(let key):
            return checkCondition(program, key: key, at: whole) ? program : nil
        case .value(let field, let key):
            return checkValue(program, field: field, key: key, at: whole) ? program : nil
        case .typed(let wanted, let what):
            return checkTyped(program, wanted: wanted, what: what, at: whole) ? program : nil
        case .hole:
            return program
        }
    }

    private mutating func checkCondition(_ program: Program, key: String, at range: SourceRange) -> Bool {
        switch program.resultType {
        case .bool, .dyn:
            return true
        case .nullable(.bool):
            append(
                ExpressionDiagnostic.ID.nullableUse, .warning,
                "this '\(key)' is empty (null) when a field it reads is empty, and then it fails; compare with 'true', as in 'approved == true'",
                at: range)
            return true
        default:
            append(
                ExpressionDiagnostic.ID.typeMismatch, .error, "expected 'bool' but found '\(Self.typeName(program.resultType))' for '\(key)'",
                at: range)
            return false
        }
    }

    private mutating func checkValue(_ program: Program, field: FieldDefinition, key: String, at range: SourceRange) -> Bool {
        let wanted = field.expressionType
        var found = program.resultType
        if case .nullable(let wrapped) = found { found = wrapped }
        let fits =
            found == wanted || found == .dyn || found == .null || (found == .int && wanted == .double)
            || (found == .list(.dyn) && wanted == .list(.string))
        guard !fits else { return true }
        append(
            ExpressionDiagnostic.ID.typeMismatch, .error,
            "expected '\(Self.typeName(wanted))' but found '\(Self.typeName(program.resultType))': '\(key)' of \(field.type.rawValue) "
                + "field '\(field.name.value)' must give a \(Self.typeName(wanted))",
            at: range)
        return false
    }

    private mutating func checkTyped(_ program: Program, wanted: ExpressionType, what: String, at range: SourceRange) -> Bool {
        let found = program.resultType.nonNull
        let fits = wanted == .dyn || found == wanted || found == .dyn || found == .null || (found == .int && wanted == .double)
        guard !fits else { return true }
        append(
            ExpressionDiagnostic.ID.typeMismatch, .error,
            "expected '\(Self.typeName(wanted))' but found '\(Self.typeName(program.resultType))' for \(what)", at: range)
        return false
    }

    /// A type's name as people read it: `timestamp` rather than `google.protobuf.Timestamp`.
    static func typeName(_ type: ExpressionType) -> String {
        type.description.replacingOccurrences(of: "google.protobuf.Timestamp", with: "timestamp")
            .replacingOccurrences(of: "google.protobuf.Duration", with: "duration")
    }

    mutating func append(_ id: String, _ severity: Severity, _ message: String, at range: SourceRange) {
        if severity == .error {
            context.diagnostics.error(id, message, at: range)
        } else {
            context.diagnostics.warning(id, message, at: range)
        }
    }
}
