import NhacHanCore

/// A problem found in a configuration file, printed like a compiler diagnostic.
///
/// Lines and columns are 1-based; columns count Unicode scalars, as libYAML does, so a
/// Vietnamese word written in NFD counts more columns than the same word in NFC.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable {
        case error, warning, note
    }

    public var severity: Severity
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(_ severity: Severity, file: String, line: Int, column: Int, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE:COL: error: MESSAGE`.
    public var description: String {
        line > 0 ? "\(file):\(line):\(column): \(severity.rawValue): \(message)" : "\(file): \(severity.rawValue): \(message)"
    }
}

/// Collects every diagnostic of a load, so that all of them are reported at once.
public final class DiagnosticEngine {
    public private(set) var diagnostics: [Diagnostic] = []
    private var seen = Set<Diagnostic>()
    private var sources: [String: SourceFile] = [:]
    /// How many errors were left out past `limit`.
    public private(set) var suppressed = 0
    /// Past this many, errors are counted, not listed: a broken 10 MB file should not print 10 MB.
    public static let limit = 200

    public init() {}

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// Secret values (webhook URLs) and what a printed source line shows instead of each.
    /// A dictionary while loading (thousands of webhooks); sorted, longest first, only when a
    /// snippet is printed.
    private var hidden: [String: String] = [:]

    private var hiddenLongestFirst: [(secret: String, shown: String)] {
        hidden.map { ($0.key, $0.value) }.sorted { $0.secret.utf8.count > $1.secret.utf8.count }
    }

    func register(_ source: SourceFile) { sources[source.path] = source }

    /// Keeps a secret URL out of the source lines printed under diagnostics: wherever it is
    /// written as is, the line shows `SecretURL.redacted` instead.
    func hideInSnippets(url: String) {
        let shown = SecretURL.redacted(url)
        guard shown != url, !url.isEmpty else { return }
        hidden[url] = shown
    }

    public func emit(_ diagnostic: Diagnostic) {
        guard seen.insert(diagnostic).inserted else { return }
        if diagnostics.count >= Self.limit {
            if diagnostic.severity == .error, !diagnostics.contains(where: { $0.severity == .error && $0.line == 0 }) {
                suppressed += 1
            }
            return
        }
        diagnostics.append(diagnostic)
    }

    func error(_ message: String, at location: Location) {
        emit(Diagnostic(.error, file: location.file, line: location.line, column: location.column, message: message))
    }

    func warning(_ message: String, at location: Location) {
        emit(Diagnostic(.warning, file: location.file, line: location.line, column: location.column, message: message))
    }

    /// Each diagnostic followed by its source line and a caret under the column.
    public func rendered(_ list: [Diagnostic]? = nil) -> String {
        let hiding = hiddenLongestFirst
        return (list ?? diagnostics).map { d in
            guard let source = sources[d.file], let snippet = source.snippet(line: d.line, column: d.column, hiding: hiding) else {
                return d.description
            }
            return d.description + "\n" + snippet
        }.joined(separator: "\n")
    }
}

/// A place in a configuration file.
public struct Location: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// The text of a loaded file, kept to print the line a diagnostic points at.
struct SourceFile {
    var path: String
    var lines: [Substring]

    init(path: String, text: String) {
        self.path = path
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The line and a caret under the column, each hidden secret replaced by what is shown for it.
    func snippet(line: Int, column: Int, hiding hidden: [(secret: String, shown: String)] = []) -> String? {
        guard line >= 1, line <= lines.count else { return nil }
        var text = String(lines[line - 1])
        if text.hasSuffix("\r") { text.removeLast() }
        var scalars = Array(text.unicodeScalars)
        var caret = max(column - 1, 0)
        for (secret, shown) in hidden {
            (scalars, caret) = Self.replacing(Array(secret.unicodeScalars), with: Array(shown.unicodeScalars), in: scalars, caret: caret)
        }
        guard scalars.count <= 300 else { return nil }
        var shownText = String.UnicodeScalarView()
        shownText.append(contentsOf: scalars)
        let pad = scalars.prefix(caret).map { $0 == "\t" ? "\t" : " " }.joined()
        return "    " + String(shownText) + "\n    " + pad + "^"
    }

    /// `scalars` with every `secret` replaced, and where the caret lands in the result (at the
    /// start of the replacement when it pointed inside a secret).
    static func replacing(
        _ secret: [Unicode.Scalar], with shown: [Unicode.Scalar], in scalars: [Unicode.Scalar], caret: Int
    ) -> ([Unicode.Scalar], Int) {
        guard !secret.isEmpty else { return (scalars, caret) }
        var out: [Unicode.Scalar] = []
        var moved: Int?
        var i = 0
        while i < scalars.count {
            if scalars[i...].starts(with: secret) {
                if moved == nil, caret >= i, caret < i + secret.count { moved = out.count }
                out += shown
                i += secret.count
            } else {
                if moved == nil, caret == i { moved = out.count }
                out.append(scalars[i])
                i += 1
            }
        }
        return (out, moved ?? out.count + (caret - scalars.count))
    }
}

/// The closest candidate to a misspelt name, if it is close enough to be what was meant.
func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
    return best.1 <= max(2, word.count / 3) ? best.0 : nil
}

func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String {
    suggestion(for: word, among: candidates).map { "; có phải ý bạn là '\($0)'?" } ?? ""
}

/// Levenshtein distance over Unicode scalars.
func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = previous
    for i in 1...x.count {
        current[0] = i
        for j in 1...y.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[y.count]
}
