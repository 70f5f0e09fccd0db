/// The shared-string table (`xl/sharedStrings.xml`): cells of type `s` hold an index into it.
enum XlsxSharedStrings {
    static func parse(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.withUnsafeBufferPointer { p in
            var out: [[UInt8]] = []
            let si = Array("<si".utf8), siEnd = Array("</si>".utf8), tOpen = Array("<t".utf8), tClose = Array("</t>".utf8)
            let rPh = Array("<rPh".utf8), rPhEnd = Array("</rPh>".utf8)
            var i = 0
            while let start = XMLText.find(si, in: p, from: i) {
                guard let tagEnd = XMLText.findByte(0x3E, in: p, from: start) else { break }
                if p[tagEnd - 1] == 0x2F { out.append([]); i = tagEnd + 1; continue }  // <si/>
                let end = XMLText.find(siEnd, in: p, from: tagEnd) ?? p.count
                var text: [UInt8] = []
                var k = tagEnd + 1
                while k < end {
                    if XMLText.matches(rPh, in: p, at: k) {
                        // Phonetic runs (Japanese readings) are not part of the text.
                        k = (XMLText.find(rPhEnd, in: p, from: k) ?? end) + rPhEnd.count
                    } else if XMLText.matches(tOpen, in: p, at: k), k + 2 < end, p[k + 2] == 0x3E || p[k + 2] == 0x20 {
                        guard let open = XMLText.findByte(0x3E, in: p, from: k) else { break }
                        if p[open - 1] == 0x2F { k = open + 1; continue }  // <t/>
                        let close = XMLText.find(tClose, in: p, from: open) ?? end
                        XMLText.appendDecoded(p, (open + 1)..<close, to: &text)
                        k = close + tClose.count
                    } else {
                        k += 1
                    }
                }
                out.append(text)
                i = end + siEnd.count
            }
            return out
        }
    }
}
