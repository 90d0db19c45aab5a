import PublicSuffixes
import Testing

@Test func builtInListHasRulesAndAKnownSource() {
    let data = PublicSuffixList.builtInData
    #expect(PublicSuffixList.builtIn.source == .builtIn)
    #expect((PublicSuffixList.builtIn.ruleCount ?? 0) > 5000)
    #expect(data.libraryVersion.hasPrefix("0."))
    #expect(!data.sourceFile.isEmpty)
    #expect(data.sha1.count == 40)
    // The list is dated: anything before 2020 would mean a broken build, not just an old one.
    #expect(data.modificationTime > 1_577_836_800)
}

@Test func latestListAgreesWithTheBuiltInOneOnStableRules() {
    let latest = PublicSuffixList.latest
    #expect(latest.source == .builtIn || latest.source == .distribution)
    for suffix in ["com", "co.uk", "github.io", "xn--fiqs8s"] {
        #expect(latest.isPublicSuffix(suffix), "\(suffix)")
    }
    #expect(latest.registrableDomain(of: "a.b.example.co.uk") == "example.co.uk")
}

@Test func loadingAMissingFileFails() {
    #expect(throws: PublicSuffixListError.cannotLoad(path: "/nonexistent/list.dat")) {
        try PublicSuffixList(contentsOf: "/nonexistent/list.dat")
    }
}

@Test func lookupsFromManyTasksAtOnceAgree() async {
    let names = ["a.b.example.co.uk", "www.bücher.de", "octocat.github.io", "foo.kawasaki.jp", "x.y.z.com"]
    let expected = names.map { PublicSuffixList.builtIn.registrableDomain(of: $0) }
    let answers = await withTaskGroup(of: [String?].self) { group in
        for _ in 0..<8 {
            group.addTask {
                var last: [String?] = []
                for _ in 0..<200 {
                    last = names.map { PublicSuffixList.builtIn.registrableDomain(of: $0) }
                }
                return last
            }
        }
        return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(answers.allSatisfy { $0 == expected })
}
