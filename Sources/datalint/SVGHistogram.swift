import Foundation

/// A histogram drawn as a standalone SVG element: one bar per bin, each carrying its bounds and count as
/// `data-from`, `data-to` and `data-count` (what `datalint stats --format json` reports), so that a script or a
/// test can read the numbers back from the picture.
struct SVGHistogram {
    let identifier: String
    let title: String
    let axisLabel: String
    let bins: [(lowerBound: Int, upperBound: Int, count: Int)]
    var width = 640
    var height = 220

    static let margin = (left: 56, right: 12, top: 28, bottom: 44)

    var svg: String {
        let plotWidth = width - Self.margin.left - Self.margin.right
        let plotHeight = height - Self.margin.top - Self.margin.bottom
        let largest = max(1, bins.map(\.count).max() ?? 1)
        let barWidth = bins.isEmpty ? 0 : Double(plotWidth) / Double(bins.count)
        var parts = [#"<svg xmlns="http://www.w3.org/2000/svg" id="\#(HTMLText.escape(identifier))" class="histogram" "#
            + #"width="\#(width)" height="\#(height)" viewBox="0 0 \#(width) \#(height)" role="img" "#
            + #"aria-label="\#(HTMLText.escape(title))">"#]
        parts.append(#"<title>\#(HTMLText.escape(title))</title>"#)
        parts.append(#"<text x="\#(Self.margin.left)" y="18" class="caption">\#(HTMLText.escape(title))</text>"#)
        let baseline = Self.margin.top + plotHeight
        parts.append(#"<line x1="\#(Self.margin.left)" y1="\#(baseline)" x2="\#(width - Self.margin.right)" y2="\#(baseline)" class="axis"/>"#)
        parts.append(#"<text x="\#(Self.margin.left - 6)" y="\#(Self.margin.top + 4)" class="tick" text-anchor="end">\#(largest)</text>"#)
        parts.append(#"<text x="\#(Self.margin.left - 6)" y="\#(baseline)" class="tick" text-anchor="end">0</text>"#)
        for (index, bin) in bins.enumerated() {
            let barHeight = Double(plotHeight) * Double(bin.count) / Double(largest)
            let x = Double(Self.margin.left) + Double(index) * barWidth
            let label = bin.lowerBound == bin.upperBound ? "\(bin.lowerBound)" : "\(bin.lowerBound)–\(bin.upperBound)"
            parts.append(#"<rect x="\#(format(x + 1))" y="\#(format(Double(baseline) - barHeight))" width="\#(format(max(1, barWidth - 2)))" "#
                + #"height="\#(format(barHeight))" data-from="\#(bin.lowerBound)" data-to="\#(bin.upperBound)" data-count="\#(bin.count)">"#
                + #"<title>\#(label): \#(bin.count)</title></rect>"#)
        }
        if let first = bins.first, let last = bins.last {
            parts.append(#"<text x="\#(Self.margin.left)" y="\#(baseline + 16)" class="tick">\#(first.lowerBound)</text>"#)
            parts.append(#"<text x="\#(width - Self.margin.right)" y="\#(baseline + 16)" class="tick" text-anchor="end">\#(last.upperBound)</text>"#)
        }
        parts.append(#"<text x="\#(Self.margin.left + plotWidth / 2)" y="\#(height - 8)" class="label" text-anchor="middle">\#(HTMLText.escape(axisLabel))</text>"#)
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// Text safe to place in HTML or SVG content and attribute values: the five XML special characters escaped.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
