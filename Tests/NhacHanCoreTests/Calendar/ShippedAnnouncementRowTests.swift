import NhacHanCore
import Testing

/// One shipped row as the cited document gives it, written out independently of the table.
struct AnnouncedRow: Sendable, CustomTestStringConvertible {
    let year: Int
    let occasion: HolidayOccasion
    /// A fragment of the source the row must cite: the document's number.
    let document: String
    let off: [String]
    let worked: [String]
    var testDescription: String { "\(year) \(occasion.rawValue) (\(document))" }

    init(_ year: Int, _ occasion: HolidayOccasion, _ document: String, off: [String], worked: [String] = []) {
        self.year = year
        self.occasion = occasion
        self.document = document
        self.off = off
        self.worked = worked
    }
}

extension AnnouncedRow {
    /// Every row of `HolidayAnnouncement.shipped`, 2020-2027, re-read from its source (the
    /// weekdays off a state body takes; weekends inside a break are off anyway). 2027 has no
    /// row: no decision was published when the table was checked.
    static let all: [AnnouncedRow] = [
        .init(2020, .lunarNewYear, "Bộ LĐ-TB&XH", off: ["2020-01-23", "2020-01-24", "2020-01-27", "2020-01-28", "2020-01-29"]),
        .init(2021, .lunarNewYear, "9895/VPCP-KGVX", off: ["2021-02-10", "2021-02-11", "2021-02-12", "2021-02-15", "2021-02-16"]),
        .init(2021, .nationalDay, "9895/VPCP-KGVX", off: ["2021-09-02", "2021-09-03"]),
        .init(2022, .lunarNewYear, "245/VPCP-KGVX", off: ["2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04"]),
        .init(2022, .nationalDay, "245/VPCP-KGVX", off: ["2022-09-01", "2022-09-02"]),
        .init(2023, .lunarNewYear, "8056/VPCP-KGVX", off: ["2023-01-20", "2023-01-23", "2023-01-24", "2023-01-25", "2023-01-26"]),
        .init(2023, .nationalDay, "8056/VPCP-KGVX", off: ["2023-09-01", "2023-09-04"]),
        .init(2024, .lunarNewYear, "5015/TB-LĐTBXH", off: ["2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14"]),
        .init(2024, .reunification, "2450/VPCP-KGVX", off: ["2024-04-29", "2024-04-30", "2024-05-01"], worked: ["2024-05-04"]),
        .init(2024, .nationalDay, "5015/TB-LĐTBXH", off: ["2024-09-02", "2024-09-03"]),
        .init(2025, .lunarNewYear, "8726/VPCP-KGVX", off: ["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"]),
        .init(2025, .reunification, "8726/VPCP-KGVX", off: ["2025-04-30", "2025-05-01", "2025-05-02"], worked: ["2025-04-26"]),
        .init(2025, .nationalDay, "8726/VPCP-KGVX", off: ["2025-09-01", "2025-09-02"]),
        .init(2026, .newYear, "12729/VPCP-KGVX", off: ["2026-01-01", "2026-01-02"], worked: ["2026-01-10"]),
        .init(2026, .lunarNewYear, "9441/TB-BNV", off: ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]),
        .init(2026, .nationalDay, "9441/TB-BNV", off: ["2026-08-31", "2026-09-01", "2026-09-02"], worked: ["2026-08-22"]),
    ]
}

@Suite("Shipped holiday announcements, row by row")
struct ShippedAnnouncementRowTests {
    let calendar = VietnameseCalendar(years: 2019...2028)

    @Test("each row's days are off, its Saturdays worked, and each cites its document", arguments: AnnouncedRow.all)
    func row(_ r: AnnouncedRow) throws {
        let rows = HolidayAnnouncement.shipped.filter { $0.year == r.year && $0.occasions.contains(r.occasion) }
        let shipped = try #require(rows.first, "no shipped row for \(r.testDescription)")
        #expect(rows.count == 1)
        #expect(shipped.source.contains(r.document), "source '\(shipped.source)'")
        let listed = calendar.nonWorkingDays(inYear: r.year)
        for iso in r.off {
            let day = try #require(CivilDate(iso: iso))
            #expect(!calendar.isWorkingDay(day), "\(iso) should be off")
            let entry = listed.first { $0.date == day && $0.kind != .weekendWork }
            #expect(entry?.source == shipped.source, "\(iso) should cite \(r.document)")
        }
        for iso in r.worked {
            let day = try #require(CivilDate(iso: iso))
            #expect(day.isWeekend && calendar.isWorkingDay(day), "\(iso) should be worked")
            #expect(listed.contains { $0.date == day && $0.kind == .weekendWork && $0.source == shipped.source })
        }
    }

    @Test("every shipped row is one of the re-verified rows")
    func noUnverifiedRow() {
        for a in HolidayAnnouncement.shipped {
            for occasion in a.occasions where occasion != .labourDay {
                #expect(AnnouncedRow.all.contains { $0.year == a.year && $0.occasion == occasion },
                        "\(a.year) \(occasion) is shipped but not re-verified here")
            }
        }
    }

    @Test("2027 has no announcement: Tết Đinh Mùi follows the rules and check warns")
    func noDecisionFor2027() {
        #expect(!calendar.hasAnnouncement(forYear: 2027))
        for year in 2020...2026 { #expect(calendar.hasAnnouncement(forYear: year)) }
    }

    @Test("24/11/2026, Ngày Văn hóa Việt Nam, is a working day until the Labour Code makes it a holiday")
    func cultureDay2026() throws {
        let day = try #require(CivilDate(iso: "2026-11-24"))
        #expect(calendar.isWorkingDay(day))
    }
}
