/// Makes and checks record ids: opaque, URL-safe text.
public enum RecordID {
    /// The alphabet of generated ids: lower-case base32 without easily confused letters, in
    /// ASCII order, so ids sort the same as text in every backend.
    private static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz".utf8)

    /// The longest id accepted from a caller.
    public static let maximumLength = 128

    /// A new random id: 128 random bits written as 26 base32 characters.
    ///
    /// The bits come from two 64-bit draws of the system generator (each a system call on
    /// Linux), not one draw per character.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let high: UInt64 = generator.next()
        let low: UInt64 = generator.next()
        var characters: [UInt8] = []
        characters.reserveCapacity(26)
        // 25 characters of 5 bits each take 125 bits; the 26th takes the last 3.
        for index in 0..<26 {
            let bitOffset = index * 5
            let chunk: UInt64
            if bitOffset + 5 <= 64 {
                chunk = high >> UInt64(59 - bitOffset)
            } else if bitOffset >= 64 {
                chunk = bitOffset + 5 <= 128 ? low >> UInt64(123 - bitOffset) : low << UInt64(bitOffset + 5 - 128)
            } else {
                chunk = high << UInt64(bitOffset + 5 - 64) | low >> UInt64(128 - bitOffset - 5)
            }
            characters.append(alphabet[Int(chunk & 31)])
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
