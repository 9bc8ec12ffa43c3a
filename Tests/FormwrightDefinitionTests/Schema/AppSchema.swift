import FormwrightCore
import Foundation

/// The app schema, `schemas/formwright-app.schema.json`, read for tests.
enum AppSchema {
    /// The schema file's path relative to the package root.
    static let relativePath = "schemas/formwright-app.schema.json"

    /// The schema document as a `Value`.
    static func document() throws -> Value {
        let url = try PackageRoot.url(of: relativePath)
        return try TestJSON.parse(String(contentsOf: url, encoding: .utf8))
    }

    /// A validator for the schema.
    static func validator() throws -> JSONSchemaValidator {
        try JSONSchemaValidator(schema: document())
    }
}
