public import Foundation
public import NhacHanCore

/// Reads a secret by reference, at the moment it is needed; the value is never logged.
public enum Secrets {
    /// A secret that is not there; says which, never what.
    public struct Missing: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public static func resolve(_ reference: SecretReference, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        switch reference {
        case .environment(let name):
            guard let value = environment[name], !value.isEmpty else {
                throw Missing(description: "biến môi trường \(name) chưa được đặt (environment variable not set)")
            }
            return value
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw Missing(description: "không đọc được tệp bí mật \(path) (cannot read secret file)")
            }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// A key's bytes: a file's text without its line end (`openssl rand -hex 32`), or its raw
    /// bytes when it is not text (`head -c 32 /dev/urandom`); a variable's UTF-8.
    public static func bytes(_ reference: SecretReference, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [UInt8] {
        guard case .file(let path) = reference else { return Array(try resolve(reference, environment: environment).utf8) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Missing(description: "không đọc được tệp bí mật \(path) (cannot read secret file)")
        }
        if let text = String(data: data, encoding: .utf8), !text.contains("\0") {
            return Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8)
        }
        return Array(data)
    }
}

