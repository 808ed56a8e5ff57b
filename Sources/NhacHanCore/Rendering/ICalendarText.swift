/// The pieces of RFC 5545 text that every calendar nhachan writes needs.
public enum ICalendarText {
    /// `YYYYMMDD`, a DATE value.
    public static func date(_ date: CivilDate) -> String {
        date.description.replacingAll("-", with: "")
    }

    /// Escapes a TEXT value (§3.3.11).
    public static func escaped(_ value: String) -> String {
        var out = ""
        for c in value {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": break
            default: out.append(c)
            }
        }
        return out
    }

    /// Folds a content line at 75 octets without splitting a UTF-8 sequence (§3.1).
    public static func folded(_ line: String) -> String {
        var out = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(scalar)
            octets += size
        }
        return out
    }

    /// Content lines folded and joined with CRLF, ending with one.
    public static func document(_ lines: [String]) -> String {
        lines.map(folded).joined(separator: "\r\n") + "\r\n"
    }
}
