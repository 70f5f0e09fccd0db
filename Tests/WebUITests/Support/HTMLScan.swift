import Foundation

/// One start or end tag of a rendered page.
struct Tag {
    let name: String
    let isEnd: Bool
    /// In source order, values decoded; duplicates kept so that tests can find them.
    let attributeList: [(name: String, value: String)]

    var attributes: [String: String] {
        Dictionary(attributeList.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    subscript(_ attribute: String) -> String? { attributes[attribute] }
}

/// A deliberately small HTML tag scanner for the pages Plot renders: no comments, text already escaped. It reads
/// attribute values quoted or not, as a browser would, so that markup injected through data is seen as markup.
/// Enough to check structure (labels, forms, roles) without a parser dependency.
enum HTMLScan {
    /// `name`, `name="v"`, `name='v'` or `name=v`; the value in group 2, 3 or 4 of `attributePattern`.
    nonisolated(unsafe) private static let attributePattern = try! Regex(
        #"([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?"#)
    nonisolated(unsafe) private static let tagPattern = try! Regex(
        #"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*/?>"#)

    static func tags(_ html: String) -> [Tag] {
        html.matches(of: tagPattern).map { match in
            let isEnd = match.output[1].substring == "/"
            let name = String(match.output[2].substring ?? "").lowercased()
            let rawAttributes = String(match.output[3].substring ?? "")
            let attributes = rawAttributes.matches(of: attributePattern).map { attribute in
                (name: String(attribute.output[1].substring ?? "").lowercased(),
                 value: decode(String(attribute.output[2].substring ?? attribute.output[3].substring
                     ?? attribute.output[4].substring ?? "")))
            }
            return Tag(name: name, isEnd: isEnd, attributeList: attributes)
        }
    }

    static func startTags(_ html: String, named name: String) -> [Tag] {
        tags(html).filter { !$0.isEnd && $0.name == name }
    }

    /// Character references as a browser reads them in attribute values and text.
    static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Every element of that name with the markup inside it. For elements that do not nest (form, label, table).
    static func elements(_ html: String, named name: String) -> [(tag: Tag, inner: String)] {
        var found: [(tag: Tag, inner: String)] = []
        var searchFrom = html.startIndex
        while let open = html[searchFrom...].range(of: "<\(name)"),
            let close = html[open.upperBound...].firstIndex(of: ">")
        {
            searchFrom = html.index(after: close)
            guard let tag = tags(String(html[open.lowerBound...close])).first, tag.name == name, !tag.isEnd,
                let end = html[close...].range(of: "</\(name)>")
            else { continue }
            found.append((tag, String(html[searchFrom..<end.lowerBound])))
        }
        return found
    }
}
