import FormwrightCore
import FormwrightDefinition

/// Reads one submitted value as its field's type: JSON values by their JSON type, form text by parsing.
///
/// An absent value, JSON `null`, and empty form text all become `.null` (the field is empty).
struct FieldCoercer {
    let field: FieldDefinition
    let format: SubmissionInput.Format

    func coerce(_ input: Value) -> Result<Value, FieldProblem> {
        if input == .null { return .success(.null) }
        if format == .form, case .string(let text) = input, text.isEmpty, field.type != .multichoice { return .success(.null) }
        switch field.type {
        case .text, .longtext, .email, .phone, .url, .choice, .link:
            guard case .string(let text) = input else { return .failure(.notText) }
            let normalized = field.type == .longtext ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
            return .success(.string(normalized))
        case .integer:
            return integer(input)
        case .number:
            return number(input)
        case .money:
            return money(input)
        case .boolean:
            return boolean(input)
        case .date:
            guard case .string(let text) = input, let date = CalendarDate(text) else { return .failure(.notDate) }
            return .success(.string(date.description))
        case .datetime:
            return dateTime(input)
        case .multichoice:
            return choices(input)
        }
    }

    private func integer(_ input: Value) -> Result<Value, FieldProblem> {
        switch input {
        case .int: return .success(input)
        case .uint(let number): return number <= UInt64(Int64.max) ? .success(.int(Int64(number))) : .failure(.outOfRange)
        case .double(let number):
            guard number == number.rounded(), let exact = Int64(exactly: number) else { return .failure(.notWholeNumber) }
            return .success(.int(exact))
        case .string(let text) where format == .form:
            guard let value = Int64(text.trimmingCharacters(in: " ")) else { return .failure(.notWholeNumber) }
            return .success(.int(value))
        default: return .failure(.notWholeNumber)
        }
    }

    private func number(_ input: Value) -> Result<Value, FieldProblem> {
        switch input {
        case .int(let number): return .success(.double(Double(number)))
        case .uint(let number): return .success(.double(Double(number)))
        case .double(let number): return number.isFinite ? .success(input) : .failure(.notNumber)
        case .string(let text) where format == .form:
            let trimmed = text.trimmingCharacters(in: " ")
            guard Self.isDecimal(trimmed), let value = Double(trimmed), value.isFinite else { return .failure(.notNumber) }
            return .success(.double(value))
        default: return .failure(.notNumber)
        }
    }

    private func money(_ input: Value) -> Result<Value, FieldProblem> {
        let text: String
        switch input {
        case .string(let string): text = string
        case .int(let number): text = String(number)
        case .uint(let number): text = String(number)
        case .double(let number) where number.isFinite: text = "\(number)"
        default: return .failure(.notAmount)
        }
        switch MoneyText.minorUnits(text, scale: field.scale) {
        case .success(let minor): return .success(.int(minor))
        case .failure(.tooManyDecimals(let scale)): return .failure(.tooManyDecimals(scale: scale))
        case .failure(.outOfRange): return .failure(.outOfRange)
        case .failure(.notANumber): return .failure(.notAmount)
        }
    }

    private func boolean(_ input: Value) -> Result<Value, FieldProblem> {
        switch input {
        case .bool: return .success(input)
        case .string(let text) where format == .form:
            switch text.lowercased() {
            case "true", "on", "yes", "1": return .success(.bool(true))
            case "false", "off", "no", "0": return .success(.bool(false))
            default: return .failure(.notBoolean)
            }
        default: return .failure(.notBoolean)
        }
    }

    private func dateTime(_ input: Value) -> Result<Value, FieldProblem> {
        guard case .string(let text) = input else { return .failure(.notDateTime) }
        if let timestamp = Timestamp(rfc3339: text) { return .success(.timestamp(timestamp)) }
        // A browser's datetime-local box sends `YYYY-MM-DDTHH:MM` without seconds or zone; read it as UTC.
        if format == .form, text.unicodeScalars.count == 16, let timestamp = Timestamp(rfc3339: text + ":00Z") {
            return .success(.timestamp(timestamp))
        }
        return .failure(.notDateTime)
    }

    private func choices(_ input: Value) -> Result<Value, FieldProblem> {
        switch input {
        case .list(let items):
            var texts: [Value] = []
            for item in items {
                guard case .string(let text) = item else { return .failure(.notList) }
                if !text.isEmpty || format == .json { texts.append(.string(text)) }
            }
            return .success(texts.isEmpty ? .null : .list(texts))
        case .string(let text) where format == .form:
            return .success(text.isEmpty ? .null : .list([.string(text)]))
        default:
            return .failure(.notList)
        }
    }

    static func isDecimal(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "e" || $0 == "E" || $0 == "+" }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var slice = self[...]
        while slice.first == set { slice = slice.dropFirst() }
        while slice.last == set { slice = slice.dropLast() }
        return String(slice)
    }
}
