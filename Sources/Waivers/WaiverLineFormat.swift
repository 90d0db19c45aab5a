import Diagnostics

/// How one waiver is written on its line: `CODE  xxh3:HASH  FILE  # note`.
///
/// The file is the rest of the line up to the comment, so file names may hold spaces. The few characters that
/// would end the field or the line are percent-encoded when written (`%` as `%25`, `#` as `%23`, tab, CR and LF);
/// on reading, `%` followed by two hex digits is decoded and any other `%` is kept, so hand-written names with a
/// plain `%` still work.
enum WaiverLineFormat {
    static func line(for waiver: Waiver) -> String {
        let fields = "\(waiver.code.rawValue)  \(waiver.record)  \(encodeFile(waiver.file))"
        guard let note = waiver.note, !note.isEmpty else { return fields }
        return fields + "  # " + note
    }

    static func encodeFile(_ file: String) -> String {
        var encoded = ""
        for character in file.unicodeScalars {
            switch character {
            case "%": encoded += "%25"
            case "#": encoded += "%23"
            case "\t": encoded += "%09"
            case "\n": encoded += "%0A"
            case "\r": encoded += "%0D"
            default: encoded.unicodeScalars.append(character)
            }
        }
        return encoded
    }

    static func decodeFile(_ field: ArraySlice<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(field.count)
        var index = field.startIndex
        while index < field.endIndex {
            if field[index] == UInt8(ascii: "%"), index + 2 < field.endIndex,
               let high = hexValue(field[index + 1]), let low = hexValue(field[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(field[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True for a code of the form `family/name`: lowercase ASCII letters, digits, `-`, `_` and `.` in each part.
    static func isWellFormedCode(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { part in
            !part.isEmpty && part.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            }
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
