/// One word of a name in canonical form, with the scalar range it came from.
struct KeyWord: Sendable, Equatable {
    var word: String
    var start: Int
    var end: Int
    /// A separator (`,` `;` `.` `:` `(` `)`) stands between the previous word and this one.
    var separatorBefore: Bool
    /// The original word starts with a capital letter.
    var capitalized: Bool
}

/// Canonical keys for unit names: folded (no diacritics, đ -> d), `&` read as "và", dashes
/// and spacing ignored, common abbreviations expanded (UBND, GD&ĐT, LĐ-TB&XH, VH-TT&TT,
/// MTTQ, CT-XH, TQVN...), and the plural "các"/"những" dropped.
enum UnitKey {
    /// Abbreviations that span several words ("GD&ĐT" is "gd va dt" once folded).
    private static let phrases: [([String], [String])] = [
        (["vh", "tt", "va", "tt"], ["van", "hoa", "thong", "tin", "va", "the", "thao"]),
        (["vh", "tt", "va", "dl"], ["van", "hoa", "the", "thao", "va", "du", "lich"]),
        (["vhtt", "va", "tt"], ["van", "hoa", "thong", "tin", "va", "the", "thao"]),
        (["tt", "va", "tt"], ["thong", "tin", "va", "truyen", "thong"]),
        (["gd", "va", "dt"], ["giao", "duc", "va", "dao", "tao"]),
        (["kh", "va", "dt"], ["ke", "hoach", "va", "dau", "tu"]),
        (["tn", "va", "mt"], ["tai", "nguyen", "va", "moi", "truong"]),
        (["nn", "va", "ptnt"], ["nong", "nghiep", "va", "phat", "trien", "nong", "thon"]),
        (["kh", "va", "cn"], ["khoa", "hoc", "va", "cong", "nghe"]),
        (["tb", "va", "xh"], ["thuong", "binh", "va", "xa", "hoi"]),
        (["ldtb", "va", "xh"], ["lao", "dong", "thuong", "binh", "va", "xa", "hoi"]),
        (["ct", "xh"], ["chinh", "tri", "xa", "hoi"]),
        (["tc", "kh"], ["tai", "chinh", "ke", "hoach"]),
    ]

    private static let phrasesByFirst: [String: [([String], [String])]] = Dictionary(grouping: phrases, by: { $0.0[0] })

    /// Abbreviations that are one word.
    private static let words: [String: [String]] = [
        "ubnd": ["uy", "ban", "nhan", "dan"], "hdnd": ["hoi", "dong", "nhan", "dan"],
        "mttq": ["mat", "tran", "to", "quoc"], "ubmttq": ["uy", "ban", "mat", "tran", "to", "quoc"],
        "tq": ["to", "quoc"], "tqvn": ["to", "quoc", "viet", "nam"], "vn": ["viet", "nam"],
        "ld": ["lao", "dong"], "tb": ["thuong", "binh"], "xh": ["xa", "hoi"],
        "ldtb": ["lao", "dong", "thuong", "binh"], "ldtbxh": ["lao", "dong", "thuong", "binh", "va", "xa", "hoi"],
        "sldtbxh": ["so", "lao", "dong", "thuong", "binh", "va", "xa", "hoi"],
        "gd": ["giao", "duc"], "gddt": ["giao", "duc", "va", "dao", "tao"], "vh": ["van", "hoa"],
        "vhtt": ["van", "hoa", "thong", "tin"], "tnmt": ["tai", "nguyen", "va", "moi", "truong"],
        "khdt": ["ke", "hoach", "va", "dau", "tu"], "tckh": ["tai", "chinh", "ke", "hoach"],
        "nnptnt": ["nong", "nghiep", "va", "phat", "trien", "nong", "thon"],
        "gtvt": ["giao", "thong", "van", "tai"], "khcn": ["khoa", "hoc", "va", "cong", "nghe"],
        "lhpn": ["lien", "hiep", "phu", "nu"], "hlhpn": ["hoi", "lien", "hiep", "phu", "nu"],
        "bhxh": ["bao", "hiem", "xa", "hoi"], "ttyt": ["trung", "tam", "y", "te"],
        "ctxh": ["chinh", "tri", "xa", "hoi"], "tp": ["thanh", "pho"], "tx": ["thi", "xa"],
        "vp": ["van", "phong"], "ub": ["uy", "ban"], "tttt": ["thong", "tin", "va", "truyen", "thong"],
        "ttvhtt": ["trung", "tam", "van", "hoa", "thong", "tin", "va", "the", "thao"],
    ]

    private static let dropped: Set<String> = ["cac", "nhung"]
    private static let separators: Set<String> = [",", ";", ".", ":", "(", ")"]

    /// Canonical words of a scalar range of a paragraph.
    static func words(_ p: Paragraph, _ range: Range<Int>) -> [KeyWord] {
        let tokens = Tokenizer.tokens(p.folded, in: range)
        var raw: [KeyWord] = []
        var sep = false
        for t in tokens {
            if t.kind == .punct {
                if t.text == "&" || t.text == "+" {
                    raw.append(KeyWord(word: "va", start: t.start, end: t.end, separatorBefore: sep, capitalized: false))
                    sep = false
                } else if separators.contains(t.text) { sep = true }
                continue
            }
            let cap = p.scalars[t.start].properties.isUppercase
            raw.append(KeyWord(word: t.text, start: t.start, end: t.end, separatorBefore: sep, capitalized: cap))
            sep = false
        }
        return expand(raw)
    }

    static func words(_ text: String) -> [KeyWord] {
        var p = Paragraph()
        p.append(CleanLine(text: text, sourceLine: 0, emphasized: false, blankBefore: false), separator: nil)
        return words(p, 0..<p.count)
    }

    /// The key of a whole name, for comparisons ("phong giao duc va dao tao").
    static func key(_ text: String) -> String {
        words(text).map(\.word).joined(separator: " ")
    }

    private static func expand(_ raw: [KeyWord]) -> [KeyWord] {
        var out: [KeyWord] = []
        var pendingSeparator = false
        var pendingStart: Int?
        func emit(_ words: [KeyWord]) {
            for var w in words {
                if pendingSeparator { w.separatorBefore = true; pendingSeparator = false }
                if let s = pendingStart { w.start = s; pendingStart = nil }
                out.append(w)
            }
        }
        var i = 0
        outer: while i < raw.count {
            for (pattern, replacement) in phrasesByFirst[raw[i].word] ?? [] where i + pattern.count <= raw.count {
                if zip(pattern, raw[i..<(i + pattern.count)]).allSatisfy({ $0 == $1.word }) {
                    let last = raw[i + pattern.count - 1]
                    emit(replacement.enumerated().map { k, w in
                        KeyWord(word: w, start: raw[i].start, end: last.end,
                                separatorBefore: k == 0 ? raw[i].separatorBefore : false,
                                capitalized: k == 0 ? raw[i].capitalized : false)
                    })
                    i += pattern.count
                    continue outer
                }
            }
            let w = raw[i]
            if dropped.contains(w.word) {
                if w.separatorBefore { pendingSeparator = true }
                if pendingStart == nil { pendingStart = w.start }
                i += 1
                continue
            }
            emit(expandWord(w))
            i += 1
        }
        return out
    }

    private static func expandWord(_ w: KeyWord) -> [KeyWord] {
        guard let r = words[w.word] else { return [w] }
        return r.enumerated().map { k, word in
            KeyWord(word: word, start: w.start, end: w.end, separatorBefore: k == 0 ? w.separatorBefore : false,
                    capitalized: k == 0 ? w.capitalized : false)
        }
    }
}
