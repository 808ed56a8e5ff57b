import CCurl
import CCurlShim

/// An owned libcurl multi handle; its connection cache is shared by every easy handle added.
final class CurlMulti {
    let handle: UnsafeMutableRawPointer

    init() {
        CurlGlobal.ensureInitialized()
        guard let handle = curl_multi_init() else { fatalError("curl_multi_init: out of memory") }
        self.handle = handle
    }

    deinit {
        curl_multi_cleanup(handle)
    }

    func set(_ option: CURLMoption, _ value: Int) {
        let code = ccurl_multi_setopt_long(handle, option, value)
        precondition(code == CURLM_OK, "curl_multi_setopt(\(option.rawValue)) failed: \(code.rawValue)")
    }

    func add(_ easy: CurlEasy) {
        let code = curl_multi_add_handle(handle, easy.handle)
        precondition(code == CURLM_OK, "curl_multi_add_handle failed: \(code.rawValue)")
    }

    func remove(_ easy: CurlEasy) {
        curl_multi_remove_handle(handle, easy.handle)
    }

    /// Drives every transfer as far as it can go without blocking; the number still running.
    func perform() -> Int {
        var running: Int32 = 0
        curl_multi_perform(handle, &running)
        return Int(running)
    }

    /// Waits up to `milliseconds` for activity on any transfer.
    func poll(milliseconds: Int32) {
        curl_multi_poll(handle, nil, 0, milliseconds, nil)
    }

    /// The next finished transfer: its easy handle and result code.
    func nextDone() -> (easy: UnsafeMutableRawPointer, code: CURLcode)? {
        var queued: Int32 = 0
        while let message = curl_multi_info_read(handle, &queued) {
            if message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle {
                return (easy, ccurl_msg_result(message))
            }
        }
        return nil
    }
}
