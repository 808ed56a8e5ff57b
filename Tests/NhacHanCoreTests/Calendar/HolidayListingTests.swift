import NhacHanCore
import Testing

@Suite("Holiday listing")
struct HolidayListingTests {
    @Test("dates read with the Vietnamese weekday")
    func weekdayDate() {
        #expect(HolidayListing.vietnameseDate(CivilDate(year: 2024, month: 4, day: 29)!) == "Thứ Hai, 29/4/2024")
        #expect(HolidayListing.vietnameseDate(CivilDate(year: 2024, month: 2, day: 11)!) == "Chủ Nhật, 11/2/2024")
    }

    @Test("JSON lists date, name, name_en and kind in that order")
    func json() {
        let days = VietnameseCalendar(years: 2024...2024).nonWorkingDays(inYear: 2024)
        let text = HolidayListing.json(days)
        #expect(text.hasPrefix("[\n  {\"date\":\"2024-01-01\",\"name\":\"Tết Dương lịch\",\"name_en\":\"New Year's Day\",\"kind\":\"holiday\"}"))
        #expect(text.contains("{\"date\":\"2024-05-04\",\"name\":\"Làm bù cho ngày nghỉ thứ Hai 29/4/2024\""))
        #expect(text.contains("\"kind\":\"weekend_work\"}"))
        #expect(HolidayListing.json([]) == "[]")
    }

    @Test("the table has one line per day and warns for a year without an announcement")
    func table() {
        let calendar = VietnameseCalendar(years: 2024...2030)
        let text = HolidayListing.table(calendar.nonWorkingDays(inYear: 2024), year: 2024, announced: true)
        #expect(text.contains("Thứ Hai, 29/4/2024"))
        #expect(!text.contains("Lưu ý"))
        let rules = HolidayListing.table(calendar.nonWorkingDays(inYear: 2030), year: 2030, announced: false)
        #expect(rules.hasSuffix("Lưu ý: chưa có thông báo nghỉ lễ năm 2030; lịch tính theo Bộ luật Lao động."))
    }

    @Test("lunar output for Tết 2024, as text and as JSON")
    func lunar() {
        let tet = CivilDate(year: 2024, month: 2, day: 10)!
        #expect(HolidayListing.lunarText(tet) == "Mùng 1 tháng Giêng năm Giáp Thìn")
        #expect(HolidayListing.lunarJSON(tet)
            == #"{"date":"2024-02-10","lunar_day":1,"lunar_month":1,"lunar_year":2024,"leap_month":false,"year_name":"Giáp Thìn"}"#)
    }
}
