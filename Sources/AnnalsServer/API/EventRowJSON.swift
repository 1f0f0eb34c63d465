import AnnalsCore
import AnnalsStore

extension EventRow {
    /// The API's event row: one flat JSON object whose keys are the CSV column names
    /// (``RecordTable/csvColumns``), with numbers and booleans typed, then `location` (the record's
    /// location object, or null). The explorer reads it; `annals events --format jsonl` writes the
    /// full record instead (docs/record-schema.json).
    public func write(to json: inout JSONWriter) {
        json.object { j in
            j.key("id"); if let n = Int(id) { j.int(n) } else { j.string(id) }
            j.key("date"); j.string(date)
            j.key("source_code"); j.string(sourceCode)
            j.key("source_name"); j.string(sourceName)
            j.key("source_country"); j.string(sourceCountry)
            j.key("source_sector"); j.string(sourceSector)
            j.key("target_code"); j.string(targetCode)
            j.key("target_name"); j.string(targetName)
            j.key("target_country"); j.string(targetCountry)
            j.key("target_sector"); j.string(targetSector)
            j.key("cameo"); j.string(cameo)
            j.key("base"); j.string(baseCode)
            j.key("root"); j.string(root)
            j.key("plover"); j.optionalString(plover.isEmpty ? nil : plover)
            j.key("quad"); j.int(quad)
            j.key("goldstein"); j.double(goldstein)
            j.key("is_root"); j.bool(isRoot)
            j.key("num_mentions"); j.int(numMentions)
            j.key("num_sources"); j.int(numSources)
            j.key("num_articles"); j.int(numArticles)
            j.key("polarity"); j.string(polarity)
            j.key("modality"); j.string(modality)
            j.key("doc"); j.string(doc)
            j.key("sentence"); j.int(sentence)
            j.key("url"); j.string(url)
            j.key("date_added"); j.string(dateAdded)
            j.key("text"); j.string(text)
            j.key("location")
            if let actionGeo { actionGeo.write(to: &j) } else { j.null() }
        }
    }
}
