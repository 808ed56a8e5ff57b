import Foundation
import NhacHanCore
import NhacHanImport
import Testing

@Suite("The five seed directives")
struct SeedGoldenTests {
    @Test("each seed's draft matches its golden JSON and YAML", arguments: TestSupport.seedFiles)
    func golden(_ name: String) throws {
        let d = try TestSupport.draft(seed: name)
        let stem = "seed-" + name.prefix(3)
        TestSupport.assertGolden(d.jsonString(), "\(stem).import.json")
        TestSupport.assertGolden(YAMLRenderer.render(d), "\(stem).import.yaml")
    }

    @Test("000: every addressed unit reports before 29/3/2024 via the labour office, and 25/3 is no deadline")
    func seed000() throws {
        let d = try TestSupport.draft(seed: TestSupport.seedFiles[0])
        #expect(d.number == nil)
        #expect(d.year == 2024)
        #expect(d.recipientUnits == ["phong-gddt", "mttq", "ct-xh", "ttvh", "ubnd-xa"])
        #expect(d.dated.count == 1)
        let r = try #require(d.dated.first)
        #expect(Set(r.units) == ["phong-gddt", "mttq", "ct-xh", "ttvh", "ubnd-xa"])
        #expect(r.deadline == DraftDeadline(kind: .before, date: CivilDate(year: 2024, month: 3, day: 29), phrase: "trước ngày 29/3/2024"))
        #expect(r.via == "phong-ldtbxh")
        #expect(r.reportTo == "UBND huyện")
        #expect(r.sourceLines == LineRange(72, 78))
    }

    @Test("001: 550/UBND-VX of 10/3/2022; communes before 08/4/2022, the labour office onward undated")
    func seed001() throws {
        let d = try TestSupport.draft(seed: TestSupport.seedFiles[1])
        #expect(d.number == "550/UBND-VX")
        #expect(d.issued == CivilDate(year: 2022, month: 3, day: 10))
        #expect(d.issuer == "UBND huyện Bình Sơn")
        #expect(d.place == "Bình Sơn")
        #expect(d.subject == "V/v tổ chức các hoạt động kỷ niệm Ngày Công tác xã hội Việt Nam 25/3/2022")
        #expect(d.signer?.name == "Phạm Quang Sự")
        let report = try #require(d.task("bao-cao"))
        #expect(report.units == ["ubnd-xa"])
        #expect(report.via == "phong-ldtbxh")
        #expect(report.deadline?.kind == .before)
        #expect(report.deadline?.date == CivilDate(year: 2022, month: 4, day: 8))
        let onward = try #require(d.task("tong-hop"))
        #expect(onward.units == ["phong-ldtbxh"])
        #expect(onward.after == "bao-cao")
        #expect(onward.deadline?.kind == .undated)
        #expect(onward.deadline?.phrase == "theo đúng thời gian quy định")
        #expect(d.warnings.contains { $0.contains("dòng 35") && $0.contains("không có thời hạn") })
        #expect(!d.dated.contains { $0.deadline?.date == CivilDate(year: 2022, month: 3, day: 25) })
        #expect(!d.dated.contains { $0.deadline?.date == CivilDate(year: 2022, month: 3, day: 2) })
        #expect(d.copies.contains("Sở LĐ-TB&XH tỉnh"))
    }

    @Test("002: blank number /KH-UBND, all units before 04/4/2024 via the merged office, which reports by 15/4/2024")
    func seed002() throws {
        let d = try TestSupport.draft(seed: TestSupport.seedFiles[2])
        #expect(d.number == nil)
        #expect(d.symbol == "KH-UBND")
        #expect(d.issued == nil)
        #expect(d.year == 2024)
        #expect(d.type == "Kế hoạch")
        #expect(d.warnings.contains { $0.contains("số văn bản để trống") })
        let all = try #require(d.task("bao-cao"))
        #expect(all.deadline?.date == CivilDate(year: 2024, month: 4, day: 4))
        #expect(all.via == "phong-ldtbxh-yt")
        #expect(Set(all.units) == ["phong-gddt", "ttttvhtt", "ttyt", "mttq"])
        let onward = try #require(d.task("tong-hop"))
        #expect(onward.units == ["phong-ldtbxh-yt"])
        #expect(onward.deadline?.date == CivilDate(year: 2024, month: 4, day: 15))
        #expect(onward.after == "bao-cao")
        #expect(d.dated.count == 2, "the two 15/4 sentences are one task")
        #expect(!d.dated.contains { $0.deadline?.date == CivilDate(year: 2024, month: 3, day: 25) })
        #expect(d.warnings.contains { $0.contains("25/3/2024") && $0.contains("thời gian diễn ra") })
    }

    @Test("003: units must carry out, nothing to report and no deadline invented")
    func seed003() throws {
        let d = try TestSupport.draft(seed: TestSupport.seedFiles[3])
        #expect(d.dated.isEmpty)
        #expect(d.tasks.count == 6)
        #expect(d.year == 2023)
        #expect(d.issued == nil)
        #expect(d.recipientUnits.count == 8)
        #expect(!YAMLRenderer.render(d).contains("due:"))
    }

    @Test("004: the provincial labour department reports 'theo quy định': an undated warning")
    func seed004() throws {
        let d = try TestSupport.draft(seed: TestSupport.seedFiles[4])
        #expect(d.number == nil)
        #expect(d.recipientUnits == ["so-ban-nganh", "ubnd-huyen"])
        let r = try #require(d.tasks.first { $0.deadline != nil })
        #expect(r.units == ["so-ldtbxh"])
        #expect(r.deadline?.kind == .undated)
        #expect(r.reportTo == "Ủy ban nhân dân tỉnh và Bộ Lao động - Thương binh và Xã hội")
        #expect(d.warnings.contains { $0.contains("theo quy định") })
        #expect(!d.dated.contains { $0.deadline?.date != nil })
    }
}
