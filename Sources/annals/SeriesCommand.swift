import AnnalsCore
import AnnalsPostgres
import AnnalsStore
import ArgumentParser
import Foundation

/// `annals series`: per-period event counts by quad class and Goldstein totals, for forecasting.
struct SeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "Print an event time series: counts by quad class and Goldstein sum and mean per period.",
        discussion: """
            Columns: period (first day), events, verbal_coop, material_coop, verbal_conflict, \
            material_conflict, mentions, goldstein_sum, goldstein_mean (empty / null when no events). \
            Periods run without gaps; weeks start on Monday.
            Example: annals series --dyad IRN:ISR --by week
            """
    )

    enum SeriesFormat: String, ExpressibleByArgument, CaseIterable { case csv, jsonl }

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var filter: EventFilterOptions

    @Option(help: "Period: day, week (Monday to Sunday) or month.")
    var by: SeriesUnit = .day

    @Option(help: "Output format: csv (with a header line) or jsonl.")
    var format: SeriesFormat = .csv

    static let columns = [
        "period", "events", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
        "mentions", "goldstein_sum", "goldstein_mean",
    ]

    func run() throws {
        let query = try filter.query()
        var out = ByteOutput()
        do {
            let store = try EventDatabases.open(storeOptions.db, mode: .readOnly)
            let points = try store.series(query, by: by)
            if format == .csv { out.line(Self.columns.joined(separator: ",")) }
            var json = JSONWriter()
            for p in points {
                let period = by == .month ? String(p.period.description.prefix(7)) : p.period.description
                switch format {
                case .csv:
                    let fields =
                        [period, String(p.events)] + p.quad.map(String.init)
                        + [String(p.mentions), Self.number(p.goldsteinSum), p.goldsteinMean.map(Self.number) ?? ""]
                    out.line(fields.joined(separator: ","))
                case .jsonl:
                    json.reset()
                    json.object { j in
                        j.key("period"); j.string(period)
                        j.key("events"); j.int(p.events)
                        for (i, name) in Self.columns[2...5].enumerated() { j.key(name); j.int(p.quad[i]) }
                        j.key("mentions"); j.int(p.mentions)
                        j.key("goldstein_sum"); j.double(Self.round(p.goldsteinSum))
                        j.key("goldstein_mean")
                        if let m = p.goldsteinMean { j.double(Self.round(m)) } else { j.null() }
                    }
                    out.append(json.bytes)
                }
            }
            out.flush()
        } catch let error as StoreError {
            StandardError.print("annals: \(error)")
            throw ExitCode.failure
        }
    }

    static func round(_ v: Double) -> Double { (v * 10000).rounded() / 10000 }

    static func number(_ v: Double) -> String {
        let r = round(v)
        return r == r.rounded() ? String(Int(r)) + ".0" : String(r)
    }
}
