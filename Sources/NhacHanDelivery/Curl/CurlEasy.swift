import CCurl
import CCurlShim

/// An owned libcurl easy handle, cleaned up in `deinit` on every path.
///
/// Not thread-safe: one thread drives a handle at a time, as libcurl requires.
final class CurlEasy {
    let handle: UnsafeMutableRawPointer

    init() {
        CurlGlobal.ensureInitialized()
        guard let handle = curl_easy_init() else { fatalError("curl_easy_init: out of memory") }
        self.handle = handle
    }

    deinit {
        curl_easy_cleanup(handle)
    }

    /// Clears every option but keeps live connections, so the next transfer can reuse them.
    func reset() {
        curl_easy_reset(handle)
    }

    func set(_ option: CURLoption, _ value: Int) throws(TransportError) {
        try check(ccurl_easy_setopt_long(handle, option, value), option)
    }

    func set(_ option: CURLoption, _ value: Bool) throws(TransportError) {
        try check(ccurl_easy_setopt_long(handle, option, value ? 1 : 0), option)
    }

    /// libcurl copies string options (since 7.17), so `value` need not outlive the call.
    func set(_ option: CURLoption, _ value: String) throws(TransportError) {
        try check(ccurl_easy_setopt_string(handle, option, value), option)
    }

    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) throws(TransportError) {
        try check(ccurl_easy_setopt_pointer(handle, option, value), option)
    }

    func set(_ option: CURLoption, offset value: Int64) throws(TransportError) {
        try check(ccurl_easy_setopt_off_t(handle, option, curl_off_t(value)), option)
    }

    /// The list must stay alive until the transfer ends: the caller keeps `list`.
    func set(_ option: CURLoption, list: CurlSlist) throws(TransportError) {
        try check(ccurl_easy_setopt_slist(handle, option, list.pointer), option)
    }

    func set(_ option: CURLoption, callback: ccurl_data_callback) throws(TransportError) {
        try check(ccurl_easy_setopt_data_callback(handle, option, callback), option)
    }

    /// Calls `callback` with every socket the handle opens.
    func setSocketWatch(_ callback: ccurl_sockopt_callback, data: UnsafeMutableRawPointer?) throws(TransportError) {
        try check(ccurl_easy_setopt_sockopt_callback(handle, callback), CURLOPT_SOCKOPTFUNCTION)
        try set(CURLOPT_SOCKOPTDATA, pointer: data)
    }

    func setDebug(_ callback: ccurl_debug_callback) throws(TransportError) {
        try check(ccurl_easy_setopt_debug_callback(handle, callback), CURLOPT_DEBUGFUNCTION)
    }

    /// libcurl copies the bytes (`CURL_BLOB_COPY`).
    func set(_ option: CURLoption, blob: [UInt8]) throws(TransportError) {
        let code = blob.withUnsafeBytes { ccurl_easy_setopt_blob(handle, option, $0.baseAddress, $0.count) }
        try check(code, option)
    }

    /// `CURLOPT_COPYPOSTFIELDS`: libcurl copies the body, so `bytes` need not outlive the call.
    /// Set `CURLOPT_POSTFIELDSIZE_LARGE` first.
    func setCopyingPostFields(_ bytes: [UInt8]) throws(TransportError) {
        let code = bytes.withUnsafeBytes { buffer in
            ccurl_easy_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: buffer.baseAddress))
        }
        try check(code, CURLOPT_COPYPOSTFIELDS)
    }

    func info(long info: CURLINFO) -> Int {
        var value = 0
        return ccurl_easy_getinfo_long(handle, info, &value) == CURLE_OK ? value : 0
    }

    /// Runs the transfer on the calling thread; the result code, with libcurl's message.
    func perform(errorBuffer: CurlErrorBuffer) -> TransportError? {
        let code = curl_easy_perform(handle)
        return code == CURLE_OK ? nil : TransportError(code, detail: errorBuffer.message)
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(TransportError) {
        guard code == CURLE_OK else {
            throw TransportError(code, detail: "setting libcurl option \(option.rawValue)")
        }
    }
}
