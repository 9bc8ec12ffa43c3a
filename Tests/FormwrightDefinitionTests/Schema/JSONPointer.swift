import Foundation

/// Builds JSON pointers (RFC 6901), the paths that name a place in a JSON document.
enum JSONPointer {
    /// The pointer to the member `key` of the object at `base`, escaping `~` and `/` in the key.
    static func appending(_ key: String, to base: String) -> String {
        base + "/" + key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// The pointer to item `index` of the array at `base`.
    static func appending(_ index: Int, to base: String) -> String {
        base + "/" + String(index)
    }
}
