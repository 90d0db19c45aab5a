internal import CPhoneNumbers

/// Reads phone numbers with libphonenumber: whether a candidate is a real number, and which.
///
/// Safe to call from any number of tasks at once: libphonenumber's `PhoneNumberUtil` is a process-wide
/// singleton created under `pthread_once`, whose methods are `const` and whose shared regular-expression
/// cache is guarded by a mutex (Debian builds the POSIX-threads flavour). The first call loads the
/// metadata for every region (a few milliseconds).
public enum PhoneNumberValidator {
    /// What libphonenumber says about `text`, reading national forms ("020 7946 0958") as numbers of
    /// `defaultRegion` (ISO 3166-1 alpha-2 such as "GB", any case); nil when `text` is not a phone number
    /// at all. Check `isValid` before treating the result as a real number.
    public static func validate(_ text: String, defaultRegion: String) -> PhoneNumberInfo? {
        try? parse(text, defaultRegion: defaultRegion)
    }

    /// What libphonenumber says about the UTF-8 `bytes` (a candidate sliced out of a record).
    public static func validate(utf8 bytes: ArraySlice<UInt8>, defaultRegion: String) -> PhoneNumberInfo? {
        try? parse(utf8: bytes, defaultRegion: defaultRegion)
    }

    /// Like `validate`, but says why `text` is not a phone number.
    public static func parse(_ text: String, defaultRegion: String) throws(PhoneNumberParseError) -> PhoneNumberInfo {
        var text = text
        return try text.withUTF8 { parse(UnsafeRawBufferPointer($0), defaultRegion: defaultRegion) }.get()
    }

    /// Like `validate(utf8:defaultRegion:)`, but says why `bytes` are not a phone number.
    public static func parse(utf8 bytes: ArraySlice<UInt8>,
                             defaultRegion: String) throws(PhoneNumberParseError) -> PhoneNumberInfo {
        try bytes.withUnsafeBytes { parse($0, defaultRegion: defaultRegion) }.get()
    }

    /// The one call into C. It returns a Result rather than throwing because `withUTF8` and `withUnsafeBytes`
    /// rethrow untyped errors, which would lose the error's type on the way out.
    private static func parse(_ buffer: UnsafeRawBufferPointer,
                              defaultRegion: String) -> Result<PhoneNumberInfo, PhoneNumberParseError> {
        var info = datalint_phone_info()
        // An empty buffer may have no address; the C side needs one even for zero bytes.
        let text = buffer.baseAddress?.assumingMemoryBound(to: CChar.self)
        let status = normalizedRegion(defaultRegion).withCString { region in
            if let text {
                return datalint_phone_parse(text, buffer.count, region, &info)
            }
            return datalint_phone_parse("", 0, region, &info)
        }
        guard status == DATALINT_PHONE_PARSED else { return .failure(PhoneNumberParseError(status)) }
        return .success(PhoneNumberInfo(
            isPossible: info.is_possible,
            isValid: info.is_valid,
            e164: string(from: info.e164),
            countryCode: Int(info.country_code),
            regionCode: { $0 == "ZZ" || $0.isEmpty ? nil : $0 }(string(from: info.region)),
            type: PhoneNumberType(info.type)))
    }

    /// libphonenumber matches region codes case-sensitively and only in upper case ("us" is unknown to it);
    /// anything that is not two ASCII letters becomes "ZZ", the unknown region, so only "+" numbers parse.
    private static func normalizedRegion(_ region: String) -> String {
        let letters = region.utf8.map { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") ? $0 - 0x20 : $0 }
        guard letters.count == 2, letters.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else {
            return "ZZ"
        }
        return String(decoding: letters, as: UTF8.self)
    }

    /// The NUL-terminated string in a fixed-size C `char` array, which Swift imports as a tuple.
    private static func string<Buffer>(from buffer: Buffer) -> String {
        withUnsafeBytes(of: buffer) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
