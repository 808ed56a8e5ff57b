import Foundation

/// Diacritic-insensitive folding of Vietnamese text, one byte per Unicode scalar.
///
/// Matching works on the folded bytes so "Phòng GD&ĐT", "phong gd&dt" and "PHÒNG GD&ĐT"
/// compare equal, while offsets stay those of the original scalars (the fold is 1:1).
enum Fold {
    /// The byte for a scalar that is neither ASCII nor a foldable Latin letter.
    static let other: UInt8 = 0x7F

    /// Folded byte for one scalar: ASCII lowercase, Latin letters without marks, `đ` -> `d`,
    /// every kind of space -> space, dashes -> `-`, curly quotes -> `"`.
    static func byte(_ s: Unicode.Scalar) -> UInt8 {
        let v = s.value
        if v < 0x80 {
            let b = UInt8(v)
            if b >= 0x41 && b <= 0x5A { return b + 0x20 }
            if b == 0x09 { return 0x20 }
            return b
        }
        if v < UInt32(table.count) { return table[Int(v)] }
        switch v {
        case 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return 0x20
        case 0x2010...0x2015, 0x2212: return 0x2D
        case 0x2018, 0x2019, 0x201A, 0x2032: return 0x27
        case 0x201C, 0x201D, 0x201E, 0x2033: return 0x22
        case 0x2026: return 0x2E
        default: return other
        }
    }

    /// Folds a string to bytes (one per scalar).
    static func bytes(_ text: some StringProtocol) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars { out.append(byte(s)) }
        return out
    }

    /// Folds a string to a plain ASCII key (non-foldable scalars are dropped).
    static func key(_ text: some StringProtocol) -> String {
        var out = ""
        for s in text.unicodeScalars {
            let b = byte(s)
            if b != other { out.unicodeScalars.append(Unicode.Scalar(b)) }
        }
        return out
    }

    /// Lookup for U+0080 ..< U+1F00 (Latin-1, Latin Extended, Vietnamese block).
    private static let table: [UInt8] = {
        var t = [UInt8](repeating: other, count: 0x1F00)
        for v in 0x80..<0x1F00 {
            guard let s = Unicode.Scalar(UInt32(v)) else { continue }
            if s.properties.generalCategory == .spaceSeparator { t[v] = 0x20; continue }
            if v == 0x0110 || v == 0x0111 { t[v] = 0x64; continue }  // Đ đ
            if v == 0x00AD { t[v] = 0x2D; continue }
            let decomposed = String(s).decomposedStringWithCanonicalMapping.unicodeScalars
            if let first = decomposed.first, first.value < 0x80, first.properties.isAlphabetic {
                let b = UInt8(first.value)
                t[v] = (b >= 0x41 && b <= 0x5A) ? b + 0x20 : b
            }
        }
        return t
    }()

    static func isLetter(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || b == other }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isWordByte(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
}
