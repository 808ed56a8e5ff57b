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

    @Test("each date of a sentence takes the period named last before it")
    func periodPerClause() {
        let d = draft("""
        UBND các xã báo cáo hằng tháng trước ngày 25, báo cáo quý trước ngày 15 tháng cuối quý.
        Báo cáo định kỳ hằng tháng gửi về Ban Chỉ đạo trước ngày 18 hằng tháng, báo cáo năm trước ngày 18/12.
        """)
        #expect(deadlines(d).compactMap(\.rule) == ["FREQ=MONTHLY;BYMONTHDAY=25", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15",
                                                    "FREQ=MONTHLY;BYMONTHDAY=18", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=18"])
        let each = draft("Các xã báo cáo tình hình thực hiện định kỳ hằng tháng vào ngày 20, hằng quý vào ngày 20 tháng cuối quý.")
        #expect(deadlines(each).compactMap(\.rule) == ["FREQ=MONTHLY;BYMONTHDAY=20", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20"])
    }

    @Test("'Thời gian nhận hồ sơ: …' is no 'Số:' line: the page after it is read")
    func hoSoIsNoNumber() {
        let d = draft("""
        Tin tức
        Thời gian tiếp nhận hồ sơ: từ 8/5/2023 đến hết 20/5/2023.
        Các địa phương báo cáo kết quả về Sở Tư pháp trước ngày 15/10/2023.
        """)
        #expect(d.number == nil)
        #expect(deadlines(d).compactMap(\.date).map(\.description) == ["2023-05-20", "2023-10-15"])
    }

    @Test("after the header's parts, a sentence starts the body even without 'Kính gửi' or a list marker")
    func sentenceStartsBody() {
        let d = draft("""
        BAN TỔ CHỨC HỘI THI
        Số: 12/TB-BTC
        Ban Tổ chức Hội thi tìm hiểu pháp luật năm 2023 thông báo đến các đơn vị như sau.
        Các đơn vị gửi danh sách thí sinh về Ban Tổ chức chậm nhất ngày 20/5/2023 để tổng hợp.
        """)
        #expect(d.number == "12/TB-BTC")
        #expect(deadlines(d).compactMap(\.date).map(\.description) == ["2023-05-20"])
    }

    @Test("capitals naming an organ under a notice sign it: the notice above them is read")
    func organUnderNotice() {
        let d = draft("""
        Gia hạn cuộc thi sáng tác năm 2023

        Ban tổ chức cuộc thi sáng tác về quê hương thông báo gia hạn thời gian nhận tác phẩm dự thi đến hết ngày 30/9/2023.

        BAN TỔ CHỨC CUỘC THI
        """)
        #expect(deadlines(d).compactMap(\.date).map(\.description) == ["2023-09-30"])
        #expect(d.issuer == nil)
    }

    @Test("a page whose line breaks were stored as the text '\\r\\n' reads as lines")
    func escapedLineBreaks() {
        let d = draft(#"""
        \r\n Kính gửi:     - BCH Công đoàn Bộ phận
        \r\n Thời gian đăng ký tham dự Giải gửi về văn phòng Công đoàn Trường chậm nhất là thứ 2, ngày 26 tháng 3 năm 2012.
        """#)
        #expect(deadlines(d).map { "\($0.kind.rawValue) \($0.date?.description ?? "-")" } == ["through 2012-03-26"])
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
        ("UBND XÃ BÌNH CHÂU", "UBND xã Bình Châu"),
    ])
    func issuerCase(_ caps: String, _ written: String) {
        let d = draft("\(caps)\nSố: 12/TB\nHà Nội, ngày 10 tháng 7 năm 2021\nKính gửi: Các đơn vị.\n")
        #expect(d.issuer == written)
    }

    @Test("a press byline 'Q.LINH' is no signer: the article after it is read")
    func byline() {
        let d = draft("""
        20/03/2012 02:01 GMT+7
        Q.LINH
        Thành đoàn triển khai cuộc thi viết.
        Các tác giả gửi bài về Ban Tổ chức trước ngày 20/7/2012.
        """)
        #expect(deadlines(d).map { "\($0.kind.rawValue) \($0.date?.description ?? "-")" } == ["before 2012-07-20"])
    }

    @Test("a verb inside a quoted title does not govern the deadline after it")
    func quotedVerb() {
        let d = draft("""
        Kính gửi: Các cơ sở Đoàn.
        Tác giả gửi bài về Ban biên tập, ngoài bì thư ghi rõ “Thư gửi Đại hội Đoàn” hoặc qua email từ nay đến ngày 20/7/2012.
        """)
        #expect(deadlines(d).map { "\($0.kind.rawValue) \($0.date?.description ?? "-")" } == ["through 2012-07-20"])
        #expect(d.tasks.first?.action.hasPrefix("Gửi bài") == true, "\(d.tasks.map(\.action))")
    }

    @Test("a report-form table repeats a receiving day under ditto marks, and a form's corner block above its title is read")
    func reportForms() {
        let table = draft("""
        Tên biểu Ký hiệu biểu Kỳ báo cáo Ngày nhận báo cáo
        1. Báo cáo hoạt động SXCN 01-CS/SXCN Tháng Ngày 12 tháng sau tháng báo
        cáo
        2. Báo cáo hoạt động thương mại
        01-CS/HĐTM Tháng “ x Có hoạt động bán buôn, bán lẻ
        3. Báo cáo hoạt động vận tải, kho bãi
        01-CS/VTKB Tháng “ x Có hoạt động vận tải, kho bãi
        """)
        #expect(deadlines(table).map { $0.rule ?? "-" } == Array(repeating: "FREQ=MONTHLY;BYMONTHDAY=12", count: 3))
        let corner = draft("""
        Biểu số: 11a/BTP/HCTP/HT/KSKT
        Ban hành theo Thông tư số 08/2011/TT-BTP ngày 05/4/2011.
        Ngày nhận báo cáo (BC):
        BC 6 tháng đợt 1: ngày 07 tháng 4 hàng năm.
        BC năm chính thức: ngày 07 tháng 01 năm sau.
        SỐ LIỆU ĐĂNG KÝ
        KHAI SINH, KHAI TỬ
        """)
        #expect(deadlines(corner).map { $0.rule ?? "-" } == ["FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=7", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=7"])
        #expect(corner.number == "08/2011/TT-BTP")
        #expect(corner.issued?.description == "2011-04-05")
    }

    @Test("a number's date said later in the page", arguments: [
        ("Bộ Kế hoạch và Đầu tư vừa ban hành Công văn 9399/BKHĐT-QLKKT về việc báo cáo.\nXem chi tiết tại Công văn 9399/BKHĐT-QLKKT ngày 18/12/2019.", "9399/BKHĐT-QLKKT", "2019-12-18"),
        ("(Ban hành kèm theo Quyết định số 3240 /QĐ-UBND ngày 19 tháng 6 năm 2013 của Chủ tịch)", "3240/QĐ-UBND", "2013-06-19"),
        ("Ngày 02/03/2022, Giám đốc Sở Khoa học và Công nghệ đã ký ban hành Công văn số 343/SKHCN-VP về việc báo cáo.", "343/SKHCN-VP", "2022-03-02"),
        // A title's "ban hành Khung …" first; then the directive's own "ban hành Quyết định số".
        ("UBND tỉnh ban hành Khung kế hoạch thời gian năm học\nNgày 04/8/2017, UBND tỉnh vừa ban hành Quyết định số 1435/QĐ-UBND về việc ban hành khung kế hoạch.", "1435/QĐ-UBND", "2017-08-04"),
        ("UBND tỉnh ban hành Kế hoạch triển khai sắp xếp các đơn vị hành chính (ĐVHC) cấp xã (Kế hoạch số 111/KH-UBND, ngày 14/6/2019).", "111/KH-UBND", "2019-06-14"),
        ("Công văn số 381/SGDĐT-VP ngày 28/02/2020 của Sở Giáo dục và Đào tạo.\nCác trường báo cáo trước ngày 10/3/2020.", "381/SGDĐT-VP", "2020-02-28"),
        ("Theo văn bản 2642/UBND-KT ngày 19/11/2010, Chủ tịch UBND tỉnh yêu cầu các huyện báo cáo trước ngày 20/12/2010.", "2642/UBND-KT", "2010-11-19"),
        ("Các huyện báo cáo trước ngày 20/12/2010.\nNguồn CV 2642/UBND-KT ngày 19/11/2010.", "2642/UBND-KT", "2010-11-19"),
        ("Ngày 02/01/2024, Thanh tra Chính phủ đã ban hành Thông tư 01/2024/TT-TTCP quy định chế độ báo cáo.", "01/2024/TT-TTCP", "2024-01-02"),
        // A symbol written with spaces.
        ("Sở Văn hóa và Thể thao vừa có công văn số 51/ SVHTT - NVVH ngày 10/01/2024 về việc gia hạn cuộc thi.", "51/SVHTT-NVVH", "2024-01-10"),
        // A headline's own dates on the line above date nothing.
        ("Hoàn thành cấp giấy chứng nhận trước ngày 20/12/2010 (22/11/2010)\nNgày 19/11/2010, UBND tỉnh vừa ban hành Công văn 2642/UBND-KT về việc cấp giấy.", "2642/UBND-KT", "2010-11-19"),
    ])
    func proseNumber(_ text: String, _ number: String, _ issued: String) {
        let d = draft(text + "\n")
        #expect(d.number == number)
        #expect(d.issued?.description == issued)
    }

    @Test("a number without its symbol before 'về', and 'vừa có Văn bản số' with no date")
    func bareProseNumber() {
        #expect(draft("Ngày 16/8, UBND tỉnh ban hành Quyết định số 1513 về khung kế hoạch thời gian năm học.\n").number == "1513")
        let d = draft("Ban Thi đua - Khen thưởng tỉnh vừa có Văn bản số 235/TĐKT-HCTH về việc lấy ý kiến.\n")
        #expect(d.number == "235/TĐKT-HCTH")
        #expect(d.issued == nil)
        #expect(draft("Mới đây, Thông tư 01/2019/TT-BQP vừa được Bộ Quốc phòng ban hành quy định chế độ báo cáo.\n").number == "01/2019/TT-BQP")
        // "đã có" more often recalls an earlier text than it reports this one.
        #expect(draft("Bộ Tư pháp đã có Công văn số 86/BTP-KHTC về việc báo cáo, đến nay nhiều đơn vị chưa gửi.\n").number == nil)
        #expect(draft("Sở Nội vụ trân trọng giới thiệu toàn văn Văn bản số581/BNV-CCHC và các biểu mẫu.\n").number == nil)
        #expect(draft("Bộ Nội vụ vừa có Văn bản số581/BNV-CCHC về báo cáo cải cách hành chính.\n").number == "581/BNV-CCHC")
        // A directive merely cited is another document.
        #expect(draft("Thực hiện Công văn số 12/UBND-VP ngày 02/3/2024 của UBND huyện, các xã báo cáo trước ngày 20/3/2024.\n").number == nil)
    }

    @Test("a text whose only limits no work governs drafts them with their sentence, and says so")
    func unattachedLimitsWhenNothingElse() throws {
        let d = draft("Thời gian niêm yết: 20 ngày, kể từ ngày 20 tháng 5 năm 2023 đến hết ngày 08 tháng 6 năm 2023.\n")
        #expect(deadlines(d).map { $0.date?.description } == ["2023-06-08"])
        #expect(d.tasks.allSatisfy { $0.tentative })
        #expect(d.warnings.contains { $0.contains("không gắn với việc báo cáo") && $0.contains("cần kiểm tra lại") })
        // Beside a limit with its work it is tentative too; the governed one is firm.
        let both = draft("Thời gian niêm yết: 20 ngày, kể từ ngày 20/5/2023 đến hết ngày 08/6/2023.\nCác hộ gửi ý kiến về UBND xã trước ngày 10/6/2023.\n")
        #expect(both.tasks.filter { !$0.tentative }.compactMap { $0.deadline?.date?.description } == ["2023-06-10"])
        #expect(both.tasks.filter(\.tentative).compactMap { $0.deadline?.date?.description } == ["2023-06-08"])
        // Written as a comment even when its units are known, so nothing is reminded unconfirmed.
        let known = DirectiveImporter(directory: TestSupport.district).draft(
            text: "Kính gửi: UBND các xã.\nThời gian niêm yết: 20 ngày, kể từ ngày 20/5/2023 đến hết ngày 08/6/2023.\n", sourceName: "t.txt")
        let tentative = try #require(known.tasks.first { $0.tentative })
        #expect(tentative.commentedOut == DraftTask.tentativeReason)
        #expect(YAMLRenderer.render(known).contains("kiểm tra việc và hạn rồi bỏ dấu # để dùng"))
    }

    @Test("a day told with its hours is an event, not a limit")
    func dayWithItsHours() {
        let d = draft("Các xã tổ chức lấy ý kiến cử tri trong ngày 06/7/2019 (Thứ 7) từ 7 giờ 00 phút đến 17 giờ 00 phút; báo cáo kết quả về UBND huyện trước ngày 10/7/2019.\n")
        #expect(deadlines(d).map { $0.date?.description } == ["2019-07-10"])
    }

    @Test("a limit in brackets ending a sentence without a verb dates the work of the sentence before")
    func bracketedLimitAfterItsWork() {
        let d = draft("""
        Mọi sự đóng góp xin gửi đến Tổng cục qua Văn phòng Tổng cục. Số tài khoản: 93401.182 tại Kho bạc Nhà nước Ba Đình (chậm nhất là ngày 25/10/2010).
        """)
        #expect(deadlines(d).map { $0.date?.description } == ["2010-10-25"])
        #expect(d.tasks.first?.action.hasPrefix("Gửi") == true, "\(d.tasks.map(\.action))")
    }

    @Test("a page names its directive as signed, sent or attached to, and a Party number joins its symbol with a dash")
    func signedSentAttached() {
        #expect(draft("Ngày 24/11, Phó Chủ tịch Hội đã ký văn bản số 1117/ĐCT-TG về việc điều chỉnh thời gian nhận bài.\n").number == "1117/ĐCT-TG")
        let sent = draft("Sở Văn hóa và Thể thao vừa gửi công văn số 51/SVHTT-NVVH ngày 10/01/2024 về việc đề nghị phối hợp.\n")
        #expect(sent.number == "51/SVHTT-NVVH")
        #expect(sent.issued?.description == "2024-01-10")
        #expect(draft("(Kèm theo Kế hoạch số 08/KH-UBND ngày 26/9/2019 của UBND xã Đông Giang)\nNộp báo cáo trước ngày 06/9/2019.\n").number == "08/KH-UBND")
        #expect(draft("(Kèm Thông báo số 128/TB-HĐBT ngày 20/5/2023 của Hội đồng bồi thường)\nCác hộ gửi ý kiến.\n").number == "128/TB-HĐBT")
        #expect(draft("Đồng chí Bí thư đã ký ban hành Công văn số 1079-CV/ĐU về việc phát động cuộc thi.\n").number == "1079-CV/ĐU")
        // A blank form far down its page names the directive it was issued with.
        let form = draft("Số:........./......3.....\n" + String(repeating: "Chỉ tiêu\n", count: 45)
                         + "Ban hành theo Thông tư số 08/2012/TT-BKHĐT ngày 7/11/2012 của Bộ trưởng Bộ Kế hoạch và Đầu tư\n")
        #expect(form.number == "08/2012/TT-BKHĐT")
        #expect(form.issued?.description == "2012-11-07")
        // Inside a sentence, a form "kèm theo" a directive is a cited one.
        #expect(draft("Các xã báo cáo theo mẫu kèm theo Thông tư số 12/2020/TT-BNV trước ngày 20/3/2024.\n").number == nil)
    }

    @Test("an article's page and an excerpt name their text: 'Điều 11 Thông tư …', '(trích Nghị định …)'")
    func articleAndExcerpt() {
        #expect(draft("Điều 11 Thông tư 01/2020/TT-VPCP quy định về chế độ báo cáo định kỳ\nBáo cáo năm gửi trước ngày 17/12 hằng năm.\n").number == "01/2020/TT-VPCP")
        #expect(draft("Điều 11. Thời gian lấy ý kiến (trích Nghị định 54/2018/NĐ-CP)\nTrong thời hạn 10 ngày kể từ ngày nhận, UBND cấp xã báo cáo.\n").number == "54/2018/NĐ-CP")
    }

    @Test("a form's corner 'Ngày nhận báo cáo: 10 tháng 7 hàng năm' recurs yearly for the form")
    func receivingDayLabel() {
        let d = draft("""
        Biểu số: 02/BC-H
        Ban hành kèm theo Thông tư số 23/2011/TT-BVHTTDL ngày 30 tháng 12 năm 2011
        Ngày nhận báo cáo: 10 tháng 7 hàng năm
        Đơn vị báo cáo: Phòng Văn hóa và Thông tin
        BÁO CÁO THỐNG KÊ
        """)
        #expect(deadlines(d).map { $0.rule ?? "-" } == ["FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=10"])
        #expect(d.tasks.first?.action == "Biểu 02/BC-H")
    }

    @Test("items labelled 'Tuần 4:' under a sentence ending in ':' take its verb, each at its hour")
    func labelledItems() {
        let d = draft("""
        Kính gửi: Các trường THPT.
        Các đợt báo cáo hàng tuần, cụ thể:
        Tuần 4: Trước 16 giờ 00, ngày 01/10/2021
        Tuần 5: Trước 16 giờ 00, ngày 08/10/2021
        """)
        #expect(deadlines(d).map { "\($0.kind) \($0.date?.description ?? "-") \($0.time ?? "-")" } == ["at 2021-10-01 16:00", "at 2021-10-08 16:00"])
    }

    @Test("the items under 'Thời hạn gửi báo cáo:' give each report's day without a marker word")
    func reportTimeList() {
        let d = draft("""
        Kính gửi: Phòng Tư pháp các huyện.
        1. Thời hạn gửi báo cáo:
        - Báo cáo tháng: ngày 20 hàng tháng;
        - Báo cáo quý: ngày 20 của tháng cuối quý;
        - Báo cáo năm: ngày 20/11.
        2. Thời gian chốt số liệu: ngày 14 của tháng báo cáo.
        """)
        #expect(deadlines(d).map { $0.rule ?? "-" } == ["FREQ=MONTHLY;BYMONTHDAY=20", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20",
                                                        "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=20"])
    }

    @Test("a text dated only by its lunar year 'Tết Mậu Tý' reads its dates in 2008")
    func lunarYearName() {
        let d = draft("Các bộ, ngành báo cáo tình hình Tết về Văn phòng Chính phủ trước ngày 12-2 (mùng 6 Tết Mậu Tý).\n")
        #expect(deadlines(d).map { $0.date?.description ?? "-" } == ["2008-02-12"])
    }

    @Test("a timetable whose date column comes first gives each step the last day of its cell")
    func dateFirstTimetable() {
        let d = draft("""
        Lịch công tác tổ chức xét tốt nghiệp năm 2018:
        THỜI GIAN
        NỘI DUNG CÔNG VIỆC
        ĐƠN VỊ, CÁ NHÂN THỰC HIỆN
        Từ 09.5.2018 đến 10.5.2018
        – Giáo viên chủ nhiệm lớp 9 gửi các danh sách người học về nhà trường.
        14.5.2018
        – Các cơ sở giáo dục hoàn tất hồ sơ và gửi về Phòng Giáo dục và Đào tạo.
        """)
        #expect(deadlines(d).map { "\($0.kind.rawValue) \($0.date?.description ?? "-")" } == ["through 2018-05-10", "through 2018-05-14"])
    }

    @Test("under a 'Thời gian' column every step is work to finish by its day, but a meeting or an announcement is held on it")
    func timetableSteps() {
        let d = draft("""
        Lịch xét công nhận năm 2019:
        TT
        Nội dung công việc
        Thời gian
        1
        Thông báo lịch xét công nhận năm 2019
        10/4
        2
        Văn phòng Hội đồng tập hợp danh sách các hội đồng cơ sở
        25/5
        3
        Họp Hội đồng xét duyệt hồ sơ ứng viên
        30/5
        """)
        #expect(deadlines(d).map { "\($0.kind.rawValue) \($0.date?.description ?? "-")" } == ["through 2019-05-25"])
    }
}

@Suite("Drafts that must not run as they read")
struct UnsafeDraftTests {
    @Test("a yearly report's day without its month is drafted as a comment, not as a rule that falls every month")
    func yearlyDayWithoutMonth() throws {
        let d = DirectiveImporter().draft(text: """
        NGÂN HÀNG NHÀ NƯỚC VIỆT NAM
        Số: 35/2024/TT-NHNN
        Hà Nội, ngày 10 tháng 4 năm 2024
        THÔNG TƯ
        Báo cáo năm: các đơn vị gửi báo cáo chậm nhất vào ngày 20.
        """, sourceName: "tt.txt")
        let task = try #require(d.tasks.first { $0.deadline?.kind == .every })
        #expect(task.deadline?.rule?.contains("BYMONTH=") == false)
        #expect(task.dueCommentedOut?.contains("tháng nào trong năm") == true)
    }
}
