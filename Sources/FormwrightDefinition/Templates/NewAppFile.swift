public import FormwrightCore
import Foundation

/// The `app.yaml` of a new app built on a template: `formwright new TEMPLATE DEST --set K=V`.
///
/// The app is named after its folder, extends the template by the relative path from its folder,
/// and gives every parameter under `with:` — a `--set` value read by the parameter's type, or the
/// default — followed by a commented sketch of an overlay.
public struct NewAppFile: Sendable {
    /// The file's text.
    public var text: String
    /// The new app's name (its folder's name).
    public var name: String

    /// Builds the file, or says every reason it cannot be built.
    ///
    /// - Parameters:
    ///   - template: the template, checked without errors.
    ///   - templateFolder: the template's folder.
    ///   - destination: the new app's folder.
    ///   - settings: `key=value` texts, each setting one parameter.
    public static func make(
        template: AppDefinition, templateFolder: String, destination: String, settings: [String]
    ) -> Result<NewAppFile, NewAppError> {
        var problems: [String] = []
        let absoluteDestination = absolute(destination)
        let name = (absoluteDestination as NSString).lastPathComponent
        if !NameRules.isValidAppName(name) {
            problems.append(
                "the new app is named after its folder, and '\(name)' is not an app name: use lower-case letters, digits and '-', "
                    + "starting with a letter (at most 63)")
        }
        var values: [String: Value] = [:]
        for setting in settings {
            guard let equals = setting.firstIndex(of: "=") else {
                problems.append("--set '\(setting)' needs the form key=value")
                continue
            }
            let key = String(setting[..<equals])
            let text = String(setting[setting.index(after: equals)...])
            guard let parameter = template.parameters.first(where: { $0.name.value == key }) else {
                problems.append(TemplateParameter.unknown(key, among: template.parameters))
                continue
            }
            switch parameter.parse(text) {
            case .success(let value): values[key] = value
            case .failure(let problem): problems.append(problem.message)
            }
        }
        for parameter in template.parameters where values[parameter.name.value] == nil {
            if let value = parameter.defaultValue {
                values[parameter.name.value] = value
            } else {
                problems.append(
                    "the template's parameter '\(parameter.name.value)' (\(parameter.kind.rawValue)) has no default; "
                        + "give it with --set \(parameter.name.value)=…")
            }
        }
        guard problems.isEmpty else { return .failure(NewAppError(problems: problems)) }
        var lines = ["formwright: 1", "app: \(name)", "extends: \(relativePath(from: absoluteDestination, to: absolute(templateFolder)))"]
        if !template.parameters.isEmpty {
            lines.append("with:")
            for parameter in template.parameters {
                lines.append("  \(parameter.name.value): \(JSONWriter.write(values[parameter.name.value] ?? parameter.placeholder))")
            }
        }
        lines += overlaySketch(template)
        return .success(NewAppFile(text: lines.joined(separator: "\n") + "\n", name: name))
    }

    /// A commented example of an overlay, naming the template's first table, field and form.
    private static func overlaySketch(_ template: AppDefinition) -> [String] {
        let table = template.tables.first?.name.value ?? "customers"
        let field = template.tables.first?.fields.first?.name.value ?? "name"
        func line(_ text: String, _ comment: String) -> String {
            text + String(repeating: " ", count: max(1, 62 - text.count)) + "# " + comment
        }
        var lines = [
            "",
            "# This app is the template named by 'extends' with your changes laid over it; see docs/templates.md.",
            "# The template's later changes reach it on the next reload, and these changes stay.",
            "# tables:",
            "#   \(table):",
            "#     fields:",
            line("#       segment: { type: choice, options: [small, large] }", "a field of this app's own"),
            line("#       \(field): { label: Our own label }", "a label of the template's, overridden"),
        ]
        if let form = template.forms.first(where: { $0.table.value == table }) {
            lines += ["# forms:", "#   \(form.name.value):", line("#     fields+: [segment]", "appended to the template's list of fields")]
        }
        return lines
    }

    static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        return ExtendingAppBuilder.normalized(joined)
    }

    /// The path from one absolute folder to another, such as `../pod-workbench`.
    static func relativePath(from origin: String, to target: String) -> String {
        let from = origin.split(separator: "/")
        let to = target.split(separator: "/")
        var common = 0
        while common < min(from.count, to.count), from[common] == to[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}

/// Why a new app could not be made from a template: every problem found, one per line.
public struct NewAppError: Error, Sendable, CustomStringConvertible {
    /// The problems, each a sentence naming the parameter or value.
    public var problems: [String]

    public var description: String { problems.joined(separator: "\n") }
}

/// Why a `--set` value does not fit a parameter.
public struct ParameterValueProblem: Error, Sendable {
    /// The message, naming the parameter and the value.
    public var message: String
}

extension TemplateParameter {
    /// Reads a value given as text (`--set key=value`) by the parameter's type: a list is
    /// comma-separated text; the value must pass the parameter's check.
    public func parse(_ text: String) -> Result<Value, ParameterValueProblem> {
        let key = name.value
        let value: Value
        switch kind {
        case .text:
            value = .string(text)
        case .integer:
            guard let number = Int32(text) else { return .failure(problem("a whole number", text)) }
            value = .int(Int64(number))
        case .number:
            guard DecodingContext.isDecimal(text), let number = Double(text), number.isFinite else { return .failure(problem("a number", text)) }
            value = .double(number)
        case .boolean:
            guard text == "true" || text == "false" else { return .failure(problem("true or false", text)) }
            value = .bool(text == "true")
        case .choice:
            guard options.contains(text) else {
                return .failure(ParameterValueProblem(message: notAnOption(text)))
            }
            value = .string(text)
        case .list:
            value = .list(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map { .string($0) })
        }
        if let failure = checkFailure(value) { return .failure(ParameterValueProblem(message: failure)) }
        return .success(value)
    }

    private func problem(_ expected: String, _ text: String) -> ParameterValueProblem {
        ParameterValueProblem(message: "parameter '\(name.value)' takes \(expected), not '\(text)'")
    }
}
