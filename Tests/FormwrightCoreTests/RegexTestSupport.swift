import Testing

@testable import FormwrightCore

extension LinearRegex {
    /// The answers of each engine for `text`, whatever its length: the public calls, the Pike VM and the DFA.
    ///
    /// The public calls pick an engine by text length; tests use this to hold both engines to the same answers,
    /// including a Pike VM run cut short after three scalars (when it answers).
    func answersOfEveryEngine(for text: String) -> (first: [Bool], whole: [Bool]) {
        let pike = RegexMatcher(program: program)
        var searchAutomaton = RegexDFA(program, anchored: program.isAnchoredAtStart)
        var wholeAutomaton = RegexDFA(program, anchored: true)
        var first = [firstMatch(in: text), pike.matches(text, whole: false)]
        var whole = [wholeMatch(text), pike.matches(text, whole: true)]
        // A Pike VM stopped after a few scalars must be right whenever it answers at all.
        if let answer = pike.matches(text, whole: false, scalarLimit: 3) { first.append(answer) }
        if let answer = pike.matches(text, whole: true, scalarLimit: 3) { whole.append(answer) }
        // A DFA over budget answers nil and leaves the text to the Pike VM, which is fine.
        if let answer = searchAutomaton.matches(text, whole: false) { first.append(answer) }
        if let answer = wholeAutomaton.matches(text, whole: true) { whole.append(answer) }
        return (first, whole)
    }
}
