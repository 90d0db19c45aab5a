import Diagnostics
@testable import PIIStage
import Testing

@Test func publicIPv4IsAWarningAndMasked() {
    guard let (diagnostic, text) = single("the server at 81.2.69.160 answered") else { return }
    #expect(diagnostic.code == PIICode.ipAddress.code)
    #expect(diagnostic.severity == .warning)
    #expect(text == "81.2.69.160")
    #expect(!diagnostic.message.contains("81.2.69.160"))
}

@Test func privateLoopbackAndDocumentationIPv4AreInfo() {
    for address in ["192.168.1.20", "10.0.0.5", "127.0.0.1", "203.0.113.9", "172.20.1.1", "8.8.8.8"] {
        guard let (diagnostic, text) = single("ping \(address) now") else { continue }
        #expect(diagnostic.severity == .info, "\(address)")
        #expect(text == address)
    }
}

@Test func versionsAndDottedNumbersAreNotIPv4() {
    #expect(codes("upgrade to version 10.2.31.4") == [])
    #expect(codes("Chrome 120.0.6099.109") == [])
    #expect(codes("see section 1.2.3.4 of the spec") == [])
    #expect(codes("OID 1.3.6.1.4.1.311") == [])
    #expect(codes("not an address: 300.1.2.3") == [])
    #expect(codes("leading zeros 01.02.03.04 are dates") == [])
    #expect(codes("v1.22.3.4") == [])
}

@Test func ipv6AddressesAreValidatedAndClassified() {
    guard let (global, text) = single("reach us at 2a00:1450:4001:82a::200e today") else { return }
    #expect(global.severity == .warning)
    #expect(text == "2a00:1450:4001:82a::200e")
    for address in ["::1", "fe80::1ff:fe23:4567:890a", "2001:db8::8a2e:370:7334", "fd12:3456:789a::1"] {
        guard let (diagnostic, text) = single("host \(address).") else { continue }
        #expect(diagnostic.severity == .info, "\(address)")
        #expect(text == address)
    }
}

@Test func colonSeparatedNonAddressesAreNotIPv6() {
    #expect(codes("at 12:30:45 we met") == [])
    #expect(codes("std::vector<int> v; v[1::2]") == [])
    #expect(codes("a[1::2] and b[::3]") == [])
    #expect(codes("ratio 1:2:3:4") == [])
}

@Test func macAddressesAreReportedWithConsistentSeparators() {
    guard let (diagnostic, text) = single("device 3c:22:fb:5a:19:0e joined") else { return }
    #expect(diagnostic.code == PIICode.macAddress.code)
    #expect(text == "3c:22:fb:5a:19:0e")
    #expect(diagnostic.message.contains("3c:22:fb:xx:xx:xx"))
    #expect(codes("mixed 3c:22-fb:5a:19:0e") == [])
    #expect(codes("longer 3c:22:fb:5a:19:0e:77") == [])
}

@Test func ciscoDottedMACAddressesAreReported() {
    guard let (diagnostic, text) = single("The device b879.7b87.2654 keeps dropping off Wi-Fi.") else { return }
    #expect(diagnostic.code == PIICode.macAddress.code)
    #expect(diagnostic.severity == .warning)
    #expect(text == "b879.7b87.2654")
    #expect(diagnostic.message.contains("b879.7bxx.xxxx"))
    #expect(!diagnostic.message.contains("2654"))
    #expect(codes("Whitelist B879.7B87.2654 on the router.") == ["pii/mac-address"])
    guard let (null, _) = single("mac 0000.0000.0000 is unset") else { return }
    #expect(null.severity == .info)
}

@Test func dottedTriplesThatAreNotAddressesAreNotReported() {
    // All decimal: a build or part number, unless the text calls it a MAC address.
    #expect(codes("Running build 2023.1104.0912 now.") == [])
    #expect(codes("MAC address 2023.1104.0912") == ["pii/mac-address"])
    // No digit at all: words.
    #expect(codes("the magic value dead.beef.cafe") == [])
    // Pieces of longer dotted runs and glued names.
    #expect(codes("OID 1.3.b879.7b87.2654") == [])
    #expect(codes("host b879.7b87.2654.example") == [])
    #expect(codes("id xb879.7b87.2654") == [])
    #expect(codes("ends a sentence b879.7b87.2654.") == ["pii/mac-address"])
}

@Test func urlCredentialsCoverUserAndPassword() {
    guard let (diagnostic, text) = single("DATABASE_URL=postgres://admin:Xk92!mQ7z@db.internal.acme.io:5432/app") else { return }
    #expect(diagnostic.code == PIICode.urlCredentials.code)
    #expect(text == "admin:Xk92!mQ7z")
    #expect(!diagnostic.message.contains("Xk92!mQ7z"))
    guard let (placeholder, _) = single("postgres://user:password@localhost/db") else { return }
    #expect(placeholder.severity == .info)
    #expect(codes("see https://github.com/org/repo and mailto:x") == [])
}

@Test func fingerprintsAndVersionsAreNotAddresses() {
    #expect(codes("Fingerprint: 85:2C:4C:DE:CD:B3:8E:2F:DA:CE:98:EF:E0:A5:A9:AE:86:5A:90:2A") == [])
    #expect(codes("Key fingerprint is 1C:96:3C:B8:48:DB:C6:24:63:92:B1:A5:E8:D0:EF:BE:04:3C:2C:EB.") == [])
    #expect(codes("Requires 7.14.1.3 or later.") == [])
    #expect(codes("OID 6.15.17.64") == [])
    guard let (diagnostic, text) = single("the host 2a00:1450:4001:82a::200e: down") else { return }
    #expect(diagnostic.code == PIICode.ipAddress.code)
    #expect(text == "2a00:1450:4001:82a::200e")
}

@Test func ipv6InsideEscapedStringHasExactRange() {
    let line = #"{"text": "\u00e9\n\"ping 2a00:1450:4001:82a::200e\""}"#
    let found = check(line)
    #expect(found.map(\.code.rawValue) == ["pii/ip-address"])
    guard let diagnostic = found.first else { return }
    #expect(covered(diagnostic, in: line) == "2a00:1450:4001:82a::200e")
    #expect(applyingFix(diagnostic, to: line) == #"{"text": "\u00e9\n\"ping [IP]\""}"#)
}
