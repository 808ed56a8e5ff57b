import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File-name patterns for `include:` (`directives/*.yaml`), by the C library's `glob(3)`.
enum Glob {
    static func isPattern(_ text: String) -> Bool {
        text.contains { "*?[".contains($0) }
    }

    /// Matching paths, sorted; a plain path that exists matches itself.
    static func expand(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        var paths: [String] = []
        for index in 0..<Int(result.gl_pathc) {
            if let cString = result.gl_pathv[index] { paths.append(String(cString: cString)) }
        }
        return paths.sorted()
    }
}
