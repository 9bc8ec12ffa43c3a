import Foundation

/// Writes to standard output and error, flushing so scripts reading a pipe see lines at once.
enum Terminal {
    /// Prints to standard output and flushes.
    static func print(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((text + terminator).utf8))
    }

    /// Prints a line to standard error.
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
