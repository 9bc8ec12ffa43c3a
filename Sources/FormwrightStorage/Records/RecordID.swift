/// Makes and checks record ids: opaque, URL-safe text.
public enum RecordID {
    /// The alphabet of generated ids: lower-case base32 without easily confused letters, in
    /// ASCII order, so ids sort the same as text in every backend.
    private static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz".utf8)

    /// The longest id accepted from a caller.
    public static let maximumLength = 128

    /// A new random id: 130 random bits written as 26 base32 characters.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        var characters: [UInt8] = []
        characters.reserveCapacity(26)
        for _ in 0..<26 {
            characters.append(alphabet[Int(generator.next(upperBound: UInt8(32)))])
        }
        return String(decoding: characters, as: UTF8.self)
    }

    /// Whether `id` may name a record: 1 to 128 characters from the URL-safe set `A-Z a-z 0-9 - _ . ~`.
    public static func isValid(_ id: String) -> Bool {
        guard !id.isEmpty, id.utf8.count <= maximumLength else { return false }
        return id.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                true
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                true
            default:
                false
            }
        }
    }
}
