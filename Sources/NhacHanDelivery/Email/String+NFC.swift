import Foundation

extension String {
    /// This text in Unicode Normalization Form C.
    ///
    /// Foundation's `precomposedStringWithCanonicalMapping` bridges through NSString on Linux
    /// and cost more than the rest of a message's rendering, while our text (templates
    /// rendered from NFC config) is almost always NFC already. The standard library's NFC
    /// quick check proves that in one pass; only text it cannot vouch for is normalised.
    var nfc: String {
        if #available(macOS 26, *) {
            var contiguous = self
            contiguous.makeContiguousUTF8()
            var span = contiguous.utf8Span
            if span.checkForNFC(quickCheck: true) { return self }
        }
        return precomposedStringWithCanonicalMapping
    }
}
