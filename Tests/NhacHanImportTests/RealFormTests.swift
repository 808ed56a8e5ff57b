import NhacHanCore
import NhacHanImport
import Testing

/// Forms met in the corpus of real directives, each in a few lines.
@Suite("Forms of real directives")
struct RealFormTests {
    private func draft(_ text: String) -> DirectiveDraft {
        DirectiveImporter().draft(text: text, sourceName: "x.txt")
    }

    private func deadlines(_ d: DirectiveDraft) -> [DraftDeadline] {
        d.tasks.compactMap(\.deadline).filter { $0.kind != .undated }
    }

    @Test("a header flattened one cell per line, with table borders, reads whole")
    func cellsPerLine() {
        let d = draft("""
        ỦY BAN NHÂN DÂN
        TỈNH KON TUM
        |
        CỘNG HÒA XÃ HỘI
        CHỦ NGHĨA VIỆT NAM
        |
        Số:
        06/2024/QĐ-UBND
        |
        Kon Tum, ngày 25
        tháng 01 năm 2024
        |
        QUYẾT ĐỊNH
        """)
        #expect(d.number == "06/2024/QĐ-UBND")
        #expect(d.issued?.description == "2024-01-25")
        #expect(d.issuer == "UBND tỉnh Kon Tum")
    }

    @Test("a whole header run into one line is split at its landmarks")
    func headerOnOneLine() {
        let d = draft("""
        ỦY BAN NHÂN DÂN TỈNH CAO BẰNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập Tự do Hạnh phúc Số: 46/2019/QĐUBND Cao Bằng, ngày 28 tháng 10 năm 2019 QUYẾT ĐỊNH BAN HÀNH QUY ĐỊNH
        """)
        #expect(d.number == "46/2019/QĐUBND")
        #expect(d.issued?.description == "2019-10-28")
        #expect(d.issuer == "UBND tỉnh Cao Bằng")
    }

    @Test("numbers written with spaces and in Party style", arguments: [
        ("Số: 2455 / LĐTBXH - LĐTL", "2455/LĐTBXH-LĐTL"),
        ("Số: 7 /2021/TT-BNV", "7/2021/TT-BNV"),
        ("Số: 225 - KH/TWĐTN-CTTN", "225-KH/TWĐTN-CTTN"),
    ])
    func spacedNumbers(_ line: String, _ number: String) {
        let d = draft("BỘ NỘI VỤ\n\(line)\nHà Nội, ngày 10 tháng 7 năm 2021\nKính gửi: Các Sở Nội vụ.\n")
        #expect(d.number == number)
    }

    @Test("a page without a header takes number and date from 'Ngày D, UBND tỉnh ban hành Công văn số N'")
    func proseNumber() {
        let d = draft("""
        UBND tỉnh chỉ đạo tổng kết thực tiễn năm 2021
        Ngày 01/3/2021, UBND tỉnh ban hành Công văn số 1066/UBND-VXNV chỉ đạo các sở, ban, ngành.
        """)
        #expect(d.number == "1066/UBND-VXNV")
        #expect(d.issued?.description == "2021-03-01")
    }

    @Test("a number spelled out in brackets and a written month make one yearly date")
    func spelledYearly() throws {
        let d = draft("""
        Các cơ quan gửi báo cáo định kỳ:
        - Chậm nhất ngày 06 (sáu) tháng 06 (sáu) đối với báo cáo định kỳ 06 (sáu) tháng;
        - Chậm nhất ngày 25 (hai mươi lăm) tháng 11 (mười một) đối với báo cáo định kỳ hằng năm.
        """)
        #expect(deadlines(d).compactMap(\.rule) == ["FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=6", "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=25"])
    }

    @Test("each yearless date takes the period it is said for")
    func datePerPeriod() {
        let d = draft("""
        Báo cáo gửi về Cục trước ngày 25/06 đối với báo cáo 06 tháng; trước ngày 28/11 đối với báo cáo năm.
        """)
        #expect(deadlines(d).compactMap(\.rule) == ["FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=25", "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=28"])
    }

    @Test("an exact hour with an apostrophe, and a count after 'chậm nhất sau'")
    func hourAndCount() throws {
        let d = draft("""
        ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG
        Số: 1974/UBND-KGVX
        Đắk Nông, ngày 22 tháng 4 năm 2020
        Kính gửi: Các sở, ngành.
        Báo cáo gửi về Ủy ban nhân dân tỉnh chậm nhất 10h00' ngày 27/4/2020.
        Chậm nhất sau 15 ngày kể từ ngày đoàn về nước, học viên phải gửi báo cáo về cơ quan.
        """)
        let found = deadlines(d)
        #expect(found.first?.kind == .at && found.first?.time == "10:00" && found.first?.date?.description == "2020-04-27")
        #expect(found.contains { $0.kind == .within && $0.n == 15 && $0.unit == "d" })
    }

    @Test("a data period and an effective date are no deadline")
    func notDeadlines() {
        let d = draft("""
        ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG
        Số: 1974/UBND-KGVX
        Đắk Nông, ngày 22 tháng 4 năm 2020
        Kính gửi: Các sở, ngành.
        Các đơn vị báo cáo kết quả thực hiện từ ngày 30/01/2020 đến ngày 24/4/2020 theo đề cương.
        Số liệu báo cáo tính đến hết ngày 20/4/2020.
        Quyết định này có hiệu lực sau 10 ngày kể từ ngày ký.
        """)
        #expect(deadlines(d).isEmpty)
    }

    @Test("a timetable flattened one cell per line gives each step its last day")
    func timetable() {
        let d = draft("""
        TT
        Nội dung công việc
        Ngày chậm nhất phải hoàn thành
        1
        Triển khai công tác bầu cử ở cấp huyện
        27/01/2021
        2
        Mở hội nghị triển khai công tác bầu cử ở cấp xã
        29/01/2021
        """)
        #expect(deadlines(d).map { "\($0.kind.rawValue) \($0.date?.description ?? "-")" } == ["through 2021-01-27", "through 2021-01-29"])
    }

    @Test("a page's title line dates a text that has no header date")
    func titleDate() {
        let d = draft("Thông báo Khẩn ngày 18/10/2020\n\nKính gửi: Hiệu trưởng các trường.\nCho học sinh nghỉ học.\n")
        #expect(d.issued?.description == "2020-10-18")
    }

    @Test("an issuer in capitals is written in its proper case", arguments: [
        ("BỘ LAO ĐỘNG-THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội"),
        ("BẢO HIỂM XÃ HỘI TỈNH QUẢNG NGÃI", "Bảo hiểm xã hội tỉnh Quảng Ngãi"),
        ("PHÒNG GIÁO DỤC-ĐÀO TẠO", "Phòng Giáo dục - Đào tạo"),
    ])
    func issuerCase(_ caps: String, _ written: String) {
        let d = draft("\(caps)\nSố: 12/TB\nHà Nội, ngày 10 tháng 7 năm 2021\nKính gửi: Các đơn vị.\n")
        #expect(d.issuer == written)
    }
}
