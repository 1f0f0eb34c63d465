import AnnalsCore
import ArgumentParser
import Foundation

/// `annals sentences PATH`: the cleaned sentences, one JSON line each, for inspection.
struct SentencesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentences",
        abstract: "Print the cleaned sentences of documents as JSON Lines (doc, sentence, text, span)."
    )

    @OptionGroup var input: InputOptions

    func run() throws {
        let pre = Preprocessor()
        var buffer: [UInt8] = []
        var json = JSONWriter()
        var failed = false
        input.reader.read(
            paths: input.paths,
            onError: { error in
                if !error.isWarning { failed = true }
                StandardError.print("annals: \(error)")
            }
        ) { document in
            var doc = document
            for s in pre.sentences(in: &doc) {
                json.reset()
                json.object { j in
                    j.key("doc"); j.string(doc.id)
                    j.key("sentence"); j.int(s.index)
                    j.key("text"); j.string(s.text)
                    j.key("span");
                    j.array { a in
                        a.int(s.span.start); a.int(s.span.end)
                    }
                }
                buffer.append(contentsOf: json.bytes)
                buffer.append(10)
            }
            if buffer.count > 1 << 16 {
                FileHandle.standardOutput.write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(Data(buffer))
        if failed { throw ExitCode.failure }
    }
}
