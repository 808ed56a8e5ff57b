import NhacHanCore
import Yams

/// Reads typed values out of a YAML node tree, reporting every problem with its location.
///
/// Each read returns `nil` after emitting a diagnostic, so a loader can go on and find the
/// next problem instead of stopping at the first.
struct NodeReader {
    let file: String
    let diagnostics: DiagnosticEngine

    func location(_ node: Node) -> Location {
        let mark = node.mark
        return Location(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func error(_ message: String, at node: Node) {
        diagnostics.error(message, at: location(node))
    }

    func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The keys of a mapping, each checked against the allowed ones (with a suggestion for typos).
    func fields(_ node: Node, of what: String, allowed: [String]) -> [String: (key: Node, value: Node)]? {
        guard let mapping = node.mapping else {
            error("\(what) must be a mapping of \(allowed.prefix(4).joined(separator: ", "))...; found \(describe(node))", at: node)
            return nil
        }
        var result: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                error("keys of \(what) must be plain words", at: key)
                continue
            }
            if result[name] != nil {
                error("'\(name)' is given twice in \(what); keep one", at: key)
            } else if !allowed.contains(name) {
                error("unknown key '\(name)' in \(what)\(didYouMean(name, among: allowed)); allowed: \(allowed.joined(separator: ", "))", at: key)
            } else {
                result[name] = (key, value)
            }
        }
        return result
    }

    func string(_ node: Node, _ what: String, allowEmpty: Bool = false) -> String? {
        guard let scalar = node.scalar, !isNull(node) || allowEmpty else {
            error("\(what) must be text; found \(describe(node))", at: node)
            return nil
        }
        if !allowEmpty && scalar.string.trimmingWhitespace.isEmpty {
            error("\(what) must not be empty", at: node)
            return nil
        }
        return scalar.string
    }

    /// Text that may end up in a message header: one line, no CR or LF.
    func line(_ node: Node, _ what: String) -> String? {
        guard let text = string(node, what) else { return nil }
        if text.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            error("\(what) must be one line: it reaches email headers, where CR and LF are refused", at: node)
            return nil
        }
        return text
    }

    func int(_ node: Node, _ what: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = node.scalar?.string, let n = Int(text), range.contains(n) else {
            error("\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound); found \(describe(node))", at: node)
            return nil
        }
        return n
    }

    func bool(_ node: Node, _ what: String) -> Bool? {
        switch node.scalar?.string {
        case "true", "True", "TRUE", "yes": return true
        case "false", "False", "FALSE", "no": return false
        default:
            error("\(what) must be true or false; found \(describe(node))", at: node)
            return nil
        }
    }

    func date(_ node: Node, _ what: String) -> CivilDate? {
        guard let text = node.scalar?.string else {
            error("\(what) must be a date YYYY-MM-DD; found \(describe(node))", at: node)
            return nil
        }
        if let date = CivilDate(iso: text) { return date }
        let parts = text.split(separator: "-")
        if parts.count == 3, parts.allSatisfy({ Int($0) != nil }) {
            error("\(what) '\(text)' is not a day of the calendar (check the month's length)", at: node)
        } else {
            error("\(what) must be a date YYYY-MM-DD; found '\(text)'", at: node)
        }
        return nil
    }

    /// A list, or a single scalar taken as a list of one.
    func list(_ node: Node, _ what: String) -> [Node]? {
        if let sequence = node.sequence { return Array(sequence) }
        if isNull(node) { return [] }
        if node.scalar != nil { return [node] }
        error("\(what) must be a list; found \(describe(node))", at: node)
        return nil
    }

    func strings(_ node: Node, _ what: String) -> [(String, Node)] {
        (list(node, what) ?? []).compactMap { item in string(item, "each of \(what)").map { ($0, item) } }
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let s): return isNull(node) ? "nothing" : "'\(s.string.prefix(40))'"
        default: return "an alias"
        }
    }
}

extension String {
    var trimmingWhitespace: Substring {
        let trimmed = drop(while: \.isWhitespace)
        return trimmed.dropLast(trimmed.reversed().prefix(while: \.isWhitespace).count)
    }
}
