/// The display forms of CEL's operator function names, for messages.
enum OperatorNames {
    static let symbols: [String: String] = [
        "_+_": "+", "_-_": "-", "_*_": "*", "_/_": "/", "_%_": "%", "_==_": "==", "_!=_": "!=",
        "_<_": "<", "_<=_": "<=", "_>_": ">", "_>=_": ">=", "@in": "in", "_&&_": "&&", "_||_": "||",
        "!_": "!", "-_": "-", "_[_]": "[]", "_?_:_": "?:",
    ]

    /// `+` for `_+_`; other names unchanged.
    static func display(_ function: String) -> String { symbols[function] ?? function }
}
