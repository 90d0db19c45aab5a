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

    /// Words for a password or key in prose, an optional verb ("is", "ist", "est"…), the value.
    static let stated = #"(?i)(?:\bpassword|\bpasswort|\bkennwort|\bmot de passe|\bcontrase(?:ñ|n)a|\bsenha|\bsecret access key|\bsecret key|\bapi key|\baccess token)(?:\s{1,3}(?:is|ist|lautet|est|es|é|è|was))?\s{1,3}["'`]?"#
        + valueCharacters + "{8,}"

    /// A birth label in the languages datasets mix, an optional colon or verb, a date written with digits or a
    /// month name.
    static let birthDate = #"(?i)(?:\bborn(?:\s+on|\s+in)?|\bdate\s+of\s+birth|\bbirth\s?date|\bbirthday|\bdob|\bd\.o\.b\.?|\bgeburtsdatum|\bgeboren(?:\s+am)?|\bn(?:e|é)e?\s+le|\bdate\s+de\s+naissance|\bfecha\s+de\s+nacimiento|\bnacid[oa]\s+el|\bdata\s+de\s+nascimento|\bdata\s+di\s+nascita|\bnat[oa]\s+il|生年月日|出生日期)\s{0,3}(?::|：)?\s{0,3}(?:(?:is|ist|est|es|was)\s{1,3}|は)?"#
        + #"(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{4}年\d{1,2}月\d{1,2}日|[^\s\d.,:]{3,12}\.?\s{1,2}\d{1,2},?\s{1,2}\d{4}|\d{1,2}\.?\s{1,2}(?:de\s+)?[^\s\d.,:]{3,12}\.?\s{1,2}(?:de\s+)?\d{4})"#
}
