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
            error("\(what) phải là một ánh xạ (mapping) gồm \(allowed.prefix(4).joined(separator: ", "))...; gặp \(describe(node))", at: node)
            return nil
        }
        var result: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                error("khóa của \(what) phải là một từ", at: key)
                continue
            }
            if result[name] != nil {
                error("'\(name)' được ghi hai lần trong \(what); giữ một", at: key)
            } else if !allowed.contains(name) {
                error("khóa không hợp lệ '\(name)' trong \(what)\(didYouMean(name, among: allowed)); các khóa được dùng: \(allowed.joined(separator: ", "))", at: key)
            } else {
                result[name] = (key, value)
            }
        }
        return result
    }

    func string(_ node: Node, _ what: String, allowEmpty: Bool = false) -> String? {
        guard let scalar = node.scalar, !isNull(node) || allowEmpty else {
            error("\(what) phải là văn bản (text); gặp \(describe(node))", at: node)
            return nil
        }
        if !allowEmpty && scalar.string.trimmingWhitespace.isEmpty {
            error("\(what) không được để trống", at: node)
            return nil
        }
        return scalar.string
    }

    /// Text that may end up in a message header: one line, no CR or LF.
    func line(_ node: Node, _ what: String) -> String? {
        guard let text = string(node, what) else { return nil }
        if text.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            error("\(what) phải nằm trên một dòng: giá trị này vào tiêu đề email, nơi không cho phép ký tự xuống dòng (CR, LF)", at: node)
            return nil
        }
        return text
    }

    /// Text that goes into an email header or a request line (a name, an address, a URL):
    /// no control character, no line or paragraph separator, tab included.
    ///
    /// The message names the characters but never repeats the value, which may be a secret.
    func headerText(_ node: Node, _ what: String) -> String? {
        guard let text = string(node, what), headerSafe(text, what, at: node) else { return nil }
        return text
    }

    /// Whether `text` may go into a header; if not, an error at `node` naming what it carries.
    func headerSafe(_ text: String, _ what: String, at node: Node) -> Bool {
        let unsafe = Validation.headerUnsafeScalars(text)
        guard !unsafe.isEmpty else { return true }
        let names = unsafe.prefix(4).map(Validation.scalarName).joined(separator: ", ") + (unsafe.count > 4 ? ", ..." : "")
        error(
            "\(what) chứa ký tự \(names) mà tiêu đề email hay dòng yêu cầu không mang được "
                + "(control or line-break character, not allowed in a header): hãy xóa ký tự này", at: node)
        return false
    }

    func int(_ node: Node, _ what: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = node.scalar?.string, let n = Int(text), range.contains(n) else {
            error("\(what) phải là số nguyên từ \(range.lowerBound) đến \(range.upperBound); gặp \(describe(node))", at: node)
            return nil
        }
        return n
    }

    func bool(_ node: Node, _ what: String) -> Bool? {
        switch node.scalar?.string {
        case "true", "True", "TRUE", "yes": return true
        case "false", "False", "FALSE", "no": return false
        default:
            error("\(what) phải là true hoặc false; gặp \(describe(node))", at: node)
            return nil
        }
    }

    func date(_ node: Node, _ what: String) -> CivilDate? {
        guard let text = node.scalar?.string else {
            error("\(what) phải là ngày dạng YYYY-MM-DD; gặp \(describe(node))", at: node)
            return nil
        }
        if let date = CivilDate(iso: text) { return date }
        let parts = text.split(separator: "-")
        if parts.count == 3, parts.allSatisfy({ Int($0) != nil }) {
            error("\(what) '\(text)' không phải ngày có thật (kiểm tra số ngày của tháng)", at: node)
        } else {
            error("\(what) phải là ngày dạng YYYY-MM-DD; gặp '\(text)'", at: node)
        }
        return nil
    }

    /// A list, or a single scalar taken as a list of one.
    func list(_ node: Node, _ what: String) -> [Node]? {
        if let sequence = node.sequence { return Array(sequence) }
        if isNull(node) { return [] }
        if node.scalar != nil { return [node] }
        error("\(what) phải là một danh sách; gặp \(describe(node))", at: node)
        return nil
    }

    func strings(_ node: Node, _ what: String) -> [(String, Node)] {
        (list(node, what) ?? []).compactMap { item in string(item, "mỗi phần tử của \(what)").map { ($0, item) } }
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "một ánh xạ (mapping)"
        case .sequence: return "một danh sách"
        case .scalar(let s): return isNull(node) ? "giá trị rỗng" : "'\(s.string.prefix(40))'"
        default: return "một bí danh YAML (alias)"
        }
    }
}

extension String {
    var trimmingWhitespace: Substring {
        let trimmed = drop(while: \.isWhitespace)
        return trimmed.dropLast(trimmed.reversed().prefix(while: \.isWhitespace).count)
    }
}
