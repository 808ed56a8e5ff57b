import NhacHanConfig
import NhacHanCore
import NhacHanOutbox
import NhacHanStore
import Testing

@Suite("Acknowledgements")
struct AcknowledgementTests {
    @Test("an ack of a group acks each member once; the same ack again is no new ack; waiting deliveries are withdrawn")
    func groupAckIsIdempotent() async throws {
        let district = try District()
        _ = try await district.runner(FakeChannels()).enqueueDue(now: district.at("2024-03-26T08:00"))
        let acks = Acknowledgements(registry: district.config.registry, calendar: district.calendar, zone: district.zone, store: district.store)
        let first = try await acks.record(directive: "cv-1", unit: "cac-xa", task: nil, at: district.at("2024-03-26T07:00"), note: "qua e-office", via: "cli")
        #expect(first.map(\.unit).sorted() == ["xa-a", "xa-b"] && first.allSatisfy(\.isNew))
        #expect(first.allSatisfy { $0.occurrence == "2024-03-29" })
        let again = try await acks.record(directive: "cv-1", unit: "xa-a", task: nil, at: district.at("2024-03-27T07:00"), note: nil, via: "link")
        #expect(again.map(\.isNew) == [false])
        let stored = try await district.store.acks()
        #expect(stored.count == 2 && stored.allSatisfy { $0.how == "cli" && $0.note == "qua e-office" })
        let waiting = try await district.store.deliveries(state: .pending, unit: nil)
        #expect(waiting.isEmpty, "every enqueued delivery was for an acked occurrence")
        #expect(try await district.store.counts()[.expired] == 3)
    }

    @Test("unknown directives, units and tasks are refused with a Vietnamese reason")
    func refusals() async throws {
        let district = try District()
        let acks = Acknowledgements(registry: district.config.registry, calendar: district.calendar, zone: district.zone, store: district.store)
        let now = district.at("2024-03-26T07:00")
        for (directive, unit, task) in [("cv-9", "xa-a", nil), ("cv-1", "xa-z", nil), ("cv-1", "xa-a", "khong-co")] as [(String, String, String?)] {
            await #expect(throws: Acknowledgements.Refusal.self) {
                try await acks.record(directive: directive, unit: unit, task: task, at: now, note: nil, via: "cli")
            }
        }
        #expect(try await acks.remove(directive: "cv-1", unit: "cac-xa", task: nil) == 0)
    }
}

@Suite("Status and digest")
struct StatusAndDigestTests {
    @Test("the five states: pending, due soon, overdue, reported and reported late")
    func fiveStates() throws {
        let district = try District(due: "{through: 2024-03-29}")
        let report = StatusReport(registry: district.config.registry, calendar: district.calendar, zone: district.zone)
        func states(at now: String, acks: [AckRecord] = []) -> [String: StatusReport.Row.State] {
            Dictionary(uniqueKeysWithValues: report.rows(acks: acks, directive: nil, now: district.at(now), from: CivilDate(iso: "2024-03-01")!, to: CivilDate(iso: "2024-04-30")!).map { ($0.unit, $0.state) })
        }
        #expect(states(at: "2024-03-18T09:00") == ["xa-a": .pending, "xa-b": .pending])
        #expect(states(at: "2024-03-26T09:00") == ["xa-a": .dueSoon, "xa-b": .dueSoon])
        #expect(states(at: "2024-04-01T09:00") == ["xa-a": .overdue, "xa-b": .overdue])
        let zone = district.zone
        let acks = [
            AckRecord(directive: "cv-1", task: "bao-cao", unit: "xa-a", occurrence: "2024-03-29", at: zone.unix(district.at("2024-03-28T10:00"))),
            AckRecord(directive: "cv-1", task: "bao-cao", unit: "xa-b", occurrence: "2024-03-29", at: zone.unix(district.at("2024-04-02T10:00"))),
        ]
        #expect(states(at: "2024-04-03T09:00", acks: acks) == ["xa-a": .reported, "xa-b": .reportedLate])
        #expect(StatusReport.Row.State.allCases.map(\.rawValue) == ["reported", "reported_late", "pending", "due_soon", "overdue"])
    }

    @Test("a recurring report is one entry per unit in the digest, with its count and nearest deadline")
    func recurringInDigest() throws {
        let district = try District(due: "{every: \"FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR\", start: 2024-03-01, kind: through}")
        let job = DigestJob(config: district.config, zone: district.zone, calendar: district.calendar)
        let report = StatusReport(registry: district.config.registry, calendar: district.calendar, zone: district.zone)
        let now = district.at("2024-03-15T16:30")
        let rows = report.rows(acks: [], directive: nil, now: now, from: now.day.adding(days: -60), to: now.day.adding(days: 7))
        let digest = try #require(job.text(rows: rows, dead: [], now: now))
        #expect(digest.contains("quá hạn (2 đơn vị): UBND xã A (10 kỳ, gần nhất hạn 14/3/2024), UBND xã B (10 kỳ, gần nhất hạn 14/3/2024)"), "\(digest)")
        #expect(digest.components(separatedBy: "UBND xã A").count - 1 == 2, "once per state, not once per occurrence")
    }

    @Test("the digest says nothing on a day with nothing to say, and shows dead webhooks redacted")
    func digestText() throws {
        let district = try District(due: "{through: 2024-03-29}")
        let job = DigestJob(config: district.config, zone: district.zone, calendar: district.calendar)
        let report = StatusReport(registry: district.config.registry, calendar: district.calendar, zone: district.zone)
        let quiet = district.at("2024-03-11T16:30")
        #expect(job.text(rows: report.rows(acks: [], directive: nil, now: quiet, from: quiet.day, to: quiet.day.adding(days: 7)), dead: [], now: quiet) == nil)
        var dead = DeliveryRecord(
            key: "k", messageKey: "m", unit: "xa-a", channel: "webhook", target: "https://chat.example.gov.vn/hooks/abc?token=s3cr3t",
            role: "webhook", sendAt: 0, expiresAt: nil, payload: "{}", stageKeys: [], state: .dead)
        dead.lastError = "404"
        let text = try #require(job.text(rows: [], dead: [dead], now: quiet))
        #expect(text.contains("dead letters"))
        #expect(!text.contains("s3cr3t") && text.contains("https://chat.example.gov.vn/hooks/…"))
        let busy = district.at("2024-03-27T16:30")
        let rows = report.rows(acks: [], directive: nil, now: busy, from: busy.day.adding(days: -60), to: busy.day.adding(days: 7))
        let digest = try #require(job.text(rows: rows, dead: [], now: busy))
        #expect(digest.contains("sắp đến hạn (2 đơn vị): UBND xã A (hạn 29/3/2024), UBND xã B (hạn 29/3/2024)"))
        #expect(job.nextSlot(after: district.at("2024-03-29T17:00")) == district.at("2024-04-01T16:30"), "Friday evening: Monday's slot")
    }
}
