import Foundation
import Testing
import NhacHanCore
@testable import NhacHanConfig

@Suite("Loading a valid configuration")
struct ConfigLoadingTests {
    @Test("every due form, include globs, policies and calendar overrides load into the registry")
    func fullConfigLoads() throws {
        var f = ConfigFixture()
        f.write("nhachan.yaml", """
            timezone: Asia/Ho_Chi_Minh
            include: [units.yaml, directives/*.yaml]
            calendar:
              roll_over: next_working_day
              days_off: [{date: 2024-04-29, name: "Nghỉ bù"}]
              working_days: [{date: 2024-05-04, name: "Đi làm bù"}]
            coordinator: {name: Văn phòng, email: [vp@example.gov.vn], digest_at: "16:30"}
            policies:
              nhanh: {send_at: "07:30", before: [3wd, 1d], on_due_day: true, overdue: {every: 1wd, max: 2}, escalate_after: 2}
            default_policy: nhanh
            """)
        f.write("units.yaml", ConfigFixture.units)
        f.write("directives/a.yaml", """
            directives:
              - id: cv-1
                number: 550/UBND-VX
                issuer: UBND huyện Bình Sơn
                issued: 2024-03-10
                received: 2024-03-11
                subject: "V/v thử"
                tasks:
                  - {id: t-before, units: [ubnd-xa], action: Báo cáo, via: phong-ldtbxh, due: {before: 2024-04-08}}
                  - {id: t-through, units: [xa-binh-chau], action: Gửi, due: {through: 2024-03-25}, after: t-before}
                  - {id: t-at, units: [xa-binh-chau], action: Nộp, due: {at: "2024-03-29T14:00"}}
                  - {id: t-within, units: [xa-binh-chau], action: Rà soát, due: {within: 5wd, from: received}}
                  - {id: t-every, units: [xa-binh-chau], action: Thống kê, due: {every: "FREQ=MONTHLY;BYMONTHDAY=20", start: 2024-01-01, kind: through}}
                  - {id: t-undated, units: [phong-ldtbxh], action: Tổng hợp, due: {undated: "theo quy định"}}
                  - {id: t-none, units: [phong-ldtbxh], action: Theo dõi}
            """)
        let (config, diagnostics) = f.load()
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let c = try #require(config)
        #expect(c.files.count == 3)
        #expect(c.calendar.rollOver && c.registry.rollOver)
        #expect(c.calendar.daysOff.first?.name == "Nghỉ bù")
        #expect(c.registry.policies["nhanh"]?.sendAt == 7 * 60 + 30)
        #expect(c.coordinator?.digestAt == 16 * 60 + 30)
        let tasks = c.registry.directives[0].tasks
        #expect(tasks.map(\.due) == [
            .before(CivilDate(year: 2024, month: 4, day: 8)!), .through(CivilDate(year: 2024, month: 3, day: 25)!),
            .at(CivilDate(year: 2024, month: 3, day: 29)!, minute: 14 * 60), .within(DayCount(5, working: true), from: .received),
            tasks[4].due, .undated("theo quy định"), nil,
        ])
        if case .every(let rule, let kind) = tasks[4].due {
            #expect(rule.byMonthDay == [20] && kind == .through)
        } else {
            Issue.record("t-every should be an every deadline")
        }
        #expect(c.undated.map(\.task) == ["t-undated"])
        #expect(c.registry.expand(["ubnd-xa"]) == ["xa-binh-chau", "xa-binh-hai"])
        if case .sqlite(let path) = c.state { #expect(path == f.path("nhachan.db")) } else { Issue.record("default state is sqlite") }
    }

    @Test("the demo district in examples/ loads without errors")
    func demoDistrictLoads() {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let loader = ConfigLoader(environment: [:])
        let config = loader.load(path: root.appendingPathComponent("examples/demo/nhachan.yaml").path)
        #expect(loader.diagnostics.errors.isEmpty, "\(loader.diagnostics.errors)")
        guard let c = config else { return }
        #expect(c.registry.directives.count >= 5)
        #expect(c.registry.expand(["ubnd-xa"]).count >= 10)
        #expect(c.undated.count >= 2)
    }
}
