/// Who signs a directive: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Phạm Quang Sự".
public struct Signer: Sendable, Equatable, Encodable {
    /// "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN" (signing on behalf), joined by " / " when several.
    public var authority: String?
    public var title: String?
    public var name: String?

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeOrNull(authority, forKey: .authority)
        try c.encodeOrNull(title, forKey: .title)
        try c.encodeOrNull(name, forKey: .name)
    }

    enum CodingKeys: String, CodingKey { case authority, title, name }
}

/// The closing block: "Nơi nhận" (copies, not obligations) and the signer.
struct Tail: Sendable {
    var copies: [String] = []
    var signer: Signer?
    /// Index of the first tail line in the cleaned lines.
    var start: Int

    private static let authorities = ["kt.", "tm.", "q.", "tl.", "tuq.", "thua lenh", "thua uy quyen", "k/t", "t/m"]

    /// "KT. CHỦ TỊCH", "Q. GIÁM ĐỐC"; a press byline "Q.LINH" (an initial and a name) is not one.
    static func isAuthority(_ f: String) -> Bool {
        guard let prefix = authorities.first(where: { f.hasPrefix($0) }) else { return false }
        guard prefix == "q." else { return true }
        return f.dropFirst(2).split(separator: " ").count >= 2
    }

    /// Finds where the tail starts (at or after `from`) and reads it.
    static func parse(_ lines: [CleanLine], from: Int) -> Tail {
        var start = lines.count
        if let i = (from..<lines.count).first(where: { Fold.key(lines[$0].text).hasPrefix("noi nhan") }) {
            start = i
        } else if let i = (from..<lines.count).first(where: { isAuthority(Fold.key(lines[$0].text)) && LineShape.isAllCaps(lines[$0].scalars) }) {
            start = i
        }
        var tail = Tail(start: start)
        var authority: [String] = []
        var title: String?
        var name: String?
        var inCopies = false
        for line in lines[start...] {
            let f = Fold.key(line.text)
            let s = line.scalars
            if f.hasPrefix("noi nhan") {
                inCopies = true
                if let colon = line.text.firstIndex(of: ":") {
                    let rest = line.text[line.text.index(after: colon)...].trimmingCharacters(in: " ")
                    if !rest.isEmpty { tail.copies.append(rest.trimmingTrailing(";.,")) }
                }
                continue
            }
            if isAuthority(f), LineShape.isAllCaps(s) { authority.append(line.text); inCopies = false; continue }
            if let m = LineShape.marker(s), m.kind == .bullet, inCopies || name == nil {
                let item = String(line.text.unicodeScalars.dropFirst(m.length))
                if !item.isEmpty { tail.copies.append(item.trimmingTrailing(";.,")) }
                continue
            }
            if LineShape.isAllCaps(s), !authority.isEmpty || title == nil, LineShape.wordCount(s) <= 8 {
                title = line.text; continue
            }
            if name == nil, title != nil || !authority.isEmpty, isPersonName(s) { name = line.text; continue }
        }
        if !authority.isEmpty || title != nil || name != nil {
            tail.signer = Signer(authority: authority.isEmpty ? nil : authority.joined(separator: " / "),
                                 title: title, name: name)
        }
        return tail
    }

    /// Two to five capitalised words, no digits or punctuation: "Phạm Quang Sự".
    static func isPersonName(_ s: [Unicode.Scalar]) -> Bool {
        let words = String(String.UnicodeScalarView(s)).split(separator: " ")
        guard (2...5).contains(words.count) else { return false }
        return words.allSatisfy { w in
            guard let f = w.unicodeScalars.first, f.properties.isUppercase else { return false }
            return w.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
                && w.unicodeScalars.dropFirst().contains { $0.properties.isLowercase }
        }
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }

    func trimmingTrailing(_ set: String) -> String {
        var s = Substring(self)
        while let l = s.last, set.contains(l) || l == " " { s.removeLast() }
        return String(s)
    }
}
