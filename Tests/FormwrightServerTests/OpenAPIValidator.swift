import Foundation

/// Python's `openapi-spec-validator` and `jsonschema`, run as a process: the first checks that a
/// document is valid OpenAPI 3.1, the second that answers of the API fit the document's schemas
/// (JSON Schema 2020-12, formats such as `date` and `date-time` checked).
enum OpenAPIValidator {
    /// Whether `python3` with both packages is on the PATH (`pip install openapi-spec-validator` brings both).
    static let isAvailable: Bool = {
        guard let process = try? python(["-c", "import openapi_spec_validator, jsonschema"]) else { return false }
        return process.terminationStatus == 0
    }()

    /// One answer to check: the JSON text the route gave for a status, or with the status
    /// `request`, a body sent to the route.
    struct Answer: Sendable {
        var path: String
        var method: String
        var status: String
        var json: String
    }

    /// What the validators found: the document's error (nil when valid), then each answer's errors (empty when it fits).
    struct Findings: Sendable {
        var document: String?
        var answers: [[String]]
    }

    static let script = """
        import json, sys
        from jsonschema import Draft202012Validator
        from openapi_spec_validator import validate
        document = json.load(open(sys.argv[1]))
        answers = json.load(open(sys.argv[2]))
        findings = {"document": None, "answers": []}
        try:
            validate(document)
        except Exception as error:
            findings["document"] = str(error)[:2000]
        def escape(text):
            return text.replace("~", "~0").replace("/", "~1")
        for answer in answers:
            operation = document["paths"][answer["path"]][answer["method"]]
            pointer = "#/paths/%s/%s" % (escape(answer["path"]), answer["method"])
            if answer["status"] == "request":
                pointer += "/requestBody"
            elif "$ref" in operation["responses"][answer["status"]]:
                pointer = operation["responses"][answer["status"]]["$ref"]
            else:
                pointer += "/responses/" + answer["status"]
            root = dict(document)
            root["$ref"] = pointer + "/content/application~1json/schema"
            validator = Draft202012Validator(root, format_checker=Draft202012Validator.FORMAT_CHECKER)
            findings["answers"].append(sorted("%s: %s" % (list(error.absolute_path), error.message) for error in validator.iter_errors(answer["json"])))
        json.dump(findings, open(sys.argv[3], "w"))
        """

    /// Validates a document and answers against it, waiting for Python on a thread of its own:
    /// a test that blocked the cooperative pool for seconds would starve every other test.
    static func check(document: String, answers: [Answer] = []) async throws -> Findings {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try checkBlocking(document: document, answers: answers) }) }.start()
        }
    }

    private static func checkBlocking(document: String, answers: [Answer]) throws -> Findings {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("openapi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (documentFile, answersFile, findingsFile) = (
            folder.appendingPathComponent("document.json"), folder.appendingPathComponent("answers.json"),
            folder.appendingPathComponent("findings.json")
        )
        try Data(document.utf8).write(to: documentFile)
        let items = try answers.map { answer in
            "{\"path\":\(try quote(answer.path)),\"method\":\(try quote(answer.method)),\"status\":\(try quote(answer.status)),\"json\":\(answer.json)}"
        }
        try Data(("[" + items.joined(separator: ",") + "]").utf8).write(to: answersFile)
        let errorsFile = folder.appendingPathComponent("errors.txt")
        let process = try python(["-c", script, documentFile.path, answersFile.path, findingsFile.path], errors: errorsFile)
        guard process.terminationStatus == 0 else {
            throw ValidatorFailed(
                message: (try? String(contentsOf: errorsFile, encoding: .utf8)) ?? "python3 exited with \(process.terminationStatus)")
        }
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: findingsFile)) as? [String: Any] ?? [:]
        return Findings(document: object["document"] as? String, answers: object["answers"] as? [[String]] ?? [])
    }

    /// The validator itself failed, with what it wrote on standard error.
    struct ValidatorFailed: Error {
        var message: String
    }

    private static func quote(_ text: String) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: text, options: .fragmentsAllowed), as: UTF8.self)
    }

    private static func python(_ arguments: [String], errors: URL? = nil) throws -> Process {
        let process = Process()
        if let errors {
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errors)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process
    }
}
