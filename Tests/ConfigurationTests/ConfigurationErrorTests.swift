import Configuration
import Testing

@Test func tomlSyntaxErrorReportsItsLineAndColumn() {
    let text = """
        [check]
        fail_on = warning
        """
    #expect(problems(in: text) == [
        "conf/datalint.toml:2:11: invalid TOML: Error while parsing value: could not determine value type",
    ])
}

@Test func tomlSyntaxErrorColumnCountsBytesAfterNonASCII() {
    // toml++ counts columns in code points; datalint reports UTF-8 byte columns, so `é` counts twice.
    let text = "[format]\nroles = [\"é\"] x\n"
    let reported = problems(in: text)
    #expect(reported.count == 1)
    #expect(reported.first?.hasPrefix("conf/datalint.toml:2:16: invalid TOML: ") == true)
}

@Test func unknownKeyReportsItsLine() {
    let text = """
        [check]
        fail_on = "error"
        selct = ["format"]
        """
    #expect(problems(in: text) == [
        "conf/datalint.toml:3:1: unknown key 'selct' in [check]; did you mean 'select'?",
    ])
}

@Test func unknownKeyWithoutCloseMatchListsTheKnownKeys() {
    let text = "[format]\n  colour = 1\n"
    #expect(problems(in: text) == [
        "conf/datalint.toml:2:3: unknown key 'colour' in [format]; known keys: extra_keys, max_depth, roles, template_tokens",
    ])
}

@Test func unknownSectionReportsItsHeader() {
    let text = """
        [check]
        fail_on = "error"

        [chek]
        select = []
        """
    #expect(problems(in: text) == ["conf/datalint.toml:4:1: unknown section [chek]; did you mean [check]?"])
}

@Test func keyOutsideAnySectionSaysWhereItBelongs() {
    let text = "fail_on = \"never\"\n"
    #expect(problems(in: text) == [
        "conf/datalint.toml:1:1: unknown key 'fail_on' outside any section; it belongs in [check]",
    ])
}

@Test func sectionWrittenAsAPlainValueIsAnError() {
    #expect(problems(in: "check = 3\n") == ["conf/datalint.toml:1:1: 'check' must be a table ([check]), not an integer"])
}

@Test func wrongChoiceReportsTheValue() {
    let text = """
        [check]
        fail_on = "fatal"
        """
    #expect(problems(in: text) == [
        "conf/datalint.toml:2:11: 'fail_on' must be one of error, warning, info, never, not 'fatal'",
    ])
}

@Test func wrongTypeReportsTheKind() {
    let text = """
        [format]
        max_depth = "deep"
        roles = "user"
        """
    #expect(problems(in: text) == [
        "conf/datalint.toml:2:13: 'max_depth' must be an integer from 1 to 2048, not 'deep'",
        "conf/datalint.toml:3:9: 'roles' must be a list of non-empty strings, not 'user'",
    ])
}

@Test func outOfRangeIntegerIsAnError() {
    #expect(problems(in: "[format]\nmax_depth = 4096\n") == [
        "conf/datalint.toml:2:13: 'max_depth' must be an integer from 1 to 2048, not 4096",
    ])
}

@Test func badListElementIsLocatedAtTheElement() {
    let text = """
        [format]
        extra_keys = [
          "id",
          42,
        ]
        """
    #expect(problems(in: text) == [
        "conf/datalint.toml:4:3: 'extra_keys' must be a list of non-empty strings, but element 2 is an integer",
    ])
}

@Test func unknownStageNameSuggestsAKnownOne() {
    let text = """
        [stages]
        format = true
        fromat = false
        ocr = true
        """
    #expect(problems(in: text) == [
        "conf/datalint.toml:3:1: unknown stage 'fromat' in [stages]; did you mean 'format'? (known stages: format, pii)",
        "conf/datalint.toml:4:1: unknown stage 'ocr' in [stages] (known stages: format, pii)",
    ])
}

@Test func stageValueMustBeABoolean() {
    #expect(problems(in: "[stages]\npii = \"yes\"\n") == [
        "conf/datalint.toml:2:7: 'pii' must be true or false, not 'yes'",
    ])
}

@Test func badSeverityNameIsAnError() {
    let text = """
        [severity]
        "format/unknown-key" = "fatal"
        """
    #expect(problems(in: text) == [
        "conf/datalint.toml:2:24: 'format/unknown-key' must be one of error, warning, info, hint, off, not 'fatal'",
    ])
}

@Test func unknownCodesInSeverityAndSelectAreErrors() {
    let text = """
        [check]
        select = ["format", "pii/emial"]
        ignore = ["fromat/"]
        [severity]
        "format/unknwn-key" = "off"
        "Format" = "off"
        """
    #expect(problems(in: text) == [
        "conf/datalint.toml:2:21: unknown diagnostic code 'pii/emial' in 'select'; did you mean 'pii/email'?",
        "conf/datalint.toml:3:11: unknown diagnostic family 'fromat/' in 'ignore'; did you mean 'format/'?",
        "conf/datalint.toml:5:1: unknown diagnostic code 'format/unknwn-key' in [severity]; did you mean 'format/unknown-key'?",
        "conf/datalint.toml:6:1: 'Format' in [severity] is not a diagnostic code (format/unknown-key), family (format) or prefix (format/)",
    ])
}

@Test func withoutACatalogOnlyTheSpellingOfSelectorsIsChecked() {
    let loader = ConfigurationLoader(schema: .standard(stageNames: []))
    #expect(problems(in: "[check]\nselect = [\"anything/goes\", \"x y\"]\n", loader: loader) == [
        "conf/datalint.toml:2:28: 'x y' in 'select' is not a diagnostic code (format/unknown-key), family (format) or prefix (format/)",
    ])
}

@Test func everyProblemIsReportedInFileOrder() {
    let text = """
        [format]
        roles = ["user", ""]
        [check]
        fail_on = 1
        waivers = ""
        """
    #expect(problems(in: text) == [
        "conf/datalint.toml:2:18: 'roles' must not contain an empty string",
        "conf/datalint.toml:4:11: 'fail_on' must be one of error, warning, info, never, not 1",
        "conf/datalint.toml:5:11: 'waivers' must be a non-empty string, not ''",
    ])
}

@Test func nulByteIsRejectedWithItsPosition() {
    #expect(problems(in: "[check]\nfail_on = \"error\u{0}\"\n") == [
        "conf/datalint.toml:2:17: the file contains a NUL byte",
    ])
}

@Test func invalidUTF8IsRejectedWithItsPosition() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write(Array("[check]\nwaivers = \"ok".utf8) + [0xC3, 0x28] + Array("\"\n".utf8),
                                   to: "datalint.toml")
    do {
        _ = try testLoader.load(path: path)
        Issue.record("a file with invalid UTF-8 loaded")
    } catch {
        // Like `format/invalid-utf8`, the blame falls on the byte that cannot continue the sequence (`(`).
        #expect(error.problems.map(\.description) == ["\(path):2:15: the file is not valid UTF-8"])
    }
}

@Test func unreadableFileIsAProblemAtTheStartOfTheFile() {
    do {
        _ = try testLoader.load(path: "/nonexistent/datalint.toml")
        Issue.record("loading a missing file succeeded")
    } catch {
        #expect(error.problems.count == 1)
        #expect(error.problems.first?.description.hasPrefix("/nonexistent/datalint.toml:1:1: cannot read") == true)
    }
}
