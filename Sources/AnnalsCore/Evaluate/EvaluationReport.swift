import Foundation

/// Renders an ``EventEvaluation`` as the table or JSON object `annals eval` prints.
public enum EvaluationReport {
    static func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
    static func lpad(_ s: String, _ w: Int) -> String { s.count >= w ? s : String(repeating: " ", count: w - s.count) + s }
    static func num(_ x: Double) -> String { String(format: "%.3f", x) }

    static func tallyTable(_ title: String, _ t: LabelTallies, name: (String) -> String = { $0 }) -> String {
        var out = "\n" + pad(title, 28) + lpad("gold", 6) + lpad("got", 6) + lpad("right", 7) + lpad("recall", 8) + lpad("prec", 8)
            + lpad("F1", 8) + "\n"
        func row(_ label: String, _ x: Tally) -> String {
            pad(label, 28) + lpad("\(x.gold)", 6) + lpad("\(x.predicted)", 6) + lpad("\(x.truePositives)", 7) + lpad(num(x.recall), 8)
                + lpad(num(x.precision), 8) + lpad(num(x.f1), 8) + "\n"
        }
        for l in t.labels { out += row(String(name(l).prefix(27)), t[l]) }
        out += row("all (micro)", t.total)
        return out
    }

    static func rootName(_ r: String) -> String { "\(r) \((CameoTable.shared[r]?.name ?? "").lowercased())" }
    static func className(_ c: String) -> String { "\(c) \(CameoClasses.pentaclassNames[Int(c) ?? -1] ?? "")" }
    static func quadName(_ q: String) -> String { "\(q) \(CameoCode.quadClassNames[Int(q) ?? -1] ?? "")" }

    static func share(_ label: String, _ s: Share) -> String {
        pad(label, 44) + lpad("\(s.count)/\(s.of)", 11) + lpad(num(s.rate), 8) + "\n"
    }

    /// A plain-text report: summary lines, then tables by class, root, PLOVER and quad class, then up to
    /// `misses` misses and `misses` false positives.
    public static func table(_ e: EventEvaluation, misses: Int = 20) -> String {
        var out = "\(e.records) gold records"
        if e.hasEventGold { out += ", \(e.eventRecords) with event gold (\(e.falseAlarms.of) say no event)" }
        if e.hasPentaclassGold { out += ", \(e.anyEvent.of) with a pentaclass" }
        out += "\n\n"
        if e.hasPentaclassGold {
            out += share("pentaclass: an event found in the sentence", e.anyEvent)
            out += share("pentaclass: right class found (recall)", e.rightClass)
            out += pad("pentaclass: precision (sentences with an event)", 44) + lpad("\(e.rightClass.count)/\(e.anyEvent.count)", 11)
                + lpad(num(e.sentencePrecision), 8) + "\n"
            out += pad("pentaclass: F1", 55) + lpad(num(e.sentenceF1), 8) + "\n"
            let t = e.pentaclass.total
            out += pad("pentaclass: precision over predicted classes", 44) + lpad("\(t.truePositives)/\(t.predicted)", 11) + lpad(num(t.precision), 8) + "\n"
            out += pad("pentaclass: F1 over predicted classes", 55) + lpad(num(t.f1), 8) + "\n"
            out += share("pentaclass: source mention right (of right class)", e.sourceMention)
        }
        if e.hasEventGold {
            let r = e.roots.total
            out += pad("root: recall / precision / F1", 39) + lpad(num(r.recall), 8) + lpad(num(r.precision), 8) + lpad(num(r.f1), 8) + "\n"
            let p = e.plover.total
            out += pad("PLOVER: recall / precision / F1", 39) + lpad(num(p.recall), 8) + lpad(num(p.precision), 8) + lpad(num(p.f1), 8) + "\n"
            let s = e.strictEvents
            out += pad("event (source, target, root): R / P / F1", 39) + lpad(num(s.recall), 8) + lpad(num(s.precision), 8) + lpad(num(s.f1), 8) + "\n"
            out += share("dyad: source and target country right", e.dyadCountry)
            out += share("dyad: source and target code right", e.dyadCode)
            out += share("false alarms on no-event records", e.falseAlarms)
        }
        out += tallyTable("pentaclass", e.pentaclass, name: className)
        if e.hasEventGold {
            out += tallyTable("quad class", e.quad, name: quadName)
            out += tallyTable("CAMEO root", e.roots, name: rootName)
            out += tallyTable("PLOVER", e.plover)
        }
        func list(_ title: String, _ items: [Discrepancy]) -> String {
            guard misses > 0, !items.isEmpty else { return "" }
            var s = "\n\(title) (\(min(misses, items.count)) of \(items.count))\n"
            for d in items.prefix(misses) {
                s += "\n[\(d.id)] \(d.labels.joined(separator: ",")): \(d.text)\n"
                s += "  gold: \(d.gold.joined(separator: "; "))\n"
                s += "  got:  \(d.got.isEmpty ? "nothing" : d.got.joined(separator: "; "))\n"
            }
            return s
        }
        out += list("MISSES", e.misses)
        out += list("FALSE POSITIVES", e.falsePositives)
        return out
    }

    /// One JSON object with every number, and up to `misses` misses and false positives.
    public static func json(_ e: EventEvaluation, misses: Int = 20) -> String {
        var j = JSONWriter()
        func tally(_ w: inout JSONWriter, _ t: Tally) {
            w.object { o in
                o.key("gold"); o.int(t.gold)
                o.key("predicted"); o.int(t.predicted)
                o.key("right"); o.int(t.truePositives)
                o.key("recall"); o.double(t.recall)
                o.key("precision"); o.double(t.precision)
                o.key("f1"); o.double(t.f1)
            }
        }
        func tallies(_ w: inout JSONWriter, _ t: LabelTallies) {
            w.object { o in
                o.key("all"); tally(&o, t.total)
                for l in t.labels { o.key(l); tally(&o, t[l]) }
            }
        }
        func share(_ w: inout JSONWriter, _ s: Share) {
            w.object { o in
                o.key("count"); o.int(s.count)
                o.key("of"); o.int(s.of)
                o.key("rate"); o.double(s.rate)
            }
        }
        func items(_ w: inout JSONWriter, _ list: [Discrepancy]) {
            w.array { a in
                for d in list.prefix(misses) {
                    a.object { o in
                        o.key("id"); o.string(d.id)
                        o.key("text"); o.string(d.text)
                        o.key("labels"); o.array { x in for l in d.labels { x.string(l) } }
                        o.key("gold"); o.array { x in for g in d.gold { x.string(g) } }
                        o.key("got"); o.array { x in for g in d.got { x.string(g) } }
                    }
                }
            }
        }
        j.object { o in
            o.key("records"); o.int(e.records)
            o.key("pentaclass"); tallies(&o, e.pentaclass)
            if e.hasPentaclassGold {
                o.key("any_event"); share(&o, e.anyEvent)
                o.key("right_class"); share(&o, e.rightClass)
                o.key("sentence_precision"); o.double(e.sentencePrecision)
                o.key("sentence_f1"); o.double(e.sentenceF1)
                o.key("source_mention"); share(&o, e.sourceMention)
            }
            if e.hasEventGold {
                o.key("event_records"); o.int(e.eventRecords)
                o.key("roots"); tallies(&o, e.roots)
                o.key("plover"); tallies(&o, e.plover)
                o.key("quad"); tallies(&o, e.quad)
                o.key("events"); tally(&o, e.strictEvents)
                o.key("dyad_country"); share(&o, e.dyadCountry)
                o.key("dyad_code"); share(&o, e.dyadCode)
                o.key("false_alarms"); share(&o, e.falseAlarms)
            }
            o.key("misses"); items(&o, e.misses)
            o.key("false_positives"); items(&o, e.falsePositives)
        }
        return j.string + "\n"
    }
}
