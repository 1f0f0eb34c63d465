import AnnalsCore
import ArgumentParser
import Foundation

/// Output formats of `annals code`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, csv, tsv
}

/// Buffers records and writes them to standard output.
struct RecordWriter {
    let format: OutputFormat
    private var buffer: [UInt8] = []
    private var json = JSONWriter()

    init(format: OutputFormat) {
        self.format = format
        buffer.reserveCapacity(1 << 16)
    }

    mutating func writeHeader() {
        switch format {
        case .jsonl: break
        case .csv: append(RecordTable.csvHeader)
        case .tsv: append(RecordTable.tsvHeader)
        }
    }

    mutating func write(_ record: Record) {
        switch format {
        case .jsonl:
            json.reset()
            record.write(to: &json)
            buffer.append(contentsOf: json.bytes)
            buffer.append(10)
        case .csv:
            if let line = RecordTable.csvLine(record) { append(line) }
        case .tsv:
            if let line = RecordTable.tsvLine(record) { append(line) }
        }
        if buffer.count >= 1 << 16 { flush() }
    }

    private mutating func append(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(10)
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
