/// What HTTP allows in a header name (a token) and value (no line breaks or NUL).
enum HeaderText {
    static func isName(_ name: String) -> Bool {
        !name.isEmpty
            && name.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    true
                default:
                    "!#$%&'*+-.^_`|~".utf8.contains(byte)
                }
            }
    }

    static func isValue(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 != 0x0A && $0 != 0x0D && $0 != 0x00 }
    }

    /// A header name safe to quote in a message: its first 40 characters, control characters dropped.
    static func shown(_ name: String) -> String {
        String(name.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(40).map(Character.init))
    }
}
