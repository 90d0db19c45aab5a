/// The expressions of the `assignment` detector: a value that a label in front of it names.
///
/// Three forms share the detector (and so its place in the order of precedence, after the fixed-format
/// credentials): a secret assigned in code or configuration (`api_key = "…"`), a secret stated in prose
/// (`Das Passwort ist …`, `secret access key …`), and a date of birth (`born on …`, `DOB: …`). The validator
/// tells them apart by the label at the start of the match.
enum LabelledValue {
    static let expression = [assigned, stated, birthDate].map { "(?:\($0))" }.joined(separator: "|")

    /// Characters of a secret value: letters, digits and the punctuation of passwords and Django-style keys.
    static let valueCharacters = #"[A-Za-z0-9+/=_.~$!@#%^&*()-]"#

    /// The name, an assignment (`=`, `:`, `:=`, `=>`, optionally quoted around), the value.
    static let assigned = #"(?i)(?:(?:api|access|secret|private|client|signing|encryption|master)[_-]?key|apikey|secret|token|passw(?:or)?d|pwd|credentials?)["']?\s{0,3}(?:=>|:=|[:=])\s{0,3}["'`]?"#
        + valueCharacters + "{8,}"

    /// Words for a password or key in prose and a verb ("is", "ist", "est"…), or "secret access key"; the value
    /// after them is read by the validator (a value pattern here, next to the one of `assigned`, made this
    /// expression take a quarter of a second to compile).
    static let stated = #"(?i)(?:password|passwort|kennwort|mot de passe|contraseña|contrasena|senha|secret key|api key|access token) (?:is|ist|lautet|est|es|é|è|was) ["'`]?|secret access key ["'`]?"#

    /// A birth label in the languages datasets mix. The date after it is read by the validator, not matched here:
    /// date alternatives after the labels made this expression take half a second to compile.
    static let birthDate = #"(?i)\bborn|\bdate\s+of\s+birth|\bbirth\s?date|\bbirthday|\bdob|\bd\.o\.b|\bgeburtsdatum|\bgeboren|\bn(?:e|é)e?\s+le|\bdate\s+de\s+naissance|\bfecha\s+de\s+nacimiento|\bnacid[oa]\s+el|\bdata\s+de\s+nascimento|\bdata\s+di\s+nascita|\bnat[oa]\s+il|生年月日|出生日期"#
}
