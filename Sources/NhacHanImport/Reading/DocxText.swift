import Foundation

/// Text of a `word/document.xml`: one line per `<w:p>`, runs from `<w:t>`, tabs and breaks kept.
/// A hand-written linear scan: no XML parser, no entity expansion beyond the five and numeric ones.
enum DocxText {
    static func paragraphs(_ data: Data) -> String {
        let b = [UInt8](data)
        var out: [UInt8] = []
        out.reserveCapacity(b.count / 4)
        var i = 0
        var inText = false
        while i < b.count {
            if b[i] == UInt8(ascii: "<") {
                var j = i + 1
                while j < b.count, b[j] != UInt8(ascii: ">") { j += 1 }
                let tag = b[(i + 1)..<min(j, b.count)]
                let name = tag.prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: ">") }
                let closing = tag.first == UInt8(ascii: "/")
                let selfClosing = tag.last == UInt8(ascii: "/")
                let n = String(decoding: closing ? tag.dropFirst().prefix { $0 != UInt8(ascii: " ") } : name, as: UTF8.self)
                switch n {
                case "w:t": inText = !closing && !selfClosing
                case "w:p": if closing || selfClosing { out.append(0x0A) }
                case "w:tab": out.append(0x09)
                case "w:br", "w:cr": out.append(0x0A)
                default: break
                }
                i = j + 1
                continue
            }
            if inText {
                if b[i] == UInt8(ascii: "&") {
                    var j = i + 1
                    while j < b.count, j - i < 12, b[j] != UInt8(ascii: ";") { j += 1 }
                    if j < b.count, b[j] == UInt8(ascii: ";") {
                        let entity = String(decoding: b[(i + 1)..<j], as: UTF8.self)
                        if let s = decode(entity) { out.append(contentsOf: Array(s.utf8)); i = j + 1; continue }
                    }
                }
                out.append(b[i])
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func decode(_ e: String) -> String? {
        switch e {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            let v: UInt32?
            if e.hasPrefix("#x") || e.hasPrefix("#X") { v = UInt32(e.dropFirst(2), radix: 16) } else if e.hasPrefix("#") { v = UInt32(e.dropFirst()) } else { v = nil }
            return v.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }
}
