import Foundation
import NhacHanCore

/// The `stage_keys` column: a JSON array of strings, written and read by hand.
///
/// Foundation's coders cost tens of microseconds per call, which dominated enqueueing and claiming
/// large batches. Stage keys rarely need escaping, so reading takes a fast path when there is no
/// backslash and hands anything else to `JSONDecoder`.
enum StageKeysJSON {
    static func encode(_ keys: [String]) -> String {
        "[" + keys.map(JSONValue.quoted).joined(separator: ",") + "]"
    }

    static func decode(_ json: String) throws -> [String] {
        if let keys = decodeUnescaped(json) { return keys }
        do {
            return try JSONDecoder().decode([String].self, from: Data(json.utf8))
        } catch {
            throw UnreadableRow(message: "holds a list of stage keys that is not a JSON array of strings")
        }
    }

    /// `["a","b"]` with no escapes and no spaces, as `encode` writes it; `nil` for anything else.
    private static func decodeUnescaped(_ json: String) -> [String]? {
        let utf8 = json.utf8
        guard !utf8.contains(UInt8(ascii: "\\")), utf8.first == UInt8(ascii: "["), utf8.last == UInt8(ascii: "]") else {
            return nil
        }
        var keys: [String] = []
        var index = utf8.index(after: utf8.startIndex)
        let end = utf8.index(before: utf8.endIndex)
        while index < end {
            guard utf8[index] == UInt8(ascii: "\"") else { return nil }
            let start = utf8.index(after: index)
            guard let close = utf8[start..<end].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
            keys.append(String(json[start..<close]))
            index = utf8.index(after: close)
            if index < end {
                guard utf8[index] == UInt8(ascii: ","), utf8.index(after: index) < end else { return nil }
                index = utf8.index(after: index)
            }
        }
        return keys
    }
}
