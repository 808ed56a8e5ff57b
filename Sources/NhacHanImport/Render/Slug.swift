/// Lowercase ASCII slugs for ids: "550/UBND-VX" -> "550-ubnd-vx", "Báo cáo" -> "bao-cao".
enum Slug {
    static func make(_ text: String, maxLength: Int = 60) -> String {
        var out = ""
        var dash = false
        for b in Fold.bytes(text) {
            if Fold.isDigit(b) || (b >= 0x61 && b <= 0x7A) {
                if dash, !out.isEmpty { out.append("-") }
                dash = false
                out.unicodeScalars.append(Unicode.Scalar(b))
                if out.count >= maxLength { break }
            } else {
                dash = true
            }
        }
        return out
    }
}
