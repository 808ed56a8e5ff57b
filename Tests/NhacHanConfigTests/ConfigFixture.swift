import Foundation
import NhacHanConfig

/// Writes YAML files into a fresh temporary folder and loads them, finding the expected
/// diagnostic positions from `1️⃣`-style markers in the text.
struct ConfigFixture {
    let folder: String
    private(set) var markers: [String: (file: String, line: Int, column: Int)] = [:]

    init() {
        folder = NSTemporaryDirectory() + "nhachan-config-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    static let markerNames = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣"]

    /// Writes `text` (markers removed) to `name`, remembering each marker's 1-based line and scalar column.
    mutating func write(_ name: String, _ text: String) {
        var clean = ""
        var line = 1, column = 1
        var rest = Substring(text)
        while let first = rest.first {
            if let marker = Self.markerNames.first(where: { rest.hasPrefix($0) }) {
                markers[marker] = (path(name), line, column)
                rest = rest.dropFirst(marker.count)
                continue
            }
            clean.append(first)
            if first == "\n" { line += 1; column = 1 } else { column += first.unicodeScalars.count }
            rest = rest.dropFirst()
        }
        let full = path(name)
        try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! clean.write(toFile: full, atomically: true, encoding: .utf8)
    }

    func path(_ name: String) -> String { folder + "/" + name }

    func load(_ name: String = "nhachan.yaml", environment: [String: String] = [:]) -> (Config?, [Diagnostic]) {
        let loader = ConfigLoader(environment: environment)
        let config = loader.load(path: path(name))
        return (config, loader.diagnostics.diagnostics)
    }

    /// Loads and returns every diagnostic as the CLI prints it, with its source line and caret.
    func rendered(_ name: String = "nhachan.yaml", environment: [String: String] = [:]) -> String {
        let loader = ConfigLoader(environment: environment)
        _ = loader.load(path: path(name))
        return loader.diagnostics.rendered()
    }

    /// The expected `FILE:LINE:COL: error: MESSAGE` at a marker.
    func error(_ marker: String, _ message: String) -> String {
        let m = markers[marker]!
        return "\(m.file):\(m.line):\(m.column): error: \(message)"
    }

    /// The expected `FILE:LINE:COL: warning: MESSAGE` at a marker.
    func warning(_ marker: String, _ message: String) -> String {
        let m = markers[marker]!
        return "\(m.file):\(m.line):\(m.column): warning: \(message)"
    }

    static let units = """
        units:
          - {id: xa-binh-chau, name: UBND xã Bình Châu, email: {to: [ubnd@binhchau.example.gov.vn]}}
          - {id: xa-binh-hai, name: UBND xã Bình Hải, email: {to: [ubnd@binhhai.example.gov.vn]}}
          - {id: phong-ldtbxh, name: Phòng LĐ-TB&XH}
        groups:
          - {id: ubnd-xa, name: UBND các xã, members: [xa-binh-chau, xa-binh-hai]}

        """
}
