/// Triggers that are words of context (keywords that say what a nearby value is), kept apart from the
/// pattern-shaped triggers in `Trigger.swift`. Each starts with a literal, which Vectorscan scans for cheaply.
extension Trigger {
    static let contextual: [Trigger] = [
        // A secret named in prose: "Das Passwort ist …", "secret access key …".
        Trigger(#"(?i)passw(?:or)?[dt]|kennwort|mot de passe|contrase|senha|secret.?access.?key|secret key|api key|access token"#,
                [.assignment]),
        // A date of birth: "born on …", "DOB: …", "Geburtsdatum: …", "née le …", "生年月日：…".
        Trigger(#"(?i)born|birth|dob|d\.o\.b|geburtsdatum|geboren|naissance|nacimiento|nacid[oa] el|nascimento|nascita|nat[oa] il|née? le|生年月日|出生日期"#,
                [.assignment]),
    ]
}
