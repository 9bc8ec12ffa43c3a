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

/// A one-argument call whose overload the checker resolved.
final class UnaryCallNode: Interpretable {
    let body: @Sendable (RuntimeValue) throws(EvaluationError) -> RuntimeValue
    let argument: any Interpretable
    let span: Range<Int>

    init(body: @escaping @Sendable (RuntimeValue) throws(EvaluationError) -> RuntimeValue, argument: any Interpretable, span: Range<Int>) {
        self.body = body
        self.argument = argument
        self.span = span
    }

    func evaluate(_ state: inout EvaluationState) throws(EvaluationError) -> RuntimeValue {
        try state.step()
        let value = try argument.evaluate(&state)
        do {
            return try body(value)
        } catch {
            throw error.located(span)
        }
    }
}

/// A two-argument call whose overload the checker resolved.
final class BinaryCallNode: Interpretable {
    let body: @Sendable (RuntimeValue, RuntimeValue) throws(EvaluationError) -> RuntimeValue
    let first: any Interpretable
    let second: any Interpretable
    let grows: Bool
    let span: Range<Int>

    init(
        body: @escaping @Sendable (RuntimeValue, RuntimeValue) throws(EvaluationError) -> RuntimeValue,
        first: any Interpretable, second: any Interpretable, grows: Bool, span: Range<Int>
    ) {
        self.body = body
        self.first = first
        self.second = second
        self.grows = grows
        self.span = span
    }

    func evaluate(_ state: inout EvaluationState) throws(EvaluationError) -> RuntimeValue {
        try state.step()
        let left = try first.evaluate(&state)
        let right = try second.evaluate(&state)
        let result: RuntimeValue
        do {
            result = try body(left, right)
        } catch {
            throw error.located(span)
        }
        if grows { try state.checkGrowth(result) }
        return result
    }
}

/// `a && b` and `a || b`: a decisive value on either side wins over an error on the other.
final class LogicalNode: Interpretable {
    let isAnd: Bool
    let first: any Interpretable
    let second: any Interpretable
    let span: Range<Int>

    init(isAnd: Bool, first: any Interpretable, second: any Interpretable, span: Range<Int>) {
        self.isAnd = isAnd
        self.first = first
        self.second = second
        self.span = span
    }

    func evaluate(_ state: inout EvaluationState) throws(EvaluationError) -> RuntimeValue {
        try state.step()
        // The value that settles the result: false for `&&`, true for `||`.
        let decisive = !isAnd
        var pending: EvaluationError?
        do {
            let left = try first.evaluate(&state)
            if case .value(.bool(let flag)) = left {
                if flag == decisive { return .value(.bool(decisive)) }
            } else {
                pending = .noMatchingOverload(isAnd ? "_&&_" : "_||_", [left]).located(span)
            }
        } catch {
            if error.isBudgetExceeded { throw error }
            pending = error
        }
        let right = try second.evaluate(&state)
        if case .value(.bool(let flag)) = right {
            if flag == decisive { return .value(.bool(decisive)) }
            if let pending { throw pending }
            return .value(.bool(!decisive))
        }
        throw pending ?? EvaluationError.noMatchingOverload(isAnd ? "_&&_" : "_||_", [right]).located(span)
    }
}

final class ConditionalNode: Interpretable {
    let condition: any Interpretable
    let whenTrue: any Interpretable
    let whenFalse: any Interpretable
    let span: Range<Int>

    init(condition: any Interpretable, whenTrue: any Interpretable, whenFalse: any Interpretable, span: Range<Int>) {
        self.condition = condition
        self.whenTrue = whenTrue
        self.whenFalse = whenFalse
        self.span = span
    }

    func evaluate(_ state: inout EvaluationState) throws(EvaluationError) -> RuntimeValue {
        try state.step()
        guard case .value(.bool(let flag)) = try condition.evaluate(&state) else {
            throw EvaluationError("the condition of '?:' is not a bool", range: span)
        }
        return flag ? try whenTrue.evaluate(&state) : try whenFalse.evaluate(&state)
    }
}
