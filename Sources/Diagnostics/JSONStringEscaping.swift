/// Text for fixes that edit inside JSONL records: what a replacement must look like to stand in a JSON string.
///
/// Reporting has its own byte-level writer for diagnostics output, a measured hot path; fixes are few, so this
/// one favours being plain.
public enum JSONStringEscaping {
    /// `text` escaped to stand inside a JSON string (without the quotes): the quote, the backslash and control
    /// characters escaped, everything else — UTF-8 included — as it is.
    public static func escaped(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// `text` as a quoted JSON string.
    public static func quoted(_ text: String) -> String {
        "\"" + escaped(text) + "\""
    }
}
