import Testing
@testable import NhacHanCore

/// How `plan`, the calendar feed and the messages show a deadline next to its phrase.
@Suite("A deadline shown with its day")
struct DeadlineDisplayTests {
    @Test("a phrase that shows its date gets the weekday only")
    func datedPhrase() {
        #expect(VietnameseDate.phraseWithDate("trước ngày 29/3/2024", on: Fixture.day(2024, 3, 29)) == "trước ngày 29/3/2024 (Thứ Sáu)")
        #expect(VietnameseDate.phraseWithDate("chậm nhất ngày 04/4/2024", on: Fixture.day(2024, 4, 4)) == "chậm nhất ngày 04/4/2024 (Thứ Năm)")
    }

    @Test("two occurrences of one recurring phrase read apart: each gets its whole date")
    func recurringPhrase() {
        let phrase = "hằng ngày về UBND xã trước 16 giờ"
        let first = VietnameseDate.phraseWithDate(phrase, on: Fixture.day(2025, 1, 27))
        let second = VietnameseDate.phraseWithDate(phrase, on: Fixture.day(2025, 1, 28))
        #expect(first == "hằng ngày về UBND xã trước 16 giờ (Thứ Hai, 27/01/2025)")
        #expect(first != second)
        #expect(VietnameseDate.phraseWithDate("25/3 hằng năm", on: Fixture.day(2024, 3, 25)) == "25/3 hằng năm (Thứ Hai, 25/3/2024)")
    }
}
