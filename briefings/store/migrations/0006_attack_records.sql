-- sitrep schema, version 6: reports of record imported from data sets.
--
-- An attack record is one attack window's figures as a data set of record
-- publishes them (the Air Force's daily figures), imported from a file, not
-- read from an article. They live apart from attack_reports, which the alert
-- job and digests read: imported history never alerts and never becomes news.
-- (dataset, record_key) identifies a record across files, so importing the
-- same file again adds nothing; hash digests the figures, so a newer file
-- that corrects a record updates it. data is the AttackReport JSON, as in
-- attack_reports; attack_date and scope are copies for filtering.
CREATE TABLE attack_records (
    id          {{ID}},
    dataset     TEXT NOT NULL,
    record_key  TEXT NOT NULL,
    hash        TEXT NOT NULL,
    url         TEXT NOT NULL DEFAULT '',
    attack_date TEXT NOT NULL,
    scope       TEXT NOT NULL DEFAULT '',
    data        TEXT NOT NULL,
    imported_at {{TIME}} NOT NULL,
    updated_at  {{TIME}} NOT NULL,
    CONSTRAINT attack_records_key UNIQUE (dataset, record_key)
);
CREATE INDEX attack_records_date ON attack_records (attack_date);
