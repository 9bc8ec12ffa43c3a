import FormwrightCore

/// Reads a loop variable from its slot.
final class LocalNode: Interpretable {
    let slot: Int

    init(slot: Int) { self.slot = slot }

    func evaluate(_ state: inout EvaluationState) throws(EvaluationError) -> RuntimeValue {
        try state.step()
        return state.locals[slot]
    }
}
