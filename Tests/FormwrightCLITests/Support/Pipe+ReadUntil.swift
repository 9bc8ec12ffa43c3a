import Foundation

extension Pipe {
    /// What a started process writes to this pipe until `done` holds for the text so far, 30 seconds
    /// pass, or the process ends — whichever comes first.
    func read(from process: Process, until done: (String) -> Bool) -> String {
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while !done(text), Date() < deadline, process.isRunning {
            let chunk = fileHandleForReading.availableData
            if chunk.isEmpty { Thread.sleep(forTimeInterval: 0.05) }
            text += String(decoding: chunk, as: UTF8.self)
        }
        return text
    }
}
