import ArgumentParser
import Foundation
import HummingbirdBcrypt

/// `nhachan hash-password`: a bcrypt hash for `http.coordinators`, from a password on stdin.
struct HashPassword: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash-password",
        abstract: "Đọc mật khẩu từ đầu vào chuẩn, in mã bcrypt để đặt vào http.coordinators[].password_hash.",
        discussion: "Ví dụ: nhachan hash-password < /dev/tty. Mật khẩu không được in ra, không ghi vào nhật ký; cần 10 đến 72 byte.")

    @Option(help: "Chi phí bcrypt (10-15); 12 mất khoảng 0,25 giây mỗi lần đăng nhập.")
    var cost: Int = 12

    func run() throws {
        guard (10...15).contains(cost) else { throw ValidationError("--cost phải từ 10 đến 15") }
        let interactive = isatty(STDIN_FILENO) == 1
        if interactive { FileHandle.standardError.write(Data("Mật khẩu: ".utf8)) }
        let password = withEchoOff(interactive) { readLine(strippingNewline: true) ?? "" }
        if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
        guard password.utf8.count >= 10 else { throw ValidationError("mật khẩu quá ngắn: cần ít nhất 10 ký tự") }
        guard password.utf8.count <= 72 else { throw ValidationError("mật khẩu quá dài: bcrypt chỉ đọc 72 byte đầu") }
        print(Bcrypt.hash(password, cost: UInt8(cost)))
    }

    /// Runs `body` with the terminal's echo off, so the password is not shown as it is typed.
    private func withEchoOff<T>(_ interactive: Bool, _ body: () -> T) -> T {
        guard interactive else { return body() }
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        return body()
    }
}
