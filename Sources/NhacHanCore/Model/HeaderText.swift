/// What an email header or a request line cannot carry: the one classification of the product.
///
/// The config loader refuses every such character in header-bound values (tab included); the
/// transports refuse them again at render time (where a tab, which folds harmlessly, passes).
public enum HeaderText {
    public enum Problem: Sendable, Hashable {
        /// CR, LF, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR: would start a new header.
        case lineBreak
        /// Another C0 control (tab included) or DEL.
        case control
    }

    public static func problem(_ scalar: Unicode.Scalar) -> Problem? {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: .lineBreak
        case 0x00..<0x20, 0x7F: .control
        default: nil
        }
    }
}
