/// The PostgreSQL schema of the event store: the tables and columns of the SQLite schema with the
/// same meaning (docs/store.md), plus what a shared server needs — events partitioned by month,
/// indexes for the common filters, and the materialised daily dyad series.
///
/// Text that is compared or ordered (dates, codes, ids) is `COLLATE "C"`, byte order as in SQLite,
/// so both backends sort alike. A column added later is one more entry in ``migrations``
/// (`ALTER TABLE ... ADD COLUMN` of a nullable column, plus its index), as in the SQLite schema.
enum PostgresSchema {
    /// `meta.schema`: the number of migrations applied.
    static let version = 3
    /// `meta.format`, as in SQLite.
    static let format = "annals-event-store"
    /// Key of the advisory lock that serialises migrations and partition creation.
    static let lockKey: Int64 = 0x414E_4E4C

    /// Migrations by target version; `migrations[0]` creates version 1, each later one adds one version.
    static let migrations: [String] = [
        """
        CREATE TABLE meta (
            key   text PRIMARY KEY,
            value text NOT NULL
        );

        CREATE SEQUENCE documents_id_seq;
        CREATE TABLE documents (
            id          bigint PRIMARY KEY DEFAULT nextval('documents_id_seq'),
            hash        bytea NOT NULL UNIQUE,
            ident       text COLLATE "C" NOT NULL,
            date        text COLLATE "C",
            source      text,
            publisher   text,
            url         text,
            title       text,
            origin      text,
            bytes       integer NOT NULL,
            sentences   integer NOT NULL,
            events      integer NOT NULL,
            relations   integer NOT NULL,
            ingested_at text NOT NULL
        );
        ALTER SEQUENCE documents_id_seq OWNED BY documents.id;

        CREATE TABLE sentences (
            doc      bigint NOT NULL,
            idx      integer NOT NULL,
            text     text NOT NULL,
            start    integer NOT NULL,
            "end"    integer NOT NULL,
            headline integer NOT NULL,
            PRIMARY KEY (doc, idx)
        );

        -- Partitioned by month of `day` ('YYYY-MM-DD'); one partition per month is created on first use,
        -- events without a date ('') live in events_undated.
        CREATE SEQUENCE events_id_seq;
        CREATE TABLE events (
            id             bigint NOT NULL DEFAULT nextval('events_id_seq'),
            day            text COLLATE "C" NOT NULL,
            source_code    text COLLATE "C" NOT NULL,
            target_code    text COLLATE "C" NOT NULL,
            cameo          text COLLATE "C" NOT NULL,
            polarity       text COLLATE "C" NOT NULL,
            root           text COLLATE "C" NOT NULL,
            plover         text,
            quad           integer NOT NULL,
            goldstein      double precision NOT NULL,
            source_name    text NOT NULL,
            target_name    text NOT NULL,
            is_root        integer NOT NULL DEFAULT 0,
            num_mentions   integer NOT NULL DEFAULT 0,
            num_sources    integer NOT NULL DEFAULT 0,
            num_articles   integer NOT NULL DEFAULT 0,
            first_doc      bigint NOT NULL,
            first_sentence integer NOT NULL,
            first_text     text,
            modality       text NOT NULL,
            date_added     text NOT NULL,
            UNIQUE (day, source_code, target_code, cameo, polarity)
        ) PARTITION BY RANGE (day);
        CREATE TABLE events_undated PARTITION OF events DEFAULT;
        CREATE INDEX events_id ON events(id);
        CREATE INDEX events_source ON events(source_code text_pattern_ops, day);
        CREATE INDEX events_target ON events(target_code text_pattern_ops, day);
        CREATE INDEX events_dyad ON events(source_code, target_code, day);
        CREATE INDEX events_cameo ON events(cameo text_pattern_ops);
        CREATE INDEX events_root ON events(root, day);
        CREATE INDEX events_plover ON events(plover, day);

        CREATE SEQUENCE mentions_id_seq;
        CREATE TABLE mentions (
            id           bigint PRIMARY KEY DEFAULT nextval('mentions_id_seq'),
            event        bigint NOT NULL,
            doc          bigint NOT NULL,
            sentence     integer NOT NULL,
            record       text COLLATE "C" NOT NULL,
            count        integer NOT NULL,
            text         text,
            span_start   integer NOT NULL,
            span_end     integer NOT NULL,
            polarity     text NOT NULL,
            modality     text NOT NULL,
            verb         text NOT NULL,
            verb_start   integer NOT NULL,
            verb_end     integer NOT NULL,
            rule         text NOT NULL,
            source_text  text,
            source_name  text,
            target_text  text,
            target_name  text
        );
        ALTER SEQUENCE mentions_id_seq OWNED BY mentions.id;
        CREATE INDEX mentions_event ON mentions(event);
        CREATE INDEX mentions_doc ON mentions(doc);
        CREATE VIEW mentions_with_text AS
            SELECT m.id, m.event, m.doc, m.sentence, m.record, m.count, coalesce(m.text, s.text) AS text,
                   m.span_start, m.span_end, m.polarity, m.modality, m.verb, m.verb_start, m.verb_end, m.rule,
                   m.source_text, m.source_name, m.target_text, m.target_name
            FROM mentions m LEFT JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence;

        CREATE SEQUENCE relations_id_seq;
        CREATE TABLE relations (
            id            bigint PRIMARY KEY DEFAULT nextval('relations_id_seq'),
            doc           bigint NOT NULL,
            sentence      integer NOT NULL,
            record        text COLLATE "C" NOT NULL,
            date          text COLLATE "C" NOT NULL,
            subject_code  text COLLATE "C" NOT NULL,
            subject_name  text NOT NULL,
            subject_text  text NOT NULL,
            relation      text NOT NULL,
            label         text,
            object_code   text COLLATE "C" NOT NULL,
            object_name   text NOT NULL,
            object_text   text NOT NULL,
            text          text NOT NULL,
            verb          text NOT NULL,
            rule          text NOT NULL,
            span_start    integer NOT NULL,
            span_end      integer NOT NULL,
            subject_start integer,
            subject_end   integer,
            object_start  integer,
            object_end    integer,
            verb_start    integer,
            verb_end      integer
        );
        ALTER SEQUENCE relations_id_seq OWNED BY relations.id;
        CREATE INDEX relations_doc ON relations(doc);
        CREATE INDEX relations_subject ON relations(subject_code);
        CREATE INDEX relations_object ON relations(object_code);
        CREATE INDEX relations_date ON relations(date);

        CREATE TABLE actors (
            code       text COLLATE "C" NOT NULL,
            name       text COLLATE "C" NOT NULL,
            country    text NOT NULL,
            sector     text NOT NULL,
            mentions   integer NOT NULL,
            first_date text COLLATE "C",
            last_date  text COLLATE "C",
            PRIMARY KEY (code, name)
        );
        CREATE INDEX actors_country ON actors(country);

        -- The daily dyad series (affirmed and negated apart), refreshed by `annals maintain`.
        CREATE MATERIALIZED VIEW dyad_daily AS
            SELECT day, source_code, target_code, polarity, quad, count(*)::integer AS events,
                   sum(num_mentions)::integer AS mentions, sum(goldstein) AS goldstein_sum
            FROM events WHERE day <> '' GROUP BY day, source_code, target_code, polarity, quad;
        CREATE UNIQUE INDEX dyad_daily_key ON dyad_daily(day, source_code, target_code, polarity, quad);
        CREATE INDEX dyad_daily_target ON dyad_daily(target_code, day);
        """,
        // 2: the actors' own spans in each mention (SQLite schema 3), for the full event record.
        """
        ALTER TABLE mentions ADD COLUMN source_start integer, ADD COLUMN source_end integer,
            ADD COLUMN target_start integer, ADD COLUMN target_end integer;
        """,
        // 3: where events happened (SQLite schema 4): each mention's location and actor places, the
        // event's from its first statement that has one (``RollUp/geo(event:)``).
        """
        ALTER TABLE mentions ADD COLUMN location text, ADD COLUMN location_country text,
            ADD COLUMN location_lat double precision, ADD COLUMN location_lon double precision,
            ADD COLUMN source_place text, ADD COLUMN target_place text;
        ALTER TABLE events ADD COLUMN geo text, ADD COLUMN geo_country text COLLATE "C",
            ADD COLUMN geo_lat double precision, ADD COLUMN geo_lon double precision,
            ADD COLUMN actor1_geo text, ADD COLUMN actor2_geo text;
        CREATE INDEX events_geo_country ON events(geo_country, day);
        """,
    ]

    /// Name of the partition holding days of `month` (`YYYY-MM`).
    static func partition(_ month: String) -> String {
        "events_" + month.replacingOccurrences(of: "-", with: "_")
    }

    /// The month (`YYYY-MM`) of a `YYYY-MM-DD` day, nil for anything else (stored in events_undated).
    static func month(of day: String) -> String? {
        let u = Array(day.utf8)
        guard u.count == 10, u[4] == 45, u[7] == 45 else { return nil }
        for i in [0, 1, 2, 3, 5, 6, 8, 9] where !(48...57).contains(u[i]) { return nil }
        guard let m = Int(day.dropFirst(5).prefix(2)), (1...12).contains(m) else { return nil }
        return String(day.prefix(7))
    }

    /// `CREATE TABLE` of the partition for `month`.
    static func createPartition(_ month: String) -> String {
        let year = Int(month.prefix(4))!
        let m = Int(month.suffix(2))!
        let next = m == 12 ? String(format: "%04d-01", year + 1) : String(format: "%04d-%02d", year, m + 1)
        return "CREATE TABLE IF NOT EXISTS \(partition(month)) PARTITION OF events FOR VALUES FROM ('\(month)-01') TO ('\(next)-01')"
    }
}
