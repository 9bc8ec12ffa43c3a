import ArgumentParser
import Foundation
import FormwrightExpressions

/// `formwright eval EXPR [--var NAME=JSON]…`: evaluates one expression and prints the result as JSON.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate one expression and print the result as JSON.",
        discussion: """
            Variables are given as NAME=JSON and typed by their JSON value. The expression is \
            type-checked, then evaluated within the default cost limits. On an error the message \
            and its position are printed and the command exits with 1.
            """
    )

    @Argument(help: "The expression, for example \"size(name) > 3\".")
    var expression: String

    @Option(name: .customLong("var"), help: ArgumentHelp("A variable as NAME=JSON, for example --var 'name=\"Ada\"'.", valueName: "NAME=JSON"))
    var variables: [String] = []

    func run() throws {
        let outcome = CommandLineEvaluation.evaluate(expression, assignments: variables)
        guard outcome.succeeded else {
            FileHandle.standardError.write(Data(outcome.output.utf8))
            throw ExitCode(1)
        }
        print(outcome.output)
    }
}
