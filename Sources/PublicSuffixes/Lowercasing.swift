internal import CPSL

/// `name` in lower case, the only case libpsl matches.
///
/// ASCII names (the vast majority, punycode included) are lower-cased here without a round trip through C.
/// Other names go through `psl_str_to_utf8lower`, so that Unicode case mapping is exactly libpsl's own. The
/// encoding is given as "utf-8" explicitly: with NULL, libpsl uses the process locale's codeset, which in
/// the C locale (services, containers) is ASCII, and every non-ASCII name would fail to convert.
func lowercased(_ name: String) throws(DomainNameError) -> String {
    if name.utf8.allSatisfy({ $0 < 0x80 }) {
        guard name.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else {
            return name
        }
        return String(decoding: name.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 },
                      as: UTF8.self)
    }
    guard !name.utf8.contains(0) else { throw DomainNameError.invalidCharacter("\0") }
    var lower: UnsafeMutablePointer<CChar>?
    let result = psl_str_to_utf8lower(name, "utf-8", nil, &lower)
    defer { psl_free_string(lower) }
    guard result == PSL_SUCCESS, let lower else {
        throw DomainNameError.lowercasingFailed(code: Int32(result.rawValue))
    }
    return String(cString: lower)
}
