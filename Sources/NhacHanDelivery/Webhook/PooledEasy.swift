import CCurl
import CCurlShim
import Foundation

/// An easy handle kept for reuse across webhook requests, with its response buffers.
///
/// Options common to all requests (timeouts, TLS, callbacks) are set once when the handle
/// is made; each request sets only its URL, headers and body. The callbacks receive an
/// unretained pointer to `self`, which the engine's pool keeps alive.
final class PooledEasy {
    let easy = CurlEasy()
    private let errorBuffer = CurlErrorBuffer()
    private var headers = CurlSlist()
    private(set) var index = 0
    fileprivate var body: [UInt8] = []
    fileprivate var retryAfter: String?
    private var baseError: TransportError?

    static let bodySnippetLimit = 512

    init(settings: WebhookTransport.Settings, trust: TrustStore) {
        do {
            try errorBuffer.attach(to: easy)
            try easy.set(CURLOPT_NOSIGNAL, true)
            try easy.set(CURLOPT_CONNECTTIMEOUT_MS, Int(settings.connectTimeout.milliseconds))
            try easy.set(CURLOPT_TIMEOUT_MS, Int(settings.timeout.milliseconds))
            try easy.set(CURLOPT_SSL_VERIFYPEER, true)
            try easy.set(CURLOPT_SSL_VERIFYHOST, 2)
            if let blob = trust.blob { try easy.set(CURLOPT_CAINFO_BLOB, blob: blob) }
            try easy.set(CURLOPT_PROTOCOLS_STR, "http,https")
            try easy.set(CURLOPT_FOLLOWLOCATION, false)
            try easy.set(CURLOPT_POST, true)
            try easy.set(CURLOPT_WRITEFUNCTION, callback: webhookWrite)
            try easy.set(CURLOPT_HEADERFUNCTION, callback: webhookHeader)
            let me = Unmanaged.passUnretained(self).toOpaque()
            try easy.set(CURLOPT_WRITEDATA, pointer: me)
            try easy.set(CURLOPT_HEADERDATA, pointer: me)
        } catch {
            baseError = error
        }
    }

    func prepare(_ request: WebhookRequest, index: Int) throws(RequestRefusal) {
        if let baseError { throw .curl(baseError) }
        do {
            try request.endpoint.validate()
        } catch {
            throw .configuration(error)
        }
        let list: CurlSlist
        do {
            list = CurlSlist(try request.headers().map { "\($0.name): \($0.value)" } + ["Expect:"])
        } catch {
            throw .header(error)
        }
        self.index = index
        headers = list
        body = []
        retryAfter = nil
        errorBuffer.clear()
        do {
            try easy.set(CURLOPT_URL, request.endpoint.url)
            try easy.set(CURLOPT_HTTPHEADER, list: list)
            try easy.set(CURLOPT_POSTFIELDSIZE_LARGE, offset: Int64(request.body.count))
            try easy.setCopyingPostFields(request.body)
        } catch {
            throw .curl(error)
        }
    }

    func outcome(_ code: CURLcode) -> DeliveryOutcome {
        let error = code == CURLE_OK ? nil : TransportError(code, detail: errorBuffer.message)
        let status = easy.info(long: CURLINFO_RESPONSE_CODE)
        let response = status > 0
            ? ServerResponse(status: status, text: String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            : nil
        return DeliveryOutcome.http(error: error, response: response, retryAfter: retryAfter)
    }

    /// Drops the request's buffers; the connection stays in the multi handle's cache.
    func finish() {
        body = []
        headers = CurlSlist()
    }
}

private let webhookWrite: ccurl_data_callback = { data, size, count, userdata in
    let length = size * count
    guard let data, let userdata else { return length }
    let pooled = Unmanaged<PooledEasy>.fromOpaque(userdata).takeUnretainedValue()
    let room = PooledEasy.bodySnippetLimit - pooled.body.count
    if room > 0 {
        let bytes = UnsafeRawBufferPointer(start: data, count: min(room, length))
        pooled.body.append(contentsOf: bytes)
    }
    return length
}

private let webhookHeader: ccurl_data_callback = { data, size, count, userdata in
    let length = size * count
    guard let data, let userdata else { return length }
    let pooled = Unmanaged<PooledEasy>.fromOpaque(userdata).takeUnretainedValue()
    let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
    if line.hasPrefix("HTTP/") {
        pooled.retryAfter = nil  // a new response (after 100 Continue): forget the last one's
    } else if line.lowercased().hasPrefix("retry-after:") {
        pooled.retryAfter = line.dropFirst("retry-after:".count).trimmingCharacters(in: .whitespacesAndNewlines)
    }
    return length
}
