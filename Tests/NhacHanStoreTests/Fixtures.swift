import Foundation
import NhacHanStore

/// A delivery with sensible defaults; each test names only what it is about.
func delivery(
    _ key: String, sendAt: Int64 = 1_000, unit: String = "xã Bình Sơn", stageKeys: [String]? = nil,
    expiresAt: Int64? = nil
) -> DeliveryRecord {
    DeliveryRecord(
        key: key, messageKey: "msg-\(key)", unit: unit, channel: "email", target: "vanthu@binhson.gov.vn",
        role: "to", sendAt: sendAt, expiresAt: expiresAt, payload: #"{"subject":"Hạn nộp báo cáo"}"#,
        stageKeys: stageKeys ?? ["bc-quy/bao-cao/\(unit)/2026-03-31/\(key)"]
    )
}

/// A folder of its own under the system's temporary directory, removed when `body` returns.
func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("nhachan-store-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try await body(url)
}
