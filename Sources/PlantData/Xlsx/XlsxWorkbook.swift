import Foundation
import XMLCoder
import ZIPFoundation

/// An `.xlsx` package: the zip container (ZIPFoundation), the workbook's sheet list and
/// relationships (XMLCoder: small documents) and the worksheets (scanned by hand: large ones).
struct XlsxWorkbook {
    struct SheetEntry { let name: String; let path: String }

    private let archive: Archive
    let sheets: [SheetEntry]
    let sharedStrings: [[UInt8]]
    let dateStyles: Set<Int>

    private struct Workbook: Decodable {
        struct Sheets: Decodable { let sheet: [Sheet] }
        struct Sheet: Decodable {
            let name: String
            let id: String
            enum CodingKeys: String, CodingKey { case name; case id = "r:id" }
        }
        let sheets: Sheets
    }

    private struct Relationships: Decodable {
        struct Relationship: Decodable { let Id: String; let Target: String }
        let Relationship: [Relationship]
    }

    init(data: Data) throws {
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw EGRIDImportError(.badWorkbook("not an xlsx workbook (the zip container cannot be opened)"))
        }
        guard let workbookXML = try Self.entry(archive, "xl/workbook.xml") else {
            throw EGRIDImportError(.badWorkbook("not an xlsx workbook (no xl/workbook.xml)"))
        }
        let workbook: Workbook
        let relationships: Relationships
        do {
            workbook = try XMLDecoder().decode(Workbook.self, from: Data(workbookXML))
            let rels = try Self.entry(archive, "xl/_rels/workbook.xml.rels") ?? []
            relationships = try XMLDecoder().decode(Relationships.self, from: Data(rels))
        } catch {
            throw EGRIDImportError(.badWorkbook("the workbook's sheet list cannot be read: \(error)"))
        }
        var targets: [String: String] = [:]
        for r in relationships.Relationship {
            // Targets are relative to xl/ unless absolute.
            targets[r.Id] = r.Target.hasPrefix("/") ? String(r.Target.dropFirst()) : "xl/" + r.Target
        }
        sheets = workbook.sheets.sheet.compactMap { s in targets[s.id].map { SheetEntry(name: s.name, path: $0) } }
        sharedStrings = try Self.entry(archive, "xl/sharedStrings.xml").map(XlsxSharedStrings.parse) ?? []
        dateStyles = try Self.entry(archive, "xl/styles.xml").map { XlsxStyles.dateStyles(Data($0)) } ?? []
    }

    func worksheet(_ entry: SheetEntry) throws -> XlsxWorksheet {
        guard let bytes = try Self.entry(archive, entry.path) else {
            throw EGRIDImportError(.badWorkbook("the sheet's part \(entry.path) is missing"), sheet: entry.name)
        }
        return try XlsxWorksheet.parse(bytes, shared: sharedStrings, dateStyles: dateStyles)
    }

    private static func entry(_ archive: Archive, _ path: String) throws -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: true) { chunk in out.append(contentsOf: chunk) }
        } catch {
            throw EGRIDImportError(.badWorkbook("\(path) cannot be unpacked: \(error)"))
        }
        return out
    }
}
