import Foundation

/// Turns an all-caps organ name of a header into the usual written form:
/// "ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN" -> "UBND huyện Bình Sơn",
/// "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" -> "Sở Lao động - Thương binh và Xã hội".
enum OrganName {
    private static let levels = ["thành phố", "thị xã", "thị trấn", "huyện", "tỉnh", "quận", "phường", "xã"]

    private static let fields: [String] = [
        "Lao động - Thương binh và Xã hội", "Giáo dục và Đào tạo", "Y tế", "Tài chính", "Nội vụ", "Tư pháp",
        "Kế hoạch và Đầu tư", "Tài nguyên và Môi trường", "Văn hóa, Thể thao và Du lịch",
        "Nông nghiệp và Phát triển nông thôn", "Thông tin và Truyền thông", "Xây dựng", "Công Thương",
        "Giao thông vận tải", "Khoa học và Công nghệ", "Văn hóa và Thông tin", "Dân tộc", "Ngoại vụ",
        "Mặt trận Tổ quốc Việt Nam", "Tài chính - Kế hoạch", "Lao động, Thương binh và Xã hội",
    ]

    /// Organ kinds written with their own capitals, matched before any rule.
    private static let fixed: [String] = [
        "Bảo hiểm xã hội", "Ban Chỉ đạo", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Kho bạc Nhà nước",
        "Văn phòng Chính phủ", "Thanh tra Chính phủ", "Văn phòng HĐND và UBND", "Văn phòng UBND",
    ]

    static func display(_ caps: String) -> String {
        // "LAO ĐỘNG-THƯƠNG BINH": the hyphen of a compound name reads " - ".
        var spaced = ""
        let scalars = Array(caps.unicodeScalars)
        for (k, c) in scalars.enumerated() {
            if c == "-", k > 0, k + 1 < scalars.count, scalars[k - 1].properties.isAlphabetic, scalars[k + 1].properties.isAlphabetic {
                spaced += " - "
            } else {
                spaced.unicodeScalars.append(c)
            }
        }
        var words = spaced.lowercased().split(separator: " ").map(String.init)
        guard !words.isEmpty else { return caps }
        var prefix: [String] = []
        let folded = words.map { Fold.key($0) }
        if folded.starts(with: ["uy", "ban", "nhan", "dan"]) {
            prefix = ["UBND"]; words.removeFirst(4)
        } else if folded.starts(with: ["hoi", "dong", "nhan", "dan"]) {
            prefix = ["HĐND"]; words.removeFirst(4)
        } else if let abbreviation = ["ubnd": "UBND", "hdnd": "HĐND"][folded[0]] {
            // "UBND XÃ BÌNH CHÂU": the abbreviation stays in capitals.
            prefix = [abbreviation]; words.removeFirst()
        }
        var out = prefix
        var i = 0
        var afterLevel = false
        if prefix.isEmpty, let kind = fixed.first(where: { Fold.key(words.joined(separator: " ")).hasPrefix(Fold.key($0.lowercased()) + " ") || Fold.key(words.joined(separator: " ")) == Fold.key($0.lowercased()) }) {
            out.append(kind)
            i = kind.split(separator: " ").count
        }
        // Each part of a compound field starts with a capital: "Giáo dục - Đào tạo", "… và Đào tạo".
        var capitalNext = false
        while i < words.count {
            let rest = words[i...].joined(separator: " ")
            if !afterLevel, let level = levels.first(where: { rest == $0 || rest.hasPrefix($0 + " ") }),
               i > 0 || !prefix.isEmpty, !rest.hasPrefix("xã hội") {
                out.append(level)
                i += level.split(separator: " ").count
                afterLevel = true
                continue
            }
            if !afterLevel, let field = fields.first(where: { Fold.key(rest).hasPrefix(Fold.key($0.lowercased())) }) {
                out.append(field)
                i += field.split(separator: " ").count
                continue
            }
            let w = words[i]
            let starts = out.count == 1 && prefix.isEmpty && i > 0 && !fixed.contains(out[0])
            out.append(afterLevel || out.isEmpty || capitalNext || starts ? capitalized(w) : w)
            capitalNext = !afterLevel && (w == "và" || w == "-" || w.hasSuffix(","))
            i += 1
        }
        return out.joined(separator: " ")
    }

    static func capitalized(_ w: String) -> String {
        guard let f = w.first else { return w }
        return String(f).uppercased() + w.dropFirst()
    }
}
