/// Triggers that are words of context (keywords that say what a nearby value is), kept apart from the
/// pattern-shaped triggers in `Trigger.swift`.
extension Trigger {
    static let contextual: [Trigger] = []
}
