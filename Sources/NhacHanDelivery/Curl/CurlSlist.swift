import CCurl

/// An owned `curl_slist` (headers, recipients), freed when the owner goes away.
///
/// libcurl keeps only a pointer to the list, so it must outlive every transfer that uses it.
final class CurlSlist {
    private(set) var pointer: UnsafeMutablePointer<curl_slist>?

    init(_ strings: [String] = []) {
        for string in strings { append(string) }
    }

    func append(_ string: String) {
        guard let appended = curl_slist_append(pointer, string) else {
            fatalError("curl_slist_append: out of memory")
        }
        pointer = appended
    }

    deinit {
        curl_slist_free_all(pointer)
    }
}
