import FormwrightCore
import FormwrightExpressions

/// Finds names an expression uses where they do not exist, before it is compiled, so each is
/// reported in words about the place: `old` outside an `updated` trigger, `input` in a workflow,
/// `response` outside an integration's `output`, and `steps.<id>` naming a step that is unknown,
/// the step itself, or a step that runs later.
///
/// The compiler declares all of these names anyway (an unknown step as an error type), so a
/// misplaced name causes no second, less helpful message.
struct NameCheck {
    /// One misplaced name: where it stands in the expression and what is wrong.
    struct Problem {
        let range: Range<Int>
        let id: DefinitionDiagnosticID
        let message: String
        /// The step id, when the problem is an unknown step.
        var unknownStep: String? = nil
    }

    /// What a place offers.
    struct Place {
        /// Why `old` is not available here, or nil when it is.
        var oldRefusal: String?
        /// Why `input` is not available here, or nil when it is.
        var inputRefusal: String?
        /// Why `response` is not available here, or nil when it is.
        var responseRefusal: String?
        /// Every step of the workflow in order; empty outside workflows.
        var steps: [String] = []
        /// How many steps run before this place (all of them for nothing; 0 for the trigger).
        var earlierCount = 0
        /// The step this place belongs to, if any.
        var currentStep: String?
        /// What this place is, for messages: "the trigger's 'when'", "step 'save'".
        var description = ""
    }

    let place: Place

    /// The problems of a parsed expression, in the order they stand.
    func problems(in root: ExpressionNode) -> [Problem] {
        var found: [Problem] = []
        var pending: [(node: ExpressionNode, locals: Set<String>)] = [(root, [])]
        while let (node, locals) = pending.popLast() {
            switch node.kind {
            case .literal:
                break
            case .identifier(let name):
                if let problem = problem(naming: name, at: node.span, locals: locals) { found.append(problem) }
            case .select(let operand, let field, _):
                if case .identifier("steps") = operand.kind, !locals.contains("steps"), !place.steps.isEmpty || place.currentStep != nil {
                    if let problem = stepProblem(field, at: node.span) { found.append(problem) }
                } else {
                    pending.append((operand, locals))
                }
            case .call(_, let target, let arguments):
                if let target { pending.append((target, locals)) }
                pending.append(contentsOf: arguments.map { ($0, locals) })
            case .list(let elements):
                pending.append(contentsOf: elements.map { ($0, locals) })
            case .map(let entries):
                for entry in entries { pending.append(contentsOf: [(entry.key, locals), (entry.value, locals)]) }
            case .comprehension(let comprehension):
                pending.append((comprehension.range, locals))
                let inner = locals.union([comprehension.variable])
                if let predicate = comprehension.predicate { pending.append((predicate, inner)) }
                if let transform = comprehension.transform { pending.append((transform, inner)) }
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private func problem(naming name: String, at span: Range<Int>, locals: Set<String>) -> Problem? {
        guard !locals.contains(name) else { return nil }
        let refusal: String? =
            switch name {
            case "old": place.oldRefusal
            case "input": place.inputRefusal
            case "response": place.responseRefusal
            default: nil
            }
        return refusal.map { Problem(range: span, id: .unavailableName, message: $0) }
    }

    private func stepProblem(_ id: String, at span: Range<Int>) -> Problem? {
        let earlier = Array(place.steps.prefix(place.earlierCount))
        if earlier.contains(id) { return nil }
        if id == place.currentStep {
            return Problem(
                range: span, id: .stepOrder,
                message: "step '\(id)' cannot read its own outputs 'steps.\(id)'; they exist only after it has run")
        }
        if place.steps.contains(id) {
            return Problem(
                range: span, id: .stepOrder,
                message:
                    "\(place.description) cannot read 'steps.\(id)': step '\(id)' runs later; a step reads only the outputs of the steps before it")
        }
        let hint = NameSuggester.hint(for: id, among: earlier.isEmpty ? place.steps : earlier)
        return Problem(range: span, id: .unknownStep, message: "unknown step '\(id)' in 'steps.\(id)'\(hint)", unknownStep: id)
    }
}
