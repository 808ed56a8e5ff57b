@testable import NhacHanImport
import Testing

@Suite("Text normalisation")
struct NormalizationTests {
    private func clean(_ s: String) -> String {
        LineCleaner.clean(Substring(s), sourceLine: 1, blankBefore: false).map(\.text).joined(separator: " | ")
    }

    @Test("a combining accent split from its letter by a space is re-attached")
    func accents() {
        #expect(clean("có hoa \u{0323}t động") == "có hoạt động")
        #expect(clean("tổ chức ca \u{0301}c hoạt") == "tổ chức các hoạt")
        #expect(clean("xa \u{0303} hội va \u{0300} nghề") == "xã hội và nghề")
    }

    @Test("NFD input comes out NFC")
    func nfc() {
        let nfd = "Phòng".decomposedStringWithCanonicalMapping
        #expect(clean(nfd).unicodeScalars.count == 5)
    }

    @Test("letter-spaced runs collapse: single spaces join letters, wider gaps separate words")
    func letterSpacing() {
        #expect(clean("C h ủ  t r ì ,  p h ố i  h ợ p") == "Chủ trì, phối hợp")
        #expect(clean("n h â n   v à   c ộ n g   đ ồ n g") == "nhân và cộng đồng")
        #expect(clean("“ N g à y  C ô n g  2 5 / 3 / 2 0 2 3 ”") == "“Ngày Công 25/3/2023”")
    }

    @Test("two table cells flattened without a space are parted where capitals follow a lowercase letter")
    func gluedCells() {
        #expect(clean("Ngày 17 hàng thángBÁO CÁO HOẠT ĐỘNG") == "Ngày 17 hàng tháng BÁO CÁO HOẠT ĐỘNG")
        #expect(clean("Ngày 31/7 năm sauKHÁCH SẠN") == "Ngày 31/7 năm sau KHÁCH SẠN")
        #expect(clean("UBND huyện Bình Sơn, Biểu 11a/BTP") == "UBND huyện Bình Sơn, Biểu 11a/BTP")
        #expect(clean("đăng ký online tại đâyHạn chót đăng ký: 09h00") == "đăng ký online tại đây Hạn chót đăng ký: 09h00")
        #expect(clean("Theo VnExpress, ThS. Nguyễn Văn A dùng iPhone") == "Theo VnExpress, ThS. Nguyễn Văn A dùng iPhone")
        #expect(clean("gửi trước ngày18/8/2016để tổng hợp") == "gửi trước ngày 18/8/2016 để tổng hợp")
        #expect(clean("Số 12/2016/QĐ-UBND, cúm H5N1, Biểu 11a/BTP, 17h00") == "Số 12/2016/QĐ-UBND, cúm H5N1, Biểu 11a/BTP, 17h00")
    }

    @Test("real one-letter words and short lists are not merged")
    func oneLetterWords() {
        #expect(clean("ý kiến ở xã và a) b) c)") == "ý kiến ở xã và a) b) c)")
        #expect(clean("Điều 1 , 2 , 3 và 4") == "Điều 1 , 2 , 3 và 4")
        #expect(clean("mục a b c") == "mục a b c")
    }

    @Test("markdown emphasis and headings are stripped, the heading is remembered")
    func markdown() {
        #expect(clean("Số: **550** /UBND-VX") == "Số: 550 /UBND-VX")
        #expect(clean("(*qua Phòng Lao động*) **trước ngày 04/4/2024**") == "(qua Phòng Lao động) trước ngày 04/4/2024")
        let h = LineCleaner.clean("### **III. THỜI GIAN**", sourceLine: 1, blankBefore: false)
        #expect(h.first?.text == "III. THỜI GIAN")
        #expect(h.first?.emphasized == true)
    }

    @Test("two columns split at wide gaps, but not a blank day to fill in")
    func columns() {
        #expect(clean("ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI") == "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI")
        #expect(clean("Sơn Dương, ngày       tháng 3 năm 2023") == "Sơn Dương, ngày tháng 3 năm 2023")
    }

    @Test("lines broken mid-sentence join; markers, openers and ended sentences start paragraphs")
    func joining() {
        let text = """
        1. Phòng Giáo dục và Đào tạo

        Chỉ đạo các trường tổ chức các hoạt động kỷ niệm thiết thực

        nhằm thu hút sự quan tâm của giáo viên.
        - Phòng GD&ĐT, các tổ chức CT-

        XH huyện;
        3. Đề nghị các tổ chức chính trị
        - xã hội tỉnh: phối hợp.
        """
        let (lines, _) = DirectiveImporter.cleanLines(text)
        let ps = ParagraphJoiner.join(lines).map(\.text)
        #expect(ps == [
            "1. Phòng Giáo dục và Đào tạo",
            "Chỉ đạo các trường tổ chức các hoạt động kỷ niệm thiết thực nhằm thu hút sự quan tâm của giáo viên.",
            "- Phòng GD&ĐT, các tổ chức CT-XH huyện;",
            "3. Đề nghị các tổ chức chính trị - xã hội tỉnh: phối hợp.",
        ])
    }

    @Test("a flattened table's numbered rows are rows; a count opening a broken line is not")
    func numberedRows() {
        let text = """
        STT Tên thủ tục Ngày thụ lý Mức độ
        1 Thủ tục Thành lập trường trung học phổ thông 40 ngày làm việc
        2 Cho phép hoạt động giáo dục 20 ngày làm việc
        3 Giải thể trường trung học phổ thông 20 ngày làm việc.
        Các xã hoàn thành việc rà soát trong
        30 Ngày kể từ ngày nhận văn bản
        """
        let (lines, _) = DirectiveImporter.cleanLines(text)
        let ps = ParagraphJoiner.join(lines).map(\.text)
        #expect(ps.count == 5)
        #expect(ps[1] == "1 Thủ tục Thành lập trường trung học phổ thông 40 ngày làm việc")
        #expect(ps[3] == "3 Giải thể trường trung học phổ thông 20 ngày làm việc.")
        #expect(ps[4].hasSuffix("trong 30 Ngày kể từ ngày nhận văn bản"))
    }

    @Test("a table row's number is not the work")
    func rowNumberLeftOut() {
        #expect(TaskAssembler.withoutRowNumber("1 Thủ tục Thành lập trường") == "Thủ tục Thành lập trường")
        #expect(TaskAssembler.withoutRowNumber("2 phương án tuyển sinh") == "2 phương án tuyển sinh")
        #expect(TaskAssembler.withoutRowNumber("2024 Báo cáo") == "2024 Báo cáo")
    }

    @Test("every offset of a joined paragraph maps back to its 1-based source line")
    func offsetMap() {
        let (lines, _) = DirectiveImporter.cleanLines("Báo cáo kết quả về UBND huyện\n\ntrước ngày\n29/3/2024.")
        let p = ParagraphJoiner.join(lines)[0]
        let text = p.text
        let at = { (s: String) in text.unicodeScalars.distance(from: text.unicodeScalars.startIndex,
                                                                to: text.range(of: s)!.lowerBound.samePosition(in: text.unicodeScalars)!) }
        #expect(p.lines(at("Báo")..<(at("Báo") + 3)) == LineRange(1, 1))
        #expect(p.lines(at("trước")..<(at("trước") + 5)) == LineRange(3, 3))
        #expect(p.lines(at("trước")..<p.count) == LineRange(3, 4))
        #expect(p.lines == LineRange(1, 4))
    }

    @Test("folding ignores diacritics and reads đ as d")
    func folding() {
        #expect(Fold.key("Đào tạo ĐỘI") == "dao tao doi")
        #expect(UnitKey.key("Phòng LĐ-TB&XH") == UnitKey.key("phòng Lao động, Thương binh và Xã hội"))
        #expect(UnitKey.key("Trung tâm VH-TT&TT") == UnitKey.key("Trung tâm Văn hóa, Thông tin và Thể thao"))
        #expect(UnitKey.key("UBND xã, thị trấn") == UnitKey.key("Ủy ban nhân dân các xã – thị trấn"))
    }
}
