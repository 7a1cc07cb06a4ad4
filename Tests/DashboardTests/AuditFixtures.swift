import Foundation
import Storage

enum AuditFixtures {
    static func event(id: Int64, actor: String = "admin", action: String = "login", detail: String = "") -> AuditEvent {
        AuditEvent(id: id, at: Date(timeIntervalSince1970: 1_700_000_000 + Double(id)), actor: actor, action: action, outcome: .ok, detail: detail)
    }
}
