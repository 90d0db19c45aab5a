/// What the words next to a number say about it being a payment card.
extension Validator {
    /// Words that call the number next to them a card, in the languages datasets mix.
    static let cardContextWords = [
        "card", "card number", "credit card", "debit card", "visa", "mastercard", "amex", "jcb", "credit", "debit",
        "kreditkarte", "karte", "kartennummer", "carte", "carte bancaire", "tarjeta", "cartão", "cartao", "carta",
        "カード", "カード番号", "卡号", "信用卡", "银行卡",
    ]

    /// The issuer of a Luhn-valid number that `cardIssuer` does not place, when the text calls it a card.
    ///
    /// JCB's assigned range is 3528–3589, but generators and some issuers' test data use any "35" prefix; such a
    /// number is a card only when a card word stands next to it (a bare 35… run is as likely an ID).
    func labelledCardIssuer(_ digits: [UInt8], near range: Range<Int>) -> String? {
        guard digits.count >= 16, digits[0] == 3, digits[1] == 5,
              hasWord(Self.cardContextWords, near: range) else { return nil }
        return "JCB-like, outside JCB's 3528–3589 range"
    }
}
