extension StorageError {
    /// No job has this id.
    public static func jobNotFound(id: String) -> StorageError {
        StorageError(.notFound, "no job '\(id)'")
    }

    /// The job's stored version is not the one the caller expected: it changed, or its lease was taken over.
    public static func jobVersionConflict(id: String, expected: Int64, found: Int64) -> StorageError {
        StorageError(.versionConflict, "job '\(id)' is at version \(found), not \(expected)")
    }

    /// The app was never prepared, so it has no job queue yet.
    public static func noJobQueue(app: String) -> StorageError {
        StorageError(.unknownTable, "app '\(app)' has no job queue; prepare the app first")
    }
}
