import Foundation
import NhacHanConfig
import NhacHanCore
import NhacHanDelivery
import NhacHanStore

/// Sends one batch of claimed deliveries and says how each one ended.
///
/// Before sending it drops the items that must not go out any more (the unit reported, or a
/// before-stage whose deadline passed) and renders the rest; email recipients of one message
/// share one SMTP transaction, on one connection for the whole batch.
struct Dispatcher {
    var config: Config
    var zone: CivilTimeZone
    var channels: any DeliveryChannels
    var retry: RetryPolicy
    /// Acks by occurrence (`directive/task/unit/occurrence`), as Unix seconds.
    var acked: [String: Int64]
    var random: @Sendable () -> Double
    /// Ack and feed links, when the config has `http:`.
    var links: MessageLinks?

    init(
        config: Config, zone: CivilTimeZone, channels: any DeliveryChannels, retry: RetryPolicy, acks: [AckRecord], links: MessageLinks? = nil,
        random: @escaping @Sendable () -> Double
    ) {
        self.config = config
        self.links = links
        self.zone = zone
        self.channels = channels
        self.retry = retry
        self.random = random
        var acked: [String: Int64] = [:]
        for ack in acks { acked[ack.occurrenceKey] = ack.at }
        self.acked = acked
    }

    struct Prepared {
        var record: DeliveryRecord
        var payload: MessagePayload
        /// The reminder rendered once per message and shared by its channels; `nil` for a digest.
        var rendered: Result<(ReminderContent, RenderedReminder), HeaderValueError>?
    }

    /// A batch ready to go: its messages built, and the results already known (corrupt, expired,
    /// refused before sending).
    struct PreparedBatch: @unchecked Sendable {
        // @unchecked: Prepared holds only value types; it crosses into the sending task once.
        var early: [(DeliveryRecord, DeliveryUpdate)] = []
        var emails: [EmailMessage] = []
        var emailMembers: [[Prepared]] = []
        var hooks: [WebhookRequest] = []
        var hookMembers: [Prepared] = []
    }

    /// The CPU half of a batch: decode, drop what must not go out, render once per message,
    /// build the emails and webhook requests. The runner does it for the next batch while the
    /// current one is on the wire.
    func prepare(_ batch: [DeliveryRecord], now: Int64) -> PreparedBatch {
        var prepared = PreparedBatch()
        var ready: [Prepared] = []
        let localNow = zone.local(unix: now).seconds
        var decoded: [String: MessagePayload] = [:]  // one decode per message, shared by its channels
        for record in batch {
            let cached = decoded[record.messageKey]
            guard var payload = cached ?? (try? JSONDecoder().decode(MessagePayload.self, from: Data(record.payload.utf8))) else {
                prepared.early.append((record, DeliveryUpdate(state: .dead, error: "nội dung lưu trong hàng đợi bị hỏng (corrupt payload)")))
                continue
            }
            if cached == nil { decoded[record.messageKey] = payload }
            if payload.digest != nil {
                ready.append(Prepared(record: record, payload: payload))
                continue
            }
            let before = payload.items.count
            payload.items.removeAll { isAcked($0, unit: record.unit, sendAt: record.sendAt) }
            let acknowledged = before - payload.items.count
            payload.items.removeAll { MessagePayload.isStale($0, now: localNow) }
            if payload.items.isEmpty {
                let reason = acknowledged > 0 ? "đơn vị đã báo cáo (acknowledged)" : "đã qua hạn: không gửi nhắc trước hạn muộn (deadline passed)"
                prepared.early.append((record, DeliveryUpdate(state: .expired, error: reason, countsAsAttempt: false)))
                continue
            }
            ready.append(Prepared(record: record, payload: payload))
        }
        // Render each message once (its email and its webhooks carry the same items), on every
        // core: rendering is most of a batch's CPU.
        var firstOfMessage: [String: Int] = [:]
        var unique: [Int] = []
        for index in ready.indices where ready[index].payload.digest == nil {
            let key = ready[index].record.messageKey + "#\(ready[index].payload.items.count)"
            if firstOfMessage[key] == nil {
                firstOfMessage[key] = unique.count
                unique.append(index)
            }
        }
        let contents = unique.map { content(ready[$0].payload) }
        let templates = channels.templates
        // Halves on two cores; within each, the same reminder to many units renders once.
        let halves = contents.count < 32 ? [contents] : [Array(contents[..<(contents.count / 2)]), Array(contents[(contents.count / 2)...])]
        let results = ParallelMap.map(halves) { part in templates.render(batch: part) }.flatMap { $0 }
        let rendered: [Result<(ReminderContent, RenderedReminder), HeaderValueError>] = zip(contents, results).map { content, result in
            result.map { (content, $0) }
        }
        for index in ready.indices where ready[index].payload.digest == nil {
            let key = ready[index].record.messageKey + "#\(ready[index].payload.items.count)"
            ready[index].rendered = rendered[firstOfMessage[key]!]
        }
        prepareEmails(ready.filter { $0.record.channel == "email" }, now: now, into: &prepared)
        prepareWebhooks(ready.filter { $0.record.channel == "webhook" }, now: now, into: &prepared)
        return prepared
    }

    /// The I/O half: emails on their connection while the webhooks run on their own queue.
    func send(_ prepared: PreparedBatch, now: Int64, gate: SendGate) async -> [(DeliveryRecord, DeliveryUpdate)] {
        var results = prepared.early
        let channels = self.channels
        async let hookAnswers = prepared.hooks.isEmpty ? [] : SendMetrics.timed("webhook") { await channels.sendWebhooks(prepared.hooks, gate: gate) }
        let sent = prepared.emails.isEmpty ? [] : await SendMetrics.timed("email") { await channels.sendEmails(prepared.emails, gate: gate) }
        for (result, group) in zip(sent, prepared.emailMembers) {
            for p in group {
                results.append((p.record, update(for: result.outcome(for: p.record.target) ?? result.outcome, record: p.record, now: now, gate: gate)))
            }
        }
        for (answer, p) in zip(await hookAnswers, prepared.hookMembers) {
            results.append((p.record, update(for: answer.outcome, record: p.record, now: now, gate: gate)))
        }
        return results
    }

    /// Whether the unit reported the item's occurrence before the message was due: an ack stops
    /// every reminder after it, not those before.
    private func isAcked(_ item: MessagePayload.Item, unit: String, sendAt: Int64) -> Bool {
        guard let at = acked[AckRecord.occurrenceKey(directive: item.directive, task: item.task, unit: unit, occurrence: item.occurrence)] else {
            return false
        }
        return sendAt >= at
    }

    func content(_ payload: MessagePayload) -> ReminderContent {
        let sendAt = LocalTime(seconds: payload.sendAt)
        return ReminderContent(
            unitID: payload.unit, unitName: payload.unitName, sendAt: zone.iso(sendAt),
            sendAtDisplay: "\(NhacHanCore.VietnameseDate.long(sendAt.day)) \(ClockTime.format(sendAt.secondOfDay / 60))",
            items: payload.items.map { item in
                let ackURL = links.flatMap { links in
                    CivilDate(iso: item.lastDay).map {
                        links.ackURL(directive: item.directive, task: item.task, unit: payload.unit, occurrence: item.occurrence, lastDay: $0)
                    }
                }
                return ReminderItem(
                    directiveID: item.directive, directiveNumber: item.number, directiveSubject: item.subject, taskID: item.task,
                    taskAction: item.action, stage: ReminderStage(rawValue: item.stage) ?? .before, deadlinePhrase: item.deadlinePhrase,
                    deadlineDate: item.deadlineDate, lastDay: item.lastDay, daysLeft: item.daysLeft, reportTo: item.reportTo, via: item.via,
                    ackURL: ackURL)
            },
            feedURL: links?.feedURL(unit: payload.unit))
    }

    private func prepareEmails(_ prepared: [Prepared], now: Int64, into batch: inout PreparedBatch) {
        guard !prepared.isEmpty else { return }
        guard let from = channels.from else {
            let reason = channels.emailProblem ?? "smtp"
            batch.early += prepared.map { ($0.record, DeliveryUpdate(state: .dead, error: reason)) }
            return
        }
        var groups: [String: [Prepared]] = [:]
        var order: [String] = []
        for p in prepared {
            if groups[p.record.messageKey] == nil { order.append(p.record.messageKey) }
            groups[p.record.messageKey, default: []].append(p)
        }
        for key in order {
            let group = groups[key]!
            do {
                batch.emails.append(try emailMessage(group, key: key, from: from, now: now))
                batch.emailMembers.append(group)
            } catch {
                batch.early += group.map { ($0.record, DeliveryUpdate(state: .dead, error: "không dựng được thư: \(error)")) }
            }
        }
    }

    /// The one email of a message's claimed deliveries: a reminder rendered with the templates,
    /// or the coordinator's digest as plain text.
    private func emailMessage(_ group: [Prepared], key: String, from: Mailbox, now: Int64) throws -> EmailMessage {
        let payload = group[0].payload
        let sendAt = LocalTime(seconds: payload.sendAt)
        let date = Date(timeIntervalSince1970: TimeInterval(now))
        let to = try group.filter { $0.record.role == "to" }.map { try Mailbox(displayName: payload.unitName, address: $0.record.target) }
        let cc = try group.filter { $0.record.role != "to" }.map { try Mailbox(address: $0.record.target) }
        if let digest = payload.digest {
            let html = "<pre style=\"font-family:sans-serif;white-space:pre-wrap\">" + WebhookBody.htmlEscaped(digest) + "</pre>"
            return EmailMessage(
                from: from, to: to, cc: cc, subject: "[Nhắc hạn] Tổng hợp ngày \(VietnameseDate.short(sendAt.day))", textBody: digest,
                htmlBody: html, idempotencyKey: key + "/email", date: date, utcOffsetSeconds: zone.offset(at: sendAt))
        }
        let rendered = try group[0].rendered?.get().1 ?? channels.templates.render(content(payload))
        return EmailMessage.reminder(
            from: from, to: to.isEmpty ? cc : to, cc: to.isEmpty ? [] : cc, rendered: rendered, idempotencyKey: key + "/email",
            date: date, utcOffsetSeconds: zone.offset(at: sendAt))
    }

    private func prepareWebhooks(_ prepared: [Prepared], now: Int64, into batch: inout PreparedBatch) {
        var endpoints: [String: WebhookEndpoint] = [:]  // by URL: each secret read once per batch
        for p in prepared {
            do {
                guard let unit = config.registry.unit(p.record.unit), let hook = unit.webhooks.first(where: { WebhookTarget.matches($0.url, p.record.target) }) else {
                    batch.early.append((p.record, DeliveryUpdate(state: .dead, error: "webhook không còn trong cấu hình (webhook no longer configured)")))
                    continue
                }
                let endpoint = try endpoints[hook.url] ?? channels.endpoint(for: hook)
                endpoints[hook.url] = endpoint
                let made = try p.rendered?.get() ?? { let c = self.content(p.payload); return (c, try channels.templates.render(c)) }()
                batch.hooks.append(WebhookRequest.reminder(
                    to: endpoint, idempotencyKey: p.record.key, content: made.0, rendered: made.1,
                    timestamp: Date(timeIntervalSince1970: TimeInterval(now))))
                batch.hookMembers.append(p)
            } catch {
                batch.early.append((p.record, DeliveryUpdate(state: .dead, error: "\(error)")))
            }
        }
    }

    /// The store update for an attempt's outcome, with the retry policy applied.
    func update(for outcome: DeliveryOutcome, record: DeliveryRecord, now: Int64, gate: SendGate) -> DeliveryUpdate {
        let response = outcome.response?.description
        if gate.stop.isStopped, !outcome.isDelivered, case .transient = outcome {
            // Cut short by a stop: given back, tried again first thing after the restart.
            return DeliveryUpdate(state: .pending, error: outcome.reason, response: response, countsAsAttempt: false)
        }
        switch outcome {
        case .notAttempted:
            return DeliveryUpdate(state: .pending, countsAsAttempt: false)
        case .delivered:
            return DeliveryUpdate(state: .sent, response: response)
        case .permanent(let reason, _):
            return DeliveryUpdate(state: .dead, error: reason, response: response)
        case .transient(let reason, let retryAfter, _):
            let decision = retry.afterTransientFailure(
                attempt: record.attempts + 1, now: now, sendAt: record.sendAt, retryAfter: retryAfter.map { $0.components.seconds },
                unit: random())
            switch decision {
            case .retry(let at):
                if let expires = record.expiresAt, at >= expires {
                    return DeliveryUpdate(state: .expired, error: "\(reason); hạn đã qua trước lần thử lại (deadline passes before the retry)", response: response)
                }
                return DeliveryUpdate(state: .retrying, nextAttemptAt: at, error: reason, response: response)
            case .giveUp(let why):
                return DeliveryUpdate(state: .dead, error: "\(reason); \(why)", response: response)
            }
        }
    }
}
