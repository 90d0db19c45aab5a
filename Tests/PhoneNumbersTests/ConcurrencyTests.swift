import PhoneNumbers
import Testing

@Test func validatingFromManyTasksAtOnceGivesTheSameAnswers() async {
    let inputs = validCases.map { ($0.national, $0.region) } + [("#123456789", "US"), ("0121 234 567", "GB")]
    let expected = inputs.map { PhoneNumberValidator.validate($0.0, defaultRegion: $0.1) }
    let rounds = await withTaskGroup(of: [PhoneNumberInfo?].self) { group in
        for _ in 0..<8 {
            group.addTask {
                var answers: [PhoneNumberInfo?] = []
                for _ in 0..<25 {
                    answers = inputs.map { PhoneNumberValidator.validate($0.0, defaultRegion: $0.1) }
                }
                return answers
            }
        }
        return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(rounds.count == 8)
    #expect(rounds.allSatisfy { $0 == expected })
}
