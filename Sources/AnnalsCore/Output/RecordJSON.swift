extension ActorRef {
    func write(to json: inout JSONWriter) {
        json.object { j in
            j.key("text"); j.string(text)
            j.key("name"); j.string(name)
            j.key("code"); j.string(code)
            j.key("country"); j.string(country)
            j.key("sector"); j.string(sector)
            j.key("span");
            j.array { a in
                a.int(span[0]); a.int(span[1])
            }
            if let countryFrom {
                j.key("country_from"); j.string(countryFrom)
            }
            if let place {
                j.key("place"); place.write(to: &j)
            }
        }
    }
}

extension Location {
    /// `{"text","name","geonames_id","feature","country","adm1","lat","lon","from","span"}`.
    public func write(to json: inout JSONWriter) {
        json.object { j in
            j.key("text"); j.string(text)
            j.key("name"); j.string(name)
            j.key("geonames_id")
            if let geonamesID { j.int(geonamesID) } else { j.null() }
            j.key("feature"); j.string(feature.rawValue)
            j.key("country"); j.string(country)
            j.key("adm1"); j.string(adm1)
            j.key("lat")
            if let lat { j.double(lat) } else { j.null() }
            j.key("lon")
            if let lon { j.double(lon) } else { j.null() }
            j.key("from"); j.string(from.rawValue)
            j.key("span")
            j.array { a in
                a.int(span[0]); a.int(span[1])
            }
        }
    }
}

extension Evidence {
    func write(to json: inout JSONWriter) {
        json.object { j in
            j.key("verb"); j.string(verb)
            j.key("span");
            j.array { a in
                a.int(span[0]); a.int(span[1])
            }
            j.key("rule"); j.string(rule)
        }
    }
}

extension EventRecord {
    /// Writes the event as one JSON object with keys in contract order (docs/record-schema.json).
    public func write(to json: inout JSONWriter) {
        write(to: &json) { _ in }
    }

    /// Writes the event, then the keys `extra` writes (the store's roll-up fields) in the same object.
    public func write(to json: inout JSONWriter, extra: (inout JSONWriter) -> Void) {
        json.object { j in
            j.key("kind"); j.string(kind)
            j.key("id"); j.string(id)
            j.key("doc"); j.string(doc)
            j.key("sentence"); j.int(sentence)
            j.key("text"); j.string(text)
            j.key("date"); j.string(date)
            j.key("source")
            if let source { source.write(to: &j) } else { j.null() }
            j.key("target")
            if let target { target.write(to: &j) } else { j.null() }
            j.key("cameo"); j.string(cameo)
            j.key("root"); j.string(root)
            j.key("plover"); j.optionalString(plover)
            j.key("quad"); j.int(quad)
            j.key("goldstein"); j.double(goldstein)
            j.key("polarity"); j.string(polarity.rawValue)
            j.key("modality"); j.string(modality.rawValue)
            j.key("mentions"); j.int(mentions)
            j.key("evidence"); evidence.write(to: &j)
            j.key("location")
            if let location { location.write(to: &j) } else { j.null() }
            if let explain {
                j.key("explain")
                j.object { e in
                    e.key("pattern"); e.string(explain.pattern)
                    e.key("source")
                    if let s = explain.source {
                        e.array { a in
                            a.int(s[0]); a.int(s[1])
                        }
                    } else {
                        e.null()
                    }
                    e.key("verb");
                    e.array { a in
                        a.int(explain.verb[0]); a.int(explain.verb[1])
                    }
                    e.key("target")
                    if let t = explain.target {
                        e.array { a in
                            a.int(t[0]); a.int(t[1])
                        }
                    } else {
                        e.null()
                    }
                    e.key("notes"); e.array { a in for n in explain.notes { a.string(n) } }
                }
            }
            extra(&j)
        }
    }
}

extension RelationRecord {
    /// Writes the relation as one JSON object with keys in contract order.
    public func write(to json: inout JSONWriter) {
        json.object { j in
            j.key("kind"); j.string(kind)
            j.key("id"); j.string(id)
            j.key("doc"); j.string(doc)
            j.key("sentence"); j.int(sentence)
            j.key("text"); j.string(text)
            j.key("subject"); subject.write(to: &j)
            j.key("relation"); j.string(relation.rawValue)
            j.key("label"); j.optionalString(label)
            j.key("object"); object.write(to: &j)
            j.key("date"); j.string(date)
            j.key("evidence"); evidence.write(to: &j)
        }
    }
}

extension Record {
    public func write(to json: inout JSONWriter) {
        switch self {
        case .event(let e): e.write(to: &json)
        case .relation(let r): r.write(to: &json)
        }
    }

    /// The record as one JSON Lines line (without the newline).
    public var jsonLine: String {
        var json = JSONWriter()
        write(to: &json)
        return json.string
    }
}
