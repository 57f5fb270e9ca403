-- mailcert results, the same for SQLite and PostgreSQL: plain types only, no autoincrement.
-- Times are milliseconds since 1970-01-01 UTC.

-- The targets of a scan as read from its input, once each: (TARGET, SERVER) normalised is the key,
-- line is where the pair first appeared (exports keep input order).
CREATE TABLE scan_target (
    scan                TEXT NOT NULL,
    target_key          TEXT NOT NULL,
    line                BIGINT NOT NULL,
    target              TEXT NOT NULL,
    server              TEXT,
    PRIMARY KEY (scan, target_key)
);
CREATE INDEX scan_target_line ON scan_target (scan, line);

-- One result per target of a scan: the indexed columns, and the whole mailcert.check/1 JSON.
CREATE TABLE scan_result (
    scan                TEXT NOT NULL,
    target_key          TEXT NOT NULL,
    line                BIGINT NOT NULL,
    target              TEXT NOT NULL,
    domain              TEXT NOT NULL,
    server              TEXT,
    checked_server      TEXT NOT NULL,
    verdict             TEXT NOT NULL,
    imap_host           TEXT,
    imap_port           INTEGER,
    imap_security       TEXT,
    pop3_host           TEXT,
    pop3_port           INTEGER,
    pop3_security       TEXT,
    smtp_host           TEXT,
    smtp_port           INTEGER,
    smtp_security       TEXT,
    recommended_host    TEXT,
    confidence          TEXT,
    addresses           TEXT NOT NULL,
    certificate_sha256  TEXT,
    certificate_subject TEXT,
    problems            TEXT NOT NULL,
    elapsed_ms          BIGINT NOT NULL,
    finished_ms         BIGINT NOT NULL,
    json                TEXT NOT NULL,
    PRIMARY KEY (scan, target_key)
);
CREATE INDEX scan_result_line ON scan_result (scan, line);
CREATE INDEX scan_result_group ON scan_result (scan, verdict, addresses, recommended_host);
CREATE INDEX scan_result_domain ON scan_result (domain, finished_ms);

-- The newest check made through the web service per domain and configured server ('' when the
-- server was discovered). The local part of an address is never stored: target is the domain.
CREATE TABLE web_check (
    domain              TEXT NOT NULL,
    server              TEXT NOT NULL,
    checked_server      TEXT NOT NULL,
    verdict             TEXT NOT NULL,
    recommended_host    TEXT,
    confidence          TEXT,
    addresses           TEXT NOT NULL,
    certificate_sha256  TEXT,
    problems            TEXT NOT NULL,
    elapsed_ms          BIGINT NOT NULL,
    finished_ms         BIGINT NOT NULL,
    json                TEXT NOT NULL,
    PRIMARY KEY (domain, server)
);
CREATE INDEX web_check_domain ON web_check (domain, finished_ms);
