import Foundation

extension String {
    /// This text in Unicode Normalization Form C.
    ///
    /// Foundation's `precomposedStringWithCanonicalMapping` bridges through NSString on Linux
    /// and cost more than the rest of a message's rendering, while our text (templates
    /// rendered from NFC config) is almost always NFC already. Plain Latin is NFC by
    /// construction, and the standard library's NFC quick check proves it for other text in
    /// one pass; only text neither can vouch for is normalised.
    var nfc: String {
        if isPlainLatin { return self }
        if #available(macOS 26, *) {
            var contiguous = self
            contiguous.makeContiguousUTF8()
            var span = contiguous.utf8Span
            if span.checkForNFC(quickCheck: true) { return self }
        }
        return precomposedStringWithCanonicalMapping
    }

    /// Whether every scalar is below U+0300 (ASCII to Latin Extended-B and IPA), in Latin
    /// Extended Additional (U+1E00...U+1EFF, the precomposed Vietnamese vowels), or common
    /// punctuation (U+2010...U+2027 and U+2030...U+205E: dashes, quotes, bullets, "…"):
    /// Vietnamese text in NFC. None of them decomposes or combines in NFC (each is NFC_QC=Yes
    /// with combining class 0), and none joins a neighbour in a grapheme cluster except CR
    /// before LF; both were checked for every scalar and pair of the set.
    var isPlainLatin: Bool {
        var copy = self
        return copy.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0xCC {  // ASCII, a continuation byte, or a lead byte below U+0300
                    index += 1
                    continue
                }
                guard index + 2 < bytes.count else { return false }
                let (second, third) = (bytes[index + 1], bytes[index + 2])
                switch byte {
                case 0xE1 where (0xB8...0xBB).contains(second): break  // U+1E00...U+1EFF
                case 0xE2 where second == 0x80 && ((0x90...0xA7).contains(third) || third >= 0xB0): break
                case 0xE2 where second == 0x81 && third <= 0x9E: break  // to U+205E
                default: return false
                }
                index += 3
            }
            return true
        }
    }
}
