import Foundation

/// Flat tabular encodings of records: CSV and a GDELT-like TSV.
///
/// PLACEHOLDER: columns to be completed by the export work (see README "Output formats").
public enum RecordTable {
    public static let csvHeader = "kind,id,doc,sentence,date,source_code,target_code,cameo,plover,quad,goldstein,polarity,modality,mentions,text"
    public static let tsvHeader = csvHeader.replacingOccurrences(of: ",", with: "\t")

    public static func csvLine(_ record: Record) -> String? {
        guard case .event(let e) = record else { return nil }
        return [e.kind, e.id, e.doc, String(e.sentence), e.date, e.source?.code ?? "", e.target?.code ?? "", e.cameo,
                e.plover ?? "", String(e.quad), String(e.goldstein), e.polarity.rawValue, e.modality.rawValue,
                String(e.mentions), e.text].map(csvField).joined(separator: ",")
    }

    public static func tsvLine(_ record: Record) -> String? {
        csvLine(record)?.replacingOccurrences(of: ",", with: "\t")
    }

    static func csvField(_ s: String) -> String {
        if s.contains(",") || s.contains("\"") || s.contains("\n") {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
