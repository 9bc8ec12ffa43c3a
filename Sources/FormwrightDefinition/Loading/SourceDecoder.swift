import FormwrightCore

/// Turns a file's bytes into text, refusing what is too large or not UTF-8, at the place it fails.
enum SourceDecoder {
    /// The decoded file, or the diagnostic explaining why it cannot be read.
    static func decode(_ bytes: [UInt8], path: String, maximumBytes: Int) -> (file: SourceFile?, refusal: Diagnostic?) {
        guard bytes.count <= maximumBytes else {
            return (
                nil,
                Diagnostic(
                    id: "yaml.tooLarge", severity: .error,
                    message: "the file is \(bytes.count) bytes; an app file may be at most \(maximumBytes) bytes", file: path,
                    range: .start))
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return (SourceFile(path: path, text: text), nil)
        }
        let validPrefix = validUTF8PrefixLength(bytes)
        let before = SourceFile(path: path, text: String(decoding: bytes[..<validPrefix], as: UTF8.self))
        let location = before.location(ofOffset: before.scalars.count)
        return (
            nil,
            Diagnostic(
                id: "yaml.invalidUTF8", severity: .error,
                message: "the file is not valid UTF-8 text (byte 0x\(String(bytes[validPrefix], radix: 16)) here); save it as UTF-8",
                file: path, range: SourceRange(at: location)))
    }

    /// The number of leading bytes that form valid UTF-8.
    private static func validUTF8PrefixLength(_ bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var valid = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): valid += scalar.count
            case .emptyInput, .error: return valid
            }
        }
    }
}
