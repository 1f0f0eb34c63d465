/// The SQLite schema of the event store (see docs/store.md for every column).
enum Schema {
    /// `PRAGMA application_id`: "ANNL". A database with another id is not ours.
    static let applicationID: Int32 = 0x414E_4E4C
    /// `PRAGMA user_version`: bumped with each migration below.
    static let version = 4
    /// Value of `meta.format`.
    static let format = "annals-event-store"

    /// Migrations by target version; `migrations[0]` creates version 1.
    static let migrations: [String] = [
        """
        CREATE TABLE meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE documents (
            id          INTEGER PRIMARY KEY,
            hash        BLOB NOT NULL UNIQUE,
            ident       TEXT NOT NULL,
            date        TEXT,
            source      TEXT,
            publisher   TEXT,
            url         TEXT,
            title       TEXT,
            origin      TEXT,
            bytes       INTEGER NOT NULL,
            sentences   INTEGER NOT NULL,
            events      INTEGER NOT NULL,
            relations   INTEGER NOT NULL,
            ingested_at TEXT NOT NULL
        );

        CREATE TABLE sentences (
            doc      INTEGER NOT NULL REFERENCES documents(id),
            idx      INTEGER NOT NULL,
            text     TEXT NOT NULL,
            start    INTEGER NOT NULL,
            end      INTEGER NOT NULL,
            headline INTEGER NOT NULL,
            PRIMARY KEY (doc, idx)
        ) WITHOUT ROWID;

        CREATE TABLE events (
            id             INTEGER PRIMARY KEY,
            day            TEXT NOT NULL,
            source_code    TEXT NOT NULL,
            target_code    TEXT NOT NULL,
            cameo          TEXT NOT NULL,
            polarity       TEXT NOT NULL,
            root           TEXT NOT NULL,
            plover         TEXT,
            quad           INTEGER NOT NULL,
            goldstein      REAL NOT NULL,
            source_name    TEXT NOT NULL,
            target_name    TEXT NOT NULL,
            is_root        INTEGER NOT NULL DEFAULT 0,
            num_mentions   INTEGER NOT NULL DEFAULT 0,
            num_sources    INTEGER NOT NULL DEFAULT 0,
            num_articles   INTEGER NOT NULL DEFAULT 0,
            first_doc      INTEGER NOT NULL REFERENCES documents(id),
            first_sentence INTEGER NOT NULL,
            first_text     TEXT,
            modality       TEXT NOT NULL,
            date_added     TEXT NOT NULL,
            UNIQUE (day, source_code, target_code, cameo, polarity)
        );
        CREATE INDEX events_source ON events(source_code, day);
        CREATE INDEX events_target ON events(target_code, day);
        CREATE INDEX events_cameo ON events(cameo);

        CREATE TABLE mentions (
            id           INTEGER PRIMARY KEY,
            event        INTEGER NOT NULL REFERENCES events(id),
            doc          INTEGER NOT NULL REFERENCES documents(id),
            sentence     INTEGER NOT NULL,
            record       TEXT NOT NULL,
            count        INTEGER NOT NULL,
            text         TEXT,
            span_start   INTEGER NOT NULL,
            span_end     INTEGER NOT NULL,
            polarity     TEXT NOT NULL,
            modality     TEXT NOT NULL,
            verb         TEXT NOT NULL,
            verb_start   INTEGER NOT NULL,
            verb_end     INTEGER NOT NULL,
            rule         TEXT NOT NULL,
            source_text  TEXT,
            source_name  TEXT,
            target_text  TEXT,
            target_name  TEXT
        );
        CREATE INDEX mentions_event ON mentions(event);
        -- mentions.text and events.first_text are NULL when equal to the sentence's text; these views fill them in.
        CREATE VIEW mentions_with_text AS
            SELECT m.id, m.event, m.doc, m.sentence, m.record, m.count, coalesce(m.text, s.text) AS text,
                   m.span_start, m.span_end, m.polarity, m.modality, m.verb, m.verb_start, m.verb_end, m.rule,
                   m.source_text, m.source_name, m.target_text, m.target_name
            FROM mentions m LEFT JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence;
        CREATE INDEX mentions_doc ON mentions(doc);

        CREATE TABLE relations (
            id           INTEGER PRIMARY KEY,
            doc          INTEGER NOT NULL REFERENCES documents(id),
            sentence     INTEGER NOT NULL,
            record       TEXT NOT NULL,
            date         TEXT NOT NULL,
            subject_code TEXT NOT NULL,
            subject_name TEXT NOT NULL,
            subject_text TEXT NOT NULL,
            relation     TEXT NOT NULL,
            label        TEXT,
            object_code  TEXT NOT NULL,
            object_name  TEXT NOT NULL,
            object_text  TEXT NOT NULL,
            text         TEXT NOT NULL,
            verb         TEXT NOT NULL,
            rule         TEXT NOT NULL,
            span_start   INTEGER NOT NULL,
            span_end     INTEGER NOT NULL
        );
        CREATE INDEX relations_doc ON relations(doc);
        CREATE INDEX relations_subject ON relations(subject_code);
        CREATE INDEX relations_object ON relations(object_code);

        CREATE TABLE actors (
            code       TEXT NOT NULL,
            name       TEXT NOT NULL,
            country    TEXT NOT NULL,
            sector     TEXT NOT NULL,
            mentions   INTEGER NOT NULL,
            first_date TEXT,
            last_date  TEXT,
            PRIMARY KEY (code, name)
        ) WITHOUT ROWID;
        """,
        // 2: the spans of a relation's subject, object and trigger, so stored relations read back whole.
        """
        ALTER TABLE relations ADD COLUMN subject_start INTEGER;
        ALTER TABLE relations ADD COLUMN subject_end INTEGER;
        ALTER TABLE relations ADD COLUMN object_start INTEGER;
        ALTER TABLE relations ADD COLUMN object_end INTEGER;
        ALTER TABLE relations ADD COLUMN verb_start INTEGER;
        ALTER TABLE relations ADD COLUMN verb_end INTEGER;
        """,
        // 3: the spans of an event mention's source and target, so stored events read back as the
        // records `annals code` writes (docs/record-schema.json).
        """
        ALTER TABLE mentions ADD COLUMN source_start INTEGER;
        ALTER TABLE mentions ADD COLUMN source_end INTEGER;
        ALTER TABLE mentions ADD COLUMN target_start INTEGER;
        ALTER TABLE mentions ADD COLUMN target_end INTEGER;
        """,
        // 4: where events happened. Each mention keeps its statement's location and the actors'
        // stated places (the record's JSON objects); the event's come from its first statement that
        // has one (``RollUp/geo``), with the country and coordinates apart for the filters.
        """
        ALTER TABLE mentions ADD COLUMN location TEXT;
        ALTER TABLE mentions ADD COLUMN location_country TEXT;
        ALTER TABLE mentions ADD COLUMN location_lat REAL;
        ALTER TABLE mentions ADD COLUMN location_lon REAL;
        ALTER TABLE mentions ADD COLUMN source_place TEXT;
        ALTER TABLE mentions ADD COLUMN target_place TEXT;
        ALTER TABLE events ADD COLUMN geo TEXT;
        ALTER TABLE events ADD COLUMN geo_country TEXT;
        ALTER TABLE events ADD COLUMN geo_lat REAL;
        ALTER TABLE events ADD COLUMN geo_lon REAL;
        ALTER TABLE events ADD COLUMN actor1_geo TEXT;
        ALTER TABLE events ADD COLUMN actor2_geo TEXT;
        CREATE INDEX events_geo_country ON events(geo_country, day);
        """,
    ]
}
