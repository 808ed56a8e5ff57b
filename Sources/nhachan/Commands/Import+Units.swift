import Foundation
import NhacHanImport

// lead replaces this with NhacHanConfig
//
// A crude stand-in so the command can be tried: reads `id:`, `name:` and `aliases:` of the
// entries under `units:` and `groups:` with a line scanner (block or flow style, one entry
// per `- ` item). It does not follow `include:` and validates nothing.
func loadUnitDirectory(configPath: String) throws -> UnitDirectory {
    guard let data = FileManager.default.contents(atPath: configPath),
          let text = String(data: data, encoding: .utf8) else {
        throw ValidationErrorText("không đọc được tệp cấu hình (cannot read the config)")
    }
    var entries: [UnitDirectory.Entry] = []
    var section = ""
    var current: UnitDirectory.Entry?
    func flush() { if let c = current, !c.id.isEmpty { entries.append(c) }; current = nil }
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let line = String(raw)
        if let f = line.first, f != " ", f != "-", f != "#" {
            flush()
            section = line.hasPrefix("units:") ? "units" : line.hasPrefix("groups:") ? "groups" : ""
            continue
        }
        guard !section.isEmpty else { continue }
        var body = line.trimmingCharacters(in: .whitespaces)
        if body.hasPrefix("- ") {
            flush()
            current = UnitDirectory.Entry(id: "", name: "", isGroup: section == "groups")
            body = String(body.dropFirst(2)).trimmingCharacters(in: .whitespaces)
        }
        let flow = body.hasPrefix("{") && body.hasSuffix("}")
        if flow { body = String(body.dropFirst().dropLast()) }
        for (key, value) in fields(body, flow: flow) {
            switch key {
            case "id": current?.id = value.first ?? ""
            case "name": current?.name = value.first ?? ""
            case "aliases": current?.aliases = value
            default: break
            }
        }
    }
    flush()
    return UnitDirectory(entries: entries)
}

struct ValidationErrorText: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// `key: value` pairs of a (flow) mapping line; values may be quoted or `[a, "b"]` lists.
private func fields(_ s: String, flow: Bool) -> [(String, [String])] {
    var out: [(String, [String])] = []
    let chars = Array(s)
    var i = 0
    while i < chars.count {
        while i < chars.count, chars[i] == " " || chars[i] == "," { i += 1 }
        var key = ""
        while i < chars.count, chars[i] != ":" { key.append(chars[i]); i += 1 }
        i += 1
        while i < chars.count, chars[i] == " " { i += 1 }
        var values: [String] = []
        if i < chars.count, chars[i] == "[" {
            i += 1
            while i < chars.count, chars[i] != "]" {
                while i < chars.count, chars[i] == " " || chars[i] == "," { i += 1 }
                if i < chars.count, chars[i] == "]" { break }
                values.append(scalar(chars, &i, stop: ",]"))
            }
            i += 1
        } else if i < chars.count {
            values.append(scalar(chars, &i, stop: flow ? "," : ""))
        }
        let k = key.trimmingCharacters(in: .whitespaces)
        if !k.isEmpty { out.append((k, values)) }
    }
    return out
}

private func scalar(_ c: [Character], _ i: inout Int, stop: String) -> String {
    var v = ""
    if i < c.count, c[i] == "\"" || c[i] == "'" {
        let q = c[i]; i += 1
        while i < c.count, c[i] != q {
            if c[i] == "\\", i + 1 < c.count { i += 1 }
            v.append(c[i]); i += 1
        }
        i += 1
        return v
    }
    while i < c.count, !stop.contains(c[i]) { v.append(c[i]); i += 1 }
    if let hash = v.range(of: " #") { v = String(v[..<hash.lowerBound]) }
    return v.trimmingCharacters(in: .whitespaces)
}
