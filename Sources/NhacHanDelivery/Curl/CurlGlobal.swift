import CCurl
import CCurlShim

/// Process-wide libcurl initialisation.
///
/// `curl_global_init` is not thread-safe and must run once before any handle exists; a
/// `static let` is initialised exactly once, under a lock, on first use.
enum CurlGlobal {
    private static let initialized: Bool = {
        curl_global_init(ccurl_global_all()) == CURLE_OK
    }()

    /// Initialises libcurl if no one has yet; stops the process if libcurl cannot start.
    static func ensureInitialized() {
        precondition(initialized, "curl_global_init failed: libcurl cannot run in this process")
    }
}
