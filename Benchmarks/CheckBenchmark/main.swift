// Measures `formwright check`'s work in one process: loading and checking an app file against
// the floor of merely pulling libyaml's events from the same bytes. Prints times and the ratio.
import CYAML
import FormwrightCore
import FormwrightDefinition
import Foundation

func generatedApp(fields: Int) -> String {
    var text = "formwright: 1\napp: generated\ntables:\n"
    let perTable = 50
    for table in 0..<(fields / perTable) {
        text += "  table_\(table):\n    fields:\n"
        for field in 0..<perTable {
            switch field % 5 {
            case 0: text += "      f\(field): { type: text, required: true, max_length: 120, label: { en: Field \(field), zh: 字段 } }\n"
            case 1: text += "      f\(field): { type: number, min: -1, max: 1, default: 0 }\n"
            case 2: text += "      f\(field): { type: choice, options: [a, b, c, d], default: a }\n"
            case 3: text += "      f\(field): { type: money, scale: 2, default: \"10.50\" }\n"
            default: text += "      f\(field): { type: link, table: table_\(table) }\n"
            }
        }
    }
    text += "forms:\n  first:\n    table: table_0\n    fields: [f0, f1, f2, f3]\n"
    return text
}

func scanEvents(_ bytes: [UInt8]) -> Int {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return 0 }
    defer { yaml_parser_delete(&parser) }
    var count = 0
    bytes.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        yaml_parser_set_input_string(&parser, base, buffer.count)
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            let done = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            count += 1
            if done { break }
        }
    }
    return count
}

func median(_ runs: Int, _ body: () -> Void) -> Duration {
    let clock = ContinuousClock()
    var times: [Duration] = []
    for _ in 0..<runs { times.append(clock.measure(body)) }
    return times.sorted()[runs / 2]
}

func report(_ name: String, bytes: [UInt8]) {
    var sink = 0
    let floor = median(51) { sink &+= scanEvents(bytes) }
    let check = median(51) { sink &+= DefinitionLoader().load(bytes: bytes, path: "app.yaml").diagnostics.count }
    let ms = { (d: Duration) in String(format: "%.3f ms", Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1e3) }
    print("\(name) (\(bytes.count) bytes): check \(ms(check)), libyaml events alone \(ms(floor)), ratio \(String(format: "%.2f", Double(check.components.attoseconds) / Double(max(1, floor.components.attoseconds))))×  [\(sink % 2)]")
}

let root = CommandLine.arguments.dropFirst().first ?? "."
if let data = FileManager.default.contents(atPath: root + "/apps/customer-sentiment/app.yaml") {
    report("apps/customer-sentiment", bytes: Array(data))
}
report("generated, 500 fields", bytes: Array(generatedApp(fields: 500).utf8))
