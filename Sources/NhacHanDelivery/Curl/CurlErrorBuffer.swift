import CCurl

/// The `CURLOPT_ERRORBUFFER` storage: libcurl writes a human message there on failure.
final class CurlErrorBuffer {
    let pointer: UnsafeMutablePointer<CChar>

    init() {
        pointer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        pointer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        pointer.deallocate()
    }

    func clear() { pointer[0] = 0 }

    var message: String { String(cString: pointer) }

    func attach(to easy: CurlEasy) throws(TransportError) {
        try easy.set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(pointer))
    }
}
