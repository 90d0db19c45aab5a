import Configuration
import Diagnostics
import Testing

@Test func codeWithoutOverrideKeepsItsDefault() {
    let overrides = SeverityOverrides(["pii": .error])
    #expect(overrides.effectiveSeverity(of: "format/unknown-key", default: .warning) == .warning)
}

@Test func familyOverrideAppliesToEveryCodeOfTheFamily() {
    let overrides = SeverityOverrides(["format": .info])
    #expect(overrides.effectiveSeverity(of: "format/unknown-key", default: .warning) == .info)
    #expect(overrides.effectiveSeverity(of: "format/invalid-json", default: .error) == .info)
}

@Test func codeOverrideBeatsFamilyOverride() {
    let overrides = SeverityOverrides(["format": .off, "format/invalid-json": .warning])
    #expect(overrides.effectiveSeverity(of: "format/invalid-json", default: .error) == .warning)
    #expect(overrides.effectiveSeverity(of: "format/unknown-key", default: .warning) == nil)
}

@Test func offTurnsACodeOff() {
    #expect(SeverityOverrides(["pii/email": .off]).effectiveSeverity(of: "pii/email", default: .warning) == nil)
}

@Test func prefixSelectorIsTheFamily() {
    var overrides = SeverityOverrides(["format/": .hint])
    #expect(overrides["format"] == .hint)
    #expect(overrides.effectiveSeverity(of: "format/unknown-key", default: .warning) == .hint)
    overrides["format"] = nil
    #expect(overrides.settings.isEmpty)
}

@Test func mergingLetsTheLaterOverridesWin() {
    let file = SeverityOverrides(["format": .info, "pii": .off])
    let flags = SeverityOverrides(["pii": .error])
    #expect(file.merging(flags).settings == ["format": .info, "pii": .error])
}

@Test func policyOverridesMapOffToNil() {
    let policy = SeverityOverrides(["pii": .off, "format/unknown-key": .error]).policyOverrides
    #expect(policy.count == 2)
    #expect(policy["pii"] == .some(nil))
    #expect(policy["format/unknown-key"] == .some(.error))
}
