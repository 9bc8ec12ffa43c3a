/// One lexical token with the scalar offsets it spans.
struct Token: Sendable {
    /// The token's category and payload.
    enum Kind: Sendable, Equatable {
        case identifier(String)
        /// A backquoted field name such as `` `content-type` ``.
        case quotedIdentifier(String)
        case int(Int64)
        /// An integer literal too large for `int`: valid only right after a unary minus (`-9223372036854775808`).
        case intMagnitude(UInt64)
        case uint(UInt64)
        case double(Double)
        case string(String)
        case bytes([UInt8])
        case keyword(String)
        case reserved(String)
        case symbol(String)
        case endOfInput
        case invalid(String)
    }

    let kind: Kind
    let span: Range<Int>

    /// The text to show for this token in an error message.
    var display: String {
        switch kind {
        case .identifier(let name), .keyword(let name), .reserved(let name), .symbol(let name): "'\(name)'"
        case .quotedIdentifier(let name): "'`\(name)`'"
        case .int, .intMagnitude, .uint, .double: "number"
        case .string: "string"
        case .bytes: "bytes"
        case .endOfInput: "end of input"
        case .invalid(let message): message
        }
    }
}
