import NhacHanCore
import NhacHanImport
import Testing

/// Directives written for these tests: other levels, topics and phrasings than the seeds.
@Suite("Directives beyond the seeds")
struct DirectiveCorpusTests {
    private func day(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

    @Test("a ministry's exact hour 'trước 14 giờ ngày' becomes an at deadline")
    func ministryAtHour() throws {
        let d = try TestSupport.draft(fixture: "bo-y-te-at-hour.txt")
        #expect(d.issuer == "Bộ Y tế")
        #expect(d.number == "2150/BYT-KCB")
        let t = try #require(d.dated.first)
        #expect(t.deadline?.kind == .at)
        #expect(t.deadline?.date == day(2024, 5, 15))
        #expect(t.deadline?.time == "14:00")
        #expect(t.via == "Cục Quản lý Khám, chữa bệnh")
        #expect(!t.viaIsUnit)
        #expect(d.dated.count == 1, "the cited decision of 15/3/2024 is not a deadline")
    }

    @Test("a province sets different deadlines per unit; 15/6 without a year takes the document's year")
    func provinceSeveralDeadlines() throws {
        let d = try TestSupport.draft(fixture: "ubnd-tinh-several-deadlines.txt")
        #expect(d.issuer == "UBND tỉnh Quảng Ngãi")
        let kinds = d.dated.map { ($0.deadline!.kind, $0.deadline!.date!) }
        #expect(kinds.count == 3)
        #expect(kinds[0] == (.through, day(2024, 6, 20)))
        #expect(kinds[1] == (.before, day(2024, 6, 15)))
        #expect(kinds[2] == (.through, day(2024, 6, 30)))
        #expect(d.dated[1].units == ["ubnd-huyen"])
        #expect(d.dated[2].units == ["so-ldtbxh"])
        #expect(d.dated[0].unmatchedUnits == ["Sở Giáo dục và Đào tạo"])
    }

    @Test("a department's monthly and quarterly reports become RRULEs")
    func departmentPeriodic() throws {
        let d = try TestSupport.draft(fixture: "so-gddt-monthly.txt")
        #expect(d.issuer == "Sở Giáo dục và Đào tạo tỉnh Bình Định")
        #expect(d.dated.map(\.deadline!.rule) == ["FREQ=MONTHLY;BYMONTHDAY=25", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15"])
        #expect(d.dated.allSatisfy { $0.deadline?.kind == .every && $0.deadline?.start == day(2024, 1, 12) })
        #expect(d.recipientUnits == ["phong-gddt"])
    }

    @Test("a commune's 'trong thời hạn 05 (năm) ngày làm việc kể từ ngày nhận' is within 5 working days")
    func communeWithin() throws {
        let d = try TestSupport.draft(fixture: "ubnd-xa-within-days.txt")
        #expect(d.issuer == "UBND xã Bình Châu")
        let dl = try #require(d.dated.first?.deadline)
        #expect(dl.kind == .within)
        #expect(dl.n == 5)
        #expect(dl.unit == "wd")
        #expect(dl.from == "received")
        #expect(d.dated.first?.reportTo == "UBND xã")
    }

    @Test("a daily report at 15:00 and 'trong ngày D' from a markdown text")
    func dailyReport() throws {
        let d = try TestSupport.draft(fixture: "daily-report.md")
        #expect(d.number == "310/UBND-NN")
        #expect(d.issued == day(2024, 10, 8))
        let daily = try #require(d.dated.first?.deadline)
        #expect(daily.kind == .every)
        #expect(daily.rule == "FREQ=DAILY")
        #expect(daily.time == "15:00")
        #expect(d.dated[1].deadline?.kind == .through)
        #expect(d.dated[1].deadline?.date == day(2024, 10, 14))
        #expect(d.dated.allSatisfy { $0.units == ["ubnd-xa"] })
    }

    @Test("cited documents, a commemorated day and activity windows are not deadlines")
    func datesThatAreNotDeadlines() throws {
        let d = try TestSupport.draft(fixture: "dates-not-deadlines.txt")
        #expect(d.dated.isEmpty)
        #expect(d.warnings.contains { $0.contains("30/6/2024") && $0.contains("thời gian diễn ra") })
        #expect(d.warnings.contains { $0.contains("trước ngày 28/6/2024") && $0.contains("không gắn") })
    }

    @Test("completing something 'đến hết ngày' is a through deadline; dashes in dates are read")
    func completionThrough() throws {
        let d = try TestSupport.draft(fixture: "completion-through.txt")
        #expect(d.dated.map(\.deadline!.kind) == [.through, .through])
        #expect(d.dated.map(\.deadline!.date!) == [day(2024, 6, 30), day(2024, 7, 5)])
        #expect(d.dated.allSatisfy { $0.via == "phong-tnmt" && $0.units == ["ubnd-xa"] })
    }

    @Test("dotted, spelled-out and 17h00 forms, one per unit section")
    func severalForms() throws {
        let d = try TestSupport.draft(fixture: "several-forms.txt")
        #expect(d.dated.map(\.units) == [["phong-noi-vu"], ["ubnd-xa"], ["phong-tckh"]])
        #expect(d.dated.map(\.deadline!.kind) == [.through, .before, .at])
        #expect(d.dated.map(\.deadline!.date!) == [day(2024, 5, 12), day(2024, 5, 15), day(2024, 5, 20)])
        #expect(d.dated[2].deadline?.time == "17:00")
        #expect(d.dated[0].reportTo == "Phòng Tài chính - Kế hoạch")
    }

    @Test("within N days from signing, a yearly report and a half-yearly one")
    func withinIssuedAndYearly() throws {
        let d = try TestSupport.draft(fixture: "within-issued-yearly.txt")
        let dls = d.dated.map(\.deadline!)
        #expect(dls.count == 3)
        #expect(dls[0].kind == .within && dls[0].n == 10 && dls[0].unit == "d" && dls[0].from == "issued")
        #expect(dls[1].rule == "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15")
        #expect(dls[2].rule == "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=15")
    }

    @Test("without a directory, ids are slugs of the names and the draft says so")
    func noDirectory() throws {
        let d = try TestSupport.draft(fixture: "several-forms.txt", directory: nil)
        #expect(d.dated[0].units == ["phong-noi-vu"])
        #expect(d.dated[1].units == ["uy-ban-nhan-dan-xa-thi-tran"])
        #expect(d.warnings.contains { $0.contains("--units") })
    }
}

@Suite("Damaged texts")
struct DamagedTextTests {
    @Test("web-page clutter around the text is ignored")
    func webClutter() throws {
        let d = try TestSupport.draft(fixture: "web-clutter.txt")
        #expect(d.issuer == "UBND huyện Ba Tơ")
        #expect(d.number == "88/UBND-LĐTBXH")
        #expect(d.dated.count == 1)
        #expect(d.dated.first?.deadline?.date == CivilDate(year: 2024, month: 3, day: 25))
        #expect(d.dated.first?.via == "phong-ldtbxh")
        #expect(d.signer == nil || d.signer?.name == nil)
    }

    @Test("a flattened table keeps the sentence's deadline, and each row's 'Thời hạn' is its unit's")
    func flattenedTable() throws {
        let d = try TestSupport.draft(fixture: "flattened-table.txt")
        #expect(d.dated.count == 3)
        #expect(d.dated.first?.deadline?.date == CivilDate(year: 2024, month: 4, day: 10))
        let rows = d.dated.dropFirst()
        #expect(rows.map { $0.deadline?.date?.description } == ["2024-04-08", "2024-04-09"])
        #expect(rows.map { $0.units.isEmpty ? $0.unmatchedUnits : $0.units } == [["Phòng Tài chính - Kế hoạch"], ["Phòng Nội vụ"]]
                || rows.map(\.units) == [["phong-tckh"], ["phong-noi-vu"]], "\(rows.map { ($0.units, $0.unmatchedUnits) })")
    }

    @Test("a text cut off mid-sentence keeps the header and what came before the cut")
    func cutOff() throws {
        let full = try TestSupport.read(TestSupport.seeds.appendingPathComponent(TestSupport.seedFiles[1]))
        let cut = String(full.prefix(while: { $0 != "(" }))  // stops inside the report sentence
        let d = DirectiveImporter(directory: TestSupport.district).draft(text: cut, sourceName: "cut.txt")
        #expect(d.number == "550/UBND-VX")
        #expect(d.issued == CivilDate(year: 2022, month: 3, day: 10))
        #expect(d.dated.isEmpty)
        #expect(d.warnings.contains { $0.contains("không thấy hạn báo cáo") })
    }
}
