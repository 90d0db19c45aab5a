/// Triggers that are words of context (keywords that say what a nearby value is), kept apart from the
/// pattern-shaped triggers in `Trigger.swift`. Each starts with a literal, which Vectorscan scans for cheaply.
extension Trigger {
    static let contextual: [Trigger] = [
        // A secret named in prose: "Das Passwort ist …", "secret access key …".
        Trigger(#"(?i)passw(?:or)?[dt]|kennwort|mot de passe|contrase|senha|secret.?access.?key|secret key|api key|access token"#,
                [.assignment]),
        // A date of birth: "born on …", "DOB: …", "Geburtsdatum: …", "née le …", "生年月日：…"; the line is raw JSON,
        // so non-ASCII labels are also looked for as written with `\u` escapes. "dob" and "born" only as words (after
        // a non-letter or an escaped line break or tab): inside "Córdoba" or "stubborn" they sent every such string
        // through the precise pass, a fifth of the stage's cost on chat text.
        Trigger(#"(?i)(?:^|[^a-z0-9_]|\\[nrt])(?:born|dob)\b|birth|d\.o\.b|geburtsdatum|geboren|naissance|nacimiento|nacid[oa] el|nascimento|nascita|nat[oa] il|née? le|n\\u00e9e? le|生年月日|\\u751f\\u5e74\\u6708\\u65e5|出生日期|\\u51fa\\u751f\\u65e5\\u671f"#,
                [.assignment]),
    ]
}
