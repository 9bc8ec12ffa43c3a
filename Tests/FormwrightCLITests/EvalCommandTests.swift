import Testing

/// `formwright eval`, run as a separate process.
@Suite struct EvalCommandTests {
    @Test func printsTheResultAsJSON() async throws {
        let output = try await CommandRunner.run(["eval", "x.map(v, v * 2) + [size(name)]", "--var", "x=[1, 2]", "--var", #"name="Ada""#])
        #expect(output.status == 0)
        #expect(output.standardOutput == "[2,4,3]\n")
    }

    @Test func rendersEveryKind() async throws {
        let output = try await CommandRunner.run([
            "eval", "{'b': b'ab', 'd': duration('3.5s'), 't': timestamp('2024-01-02T03:04:05Z'), 1: 1.5, 'u': 7u, 'n': null}",
        ])
        #expect(output.standardOutput == #"{"b":"YWI=","d":"3.5s","t":"2024-01-02T03:04:05Z","1":1.5,"u":7,"n":null}"# + "\n")
    }

    @Test func reportsErrorsWithTheirPosition() async throws {
        let output = try await CommandRunner.run(["eval", "1 + chanel", "--var", #"channel="x""#])
        #expect(output.status == 1)
        #expect(output.standardOutput.isEmpty)
        #expect(output.standardError.contains("<expression>:1:5: error: undeclared reference to 'chanel'; did you mean 'channel'?"))
        let runtime = try await CommandRunner.run(["eval", "10 / (x - 2)", "--var", "x=2"])
        #expect(runtime.status == 1)
        #expect(runtime.standardError.contains("<expression>:1:1: error: division by zero"))
    }

    @Test func refusesMalformedVariables() async throws {
        #expect(try await CommandRunner.run(["eval", "x", "--var", "x"]).status == 1)
        #expect(try await CommandRunner.run(["eval", "x", "--var", "x={"]).standardError.contains("not valid JSON"))
    }
}
