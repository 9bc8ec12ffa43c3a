import FormwrightCore

/// A call dispatched at run time on the argument values.
final class DynamicCallNode: Interpretable {
    let function: FunctionDeclaration
    let member: Bool
    let arguments: [any Interpretable]
    let span: Range<Int>

    init(function: FunctionDeclaration, member: Bool, arguments: [any Interpretable], span: Range<Int>) {
        self.function = function
        self.member = member
        self.arguments = arguments
        self.span = span
    }

    func evaluate(_ state: inout EvaluationState) throws(EvaluationError) -> RuntimeValue {
        try state.step()
        var values: [RuntimeValue] = []
        values.reserveCapacity(arguments.count)
        for argument in arguments { values.append(try argument.evaluate(&state)) }
        do {
            let (result, overload) = try function.dispatch(values, member: member)
            if overload.grows { try state.checkGrowth(result) }
            return result
        } catch {
            throw error.located(span)
        }
    }
}
