import Foundation
import NhacHanImport
import Yams

/// The unit directory of a configuration, for matching the names a directive writes.
///
/// Reads only what `import` needs, the `units:` and `groups:` of the root file and of its
/// includes, and skips any file that holds neither: a directive file being written (the
/// empty file a shell redirection creates first, a half-edited draft) cannot break
/// `import --units`. A root or units file that does not parse is an error (exit 2).
func loadUnitDirectory(configPath: String) throws -> UnitDirectory {
    let root = try yamlMapping(at: configPath)
    var files: [String] = []
    let base = (configPath as NSString).deletingLastPathComponent
    for pattern in strings(root["include"]) {
        let full = pattern.hasPrefix("/") ? pattern : (base.isEmpty ? pattern : base + "/" + pattern)
        for file in expandGlob(full) where !files.contains(file) && file != configPath { files.append(file) }
    }
    var entries = directoryEntries(root)
    for file in files {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8),
              text.range(of: #"(?m)^(units|groups)\s*:"#, options: .regularExpression) != nil else { continue }
        entries += directoryEntries(try yamlMapping(at: file))
    }
    return UnitDirectory(entries: entries)
}

struct UnitsFileError: Error, CustomStringConvertible {
    var description: String
}

private func yamlMapping(at path: String) throws -> [String: Node] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        throw UnitsFileError(description: "không đọc được tệp")
    }
    let node: Node?
    do { node = try Yams.compose(yaml: text) } catch { throw UnitsFileError(description: "YAML không hợp lệ: \(error)") }
    var out: [String: Node] = [:]
    for (key, value) in node?.mapping ?? [:] { if let k = key.string { out[k] = value } }
    return out
}

private func strings(_ node: Node?) -> [String] {
    guard let node else { return [] }
    if let s = node.string { return [s] }
    return node.sequence?.compactMap(\.string) ?? []
}

private func directoryEntries(_ file: [String: Node]) -> [UnitDirectory.Entry] {
    var out: [UnitDirectory.Entry] = []
    for (key, isGroup) in [("units", false), ("groups", true)] {
        for item in file[key]?.sequence ?? [] {
            guard let m = item.mapping, let id = m["id"]?.string else { continue }
            out.append(UnitDirectory.Entry(id: id, name: m["name"]?.string ?? id, aliases: strings(m["aliases"]), isGroup: isGroup))
        }
    }
    return out
}

private func expandGlob(_ pattern: String) -> [String] {
    var g = glob_t()
    defer { globfree(&g) }
    guard glob(pattern, 0, nil, &g) == 0 else { return [] }
    return (0..<Int(g.gl_pathc)).compactMap { g.gl_pathv[$0].map { String(cString: $0) } }.sorted()
}
