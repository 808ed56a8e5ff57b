import GRDB

/// Reading and writing `deliveries` rows by hand: this sits on the claim and enqueue paths, where
/// `Codable` records would cost more than the SQL itself.
extension DeliveryRecord {
    static let columns = """
        key, message_key, unit, channel, target, role, send_at, expires_at, payload, stage_keys, \
        state, attempts, next_attempt_at, lease_until, lease_owner, last_error, response, \
        created_at, updated_at, sent_at
        """

    init(row: Row) throws {
        let stateName: String = row["state"]
        guard let state = DeliveryState(rawValue: stateName) else {
            throw UnreadableRow(message: "holds delivery '\(row["key"] as String)' in an unknown state '\(stateName)'")
        }
        self.init(
            key: row["key"], messageKey: row["message_key"], unit: row["unit"], channel: row["channel"],
            target: row["target"], role: row["role"], sendAt: row["send_at"], expiresAt: row["expires_at"],
            payload: row["payload"], stageKeys: try StageKeysJSON.decode(row["stage_keys"]), state: state,
            attempts: row["attempts"], nextAttemptAt: row["next_attempt_at"], createdAt: row["created_at"]
        )
        leaseUntil = row["lease_until"]
        leaseOwner = row["lease_owner"]
        lastError = row["last_error"]
        response = row["response"]
        updatedAt = row["updated_at"]
        sentAt = row["sent_at"]
    }
}
