import Plot

/// Escaping and element helpers for building SVG and HTML with Plot.
///
/// Plot 0.14 writes attribute values verbatim and leaves text that looks like an entity (`&lt;`)
/// alone, while chart text comes from user data. Every string that reaches the markup therefore goes
/// through `htmlEscaped` here and is handed to Plot as raw, already-safe text.
extension String {
    /// The string with `& < > " '` replaced by entities: safe as element text and as a quoted attribute value.
    var htmlEscaped: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

typealias HTMLNode = Node<HTML.BodyContext>

extension Node {
    /// Text content, escaped.
    static func safeText(_ text: String) -> Node {
        .raw(text.htmlEscaped)
    }

    /// An attribute whose value is escaped; dropped when the value is nil.
    static func safeAttribute(_ name: String, _ value: String?) -> Node {
        guard let value else { return .empty }
        return .attribute(named: name, value: value.htmlEscaped, ignoreIfValueIsEmpty: false)
    }

    /// An element with escaped attributes followed by child nodes.
    static func tag(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], _ children: [Node] = []) -> Node {
        .element(named: name, nodes: attributes.map { safeAttribute($0.key, $0.value) } + children)
    }

    /// A childless, self-closed element (`<path d="…"/>`), as SVG allows inside HTML.
    static func leaf(_ name: String, _ attributes: KeyValuePairs<String, String?>) -> Node {
        .selfClosedElement(named: name, attributes: attributes.compactMap { key, value in
            value.map { Attribute<Context>(name: key, value: $0.htmlEscaped) }
        })
    }
}

/// SVG coordinate text with at most one decimal (`12`, `12.5`), quick to build for thousands of points.
func svgNumber(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let tenths = Int((value * 10).rounded())
    let whole = tenths / 10, fraction = abs(tenths % 10)
    let sign = tenths < 0 && whole == 0 ? "-" : ""
    return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
}
