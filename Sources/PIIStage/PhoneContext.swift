/// What the text around a digit sequence says about it being a phone number.
extension Validator {
    /// Words that say the number next to them is a phone number, in the languages datasets mix. The words for
    /// "number" alone say nothing ("order number"); "my number" does.
    static let phoneContextWords = [
        "phone", "phones", "tel", "telephone", "call", "calls", "mobile", "cell", "cellphone", "fax",
        "whatsapp", "contact", "sms", "text me", "can text", "dial", "reach me", "my number",
        "handy", "telefon", "rufnummer", "anrufen", "rufen", "mobil", "mobilnummer", "meine nummer",
        "téléphone", "telephone", "portable", "appelez", "appelle", "appelez-moi", "mon numéro",
        "teléfono", "telefono", "telefone", "celular", "móvil", "movil", "llámame", "llamame",
        "mi número", "mi numero", "meu número", "meu numero", "ligue", "chiamami", "chiama", "cellulare",
        "il mio numero", "電話", "電話番号", "携帯", "电话", "手机", "联系",
    ]

    /// Words that say a number is something else: an order, an invoice, a parcel, a part, an amount.
    static let otherNumberWords = [
        "order", "order no", "order number", "invoice", "serial", "serial no", "s/n", "sn", "lot", "batch", "part",
        "model", "tracking", "tracking number", "shipment", "parcel", "ref", "reference", "ticket", "case", "isbn",
        "iban", "account", "card", "total", "revenue", "population", "amount", "price", "timestamp", "build",
        "version", "id", "sku", "bestellnummer", "sendungsnummer", "seriennummer", "rechnung", "rechnungsnummer",
        "auftrag", "commande", "facture", "suivi", "pedido", "factura", "seguimiento", "ordine", "fattura",
        "注文番号", "订单号", "卡号", "运单号", "追踪号",
    ]

    /// Nine digits that may be a Spanish or Italian number written without a trunk prefix (mobiles start with 3
    /// or 6 to 9); a context word is still needed.
    static func mayBeShortNational(_ digits: [UInt8]) -> Bool {
        digits.count == 9 && [UInt8(ascii: "3"), UInt8(ascii: "6"), UInt8(ascii: "7"), UInt8(ascii: "8"),
                               UInt8(ascii: "9")].contains(digits[0])
    }

    /// True when the candidate continues an identifier: "ORD-2024-735184", "XR-47778-57238", "#2025-500094".
    func continuesIdentifier(_ start: Int) -> Bool {
        guard start > 0 else { return false }
        let previous = bytes[start - 1]
        if previous == UInt8(ascii: "#") { return true }
        return (previous == UInt8(ascii: "-") || previous == UInt8(ascii: "/")) && start >= 2 && Bytes.isAlnum(bytes[start - 2])
    }

    /// True when the candidate is the tail of an IBAN-like code printed in groups: "GB71 RWSJ 8780 3315 5970 55".
    /// Walks back over space-separated groups of up to four capitals and digits to a country code and check digits.
    func continuesIBAN(_ start: Int) -> Bool {
        var end = start
        for _ in 0..<8 {
            guard end >= 2, bytes[end - 1] == UInt8(ascii: " ") else { return false }
            var groupStart = end - 1
            while groupStart > 0, end - 1 - groupStart < 4, Bytes.isUpper(bytes[groupStart - 1]) || Bytes.isDigit(bytes[groupStart - 1]) {
                groupStart -= 1
            }
            let group = bytes[groupStart..<(end - 1)]
            guard !group.isEmpty, groupStart == 0 || !Bytes.isAlnum(bytes[groupStart - 1]) else { return false }
            if group.count == 4, Bytes.isUpper(group[groupStart]), Bytes.isUpper(group[groupStart + 1]),
               Bytes.isDigit(group[groupStart + 2]), Bytes.isDigit(group[groupStart + 3]) { return true }
            end = groupStart
        }
        return false
    }
}
