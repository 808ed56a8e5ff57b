/// The yearly decisions on public holidays for state bodies (cơ quan hành chính, sự nghiệp,
/// tổ chức chính trị, chính trị - xã hội), as verified against the cited documents or
/// the press reports quoting them (re-verified row by row in December 2026).
///
/// Only what a decision settles is here; a holiday that is absent follows the Labour
/// Code rules (`HolidayOccasion.ruleDates(inYear:)` plus substitutes for weekend days),
/// which give the announced days of every year 2020-2026 where no row is shipped.
/// Not here: 2027, for which no decision had been published when this table was last
/// checked (Tết Đinh Mùi, mùng 1 on Saturday 6/2/2027, follows the rules and `check`
/// warns); and 24/11, "Ngày Văn hóa Việt Nam", which Nghị quyết 80-NQ/TW (01/2026) and
/// Nghị quyết 30/NQ-CP (02/2026) plan as a paid day off once Labour Code art. 112 is
/// amended: no amendment in force for 24/11/2026 was found, so it is not a day off here
/// (a coordinator adds it under `calendar.days_off` when it is).
extension HolidayAnnouncement {
    public static let shipped: [HolidayAnnouncement] = [
        // 2020 (Labour Code 2012): 7 days, 29 tháng Chạp to mùng 5.
        HolidayAnnouncement(
            year: 2020, occasions: [.lunarNewYear],
            source: "Thông báo của Bộ LĐ-TB&XH về nghỉ Tết Âm lịch 2020 (nghỉ 23/01-29/01/2020), theo Sở Công Thương Đắk Lắk 07/01/2020",
            holidays: ["2020-01-23", "2020-01-24", "2020-01-25", "2020-01-26", "2020-01-27"],
            substitutes: ["2020-01-28", "2020-01-29"]
        ),
        // 2021: the five Tết days are the weekdays of 29 tháng Chạp to mùng 5.
        HolidayAnnouncement(
            year: 2021, occasions: [.lunarNewYear],
            source: "Công văn 9895/VPCP-KGVX ngày 26/11/2020",
            holidays: ["2021-02-10", "2021-02-11", "2021-02-12", "2021-02-15", "2021-02-16"]
        ),
        HolidayAnnouncement(
            year: 2021, occasions: [.nationalDay],
            source: "Công văn 9895/VPCP-KGVX ngày 26/11/2020",
            holidays: ["2021-09-02", "2021-09-03"]
        ),
        HolidayAnnouncement(
            year: 2022, occasions: [.lunarNewYear],
            source: "Công văn 245/VPCP-KGVX ngày 11/01/2022",
            holidays: ["2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04"]
        ),
        // 2022: 2/9 on a Friday, with Thursday 1/9 (the same công văn).
        HolidayAnnouncement(
            year: 2022, occasions: [.nationalDay],
            source: "Công văn 245/VPCP-KGVX ngày 11/01/2022",
            holidays: ["2022-09-01", "2022-09-02"]
        ),
        // 2023: 29 tháng Chạp to mùng 3, two weekend days given back after.
        HolidayAnnouncement(
            year: 2023, occasions: [.lunarNewYear],
            source: "Công văn 8056/VPCP-KGVX ngày 01/12/2022 (ý kiến Phó Thủ tướng Vũ Đức Đam)",
            holidays: ["2023-01-20", "2023-01-21", "2023-01-22", "2023-01-23", "2023-01-24"],
            substitutes: ["2023-01-25", "2023-01-26"]
        ),
        HolidayAnnouncement(
            year: 2023, occasions: [.nationalDay],
            source: "Công văn 8056/VPCP-KGVX ngày 01/12/2022 (ý kiến Phó Thủ tướng Vũ Đức Đam)",
            holidays: ["2023-09-01", "2023-09-02"],
            substitutes: ["2023-09-04"]
        ),
        HolidayAnnouncement(
            year: 2024, occasions: [.lunarNewYear],
            source: "Thông báo 5015/TB-LĐTBXH ngày 22/11/2023 (Công văn 8662/VPCP-KGVX ngày 03/11/2023)",
            holidays: ["2024-02-08", "2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12"],
            substitutes: ["2024-02-13", "2024-02-14"]
        ),
        HolidayAnnouncement(
            year: 2024, occasions: [.reunification, .labourDay],
            source: "Công văn 2450/VPCP-KGVX ngày 12/4/2024",
            holidays: ["2024-04-30", "2024-05-01"],
            swappedDaysOff: ["2024-04-29"], weekendWork: ["2024-05-04"]
        ),
        HolidayAnnouncement(
            year: 2024, occasions: [.nationalDay],
            source: "Thông báo 5015/TB-LĐTBXH ngày 22/11/2023 (Công văn 8662/VPCP-KGVX ngày 03/11/2023)",
            holidays: ["2024-09-02", "2024-09-03"]
        ),
        // 2025: 28 tháng Chạp to mùng 3, between two weekends (9 days).
        HolidayAnnouncement(
            year: 2025, occasions: [.lunarNewYear],
            source: "Công văn 8726/VPCP-KGVX ngày 26/11/2024",
            holidays: ["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"]
        ),
        HolidayAnnouncement(
            year: 2025, occasions: [.reunification, .labourDay],
            source: "Công văn 8726/VPCP-KGVX ngày 26/11/2024",
            holidays: ["2025-04-30", "2025-05-01"],
            swappedDaysOff: ["2025-05-02"], weekendWork: ["2025-04-26"]
        ),
        HolidayAnnouncement(
            year: 2025, occasions: [.nationalDay],
            source: "Công văn 8726/VPCP-KGVX ngày 26/11/2024",
            holidays: ["2025-09-01", "2025-09-02"]
        ),
        HolidayAnnouncement(
            year: 2026, occasions: [.newYear],
            source: "Công văn 12729/VPCP-KGVX ngày 25/12/2025",
            holidays: ["2026-01-01"],
            swappedDaysOff: ["2026-01-02"], weekendWork: ["2026-01-10"]
        ),
        // 2026: 29 tháng Chạp to mùng 4, between two weekends (9 days).
        HolidayAnnouncement(
            year: 2026, occasions: [.lunarNewYear],
            source: "Thông báo 9441/TB-BNV ngày 16/10/2025",
            holidays: ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]
        ),
        // 2026: Saturday 29/8 to Wednesday 2/9 (5 days), Monday 31/8 worked on Saturday 22/8.
        HolidayAnnouncement(
            year: 2026, occasions: [.nationalDay],
            source: "Thông báo 9441/TB-BNV ngày 16/10/2025 (ý kiến Thủ tướng do Văn phòng Chính phủ truyền đạt, 10/2025)",
            holidays: ["2026-09-01", "2026-09-02"],
            swappedDaysOff: ["2026-08-31"], weekendWork: ["2026-08-22"]
        ),
    ]
}
