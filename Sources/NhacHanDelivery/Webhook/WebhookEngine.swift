import CCurl
import CCurlShim
import Foundation

/// The synchronous core of `WebhookTransport`: a multi-handle loop over a pool of reusable
/// easy handles. Not thread-safe; the transport confines it to one queue.
final class WebhookEngine {
    private let settings: WebhookTransport.Settings
    private let trust: TrustStore
    private let multi = CurlMulti()
    private var idle: [PooledEasy] = []

    init(settings: WebhookTransport.Settings, trust: TrustStore) {
        self.settings = settings
        self.trust = trust
        multi.set(CURLMOPT_MAX_HOST_CONNECTIONS, settings.maxConnectionsPerHost)
        multi.set(CURLMOPT_MAX_TOTAL_CONNECTIONS, settings.maxConcurrentRequests)
        multi.set(CURLMOPT_MAXCONNECTS, settings.maxConcurrentRequests)
    }

    func perform(_ requests: [WebhookRequest], gate: SendGate) -> [WebhookResult] {
        var results = [WebhookResult?](repeating: nil, count: requests.count)
        var active: [UnsafeMutableRawPointer: PooledEasy] = [:]
        var next = 0
        var finished = 0
        while finished < requests.count {
            if !gate.isOpen {
                // Cut what is in flight, start nothing more.
                for pooled in active.values {
                    multi.remove(pooled.easy)
                    let request = requests[pooled.index]
                    results[pooled.index] = WebhookResult(
                        idempotencyKey: request.idempotencyKey,
                        outcome: .transient(reason: "cắt ngang: \(gate.closedReason) (cut short)", retryAfter: nil, response: nil))
                    pooled.finish()
                    idle.append(pooled)
                }
                active.removeAll()
                for index in results.indices where results[index] == nil {
                    results[index] = WebhookResult(idempotencyKey: requests[index].idempotencyKey, outcome: .notAttempted(reason: gate.closedReason))
                }
                break
            }
            while active.count < settings.maxConcurrentRequests, next < requests.count {
                let request = requests[next]
                let pooled = idle.popLast() ?? PooledEasy(settings: settings, trust: trust)
                do {
                    try pooled.prepare(request, index: next)
                    multi.add(pooled.easy)
                    active[pooled.easy.handle] = pooled
                } catch {
                    results[next] = WebhookResult(idempotencyKey: request.idempotencyKey, outcome: error.outcome)
                    finished += 1
                    idle.append(pooled)
                }
                next += 1
            }
            guard !active.isEmpty else { continue }
            _ = multi.perform()
            var completed = false
            while let (handle, code) = multi.nextDone() {
                guard let pooled = active.removeValue(forKey: handle) else { continue }
                multi.remove(pooled.easy)
                let request = requests[pooled.index]
                results[pooled.index] = WebhookResult(idempotencyKey: request.idempotencyKey, outcome: pooled.outcome(code))
                pooled.finish()
                idle.append(pooled)
                finished += 1
                completed = true
            }
            // Wait for sockets only while something is still in flight: a poll after the last
            // answer would sleep its whole timeout at the end of every batch.
            if finished < requests.count && (!completed || next >= requests.count) {
                multi.poll(milliseconds: 200)
            }
        }
        return results.map { $0! }
    }
}

/// Why a request was not even started.
enum RequestRefusal: Error {
    case configuration(TransportConfigurationError)
    case header(HeaderValueError)
    case curl(TransportError)

    var outcome: DeliveryOutcome {
        switch self {
        case .configuration(let error): .permanent(reason: "refused before sending: \(error)", response: nil)
        case .header(let error): .permanent(reason: "refused before sending: \(error)", response: nil)
        case .curl(let error): DeliveryOutcome.transport(error, response: nil)
        }
    }
}
