package briefings

import "time"

// AttackRecord is a report of record: one attack window's figures as a data
// set of record publishes them (the Air Force's daily figures compiled since
// 2022), imported from a file rather than read from a news text. Records
// never alert and never enter digests as news; charts and trends read them as
// the history, and where a night has both a record and reports read from
// text, the record is the figure of record and both are kept.
type AttackRecord struct {
	ID int64
	// Dataset names the data set (the import's source), e.g. DatasetAttacks.
	Dataset string
	// Key identifies the record within its data set across files: the same
	// attack window from the same original post has the same key.
	Key string
	// Hash digests the figures; a newer file that corrects a record changes it.
	Hash string
	// URL is the original post the data set took the figures from, if known.
	URL string
	// Report holds the figures in the attack reader's terms.
	Report     AttackReport
	ImportedAt time.Time
	UpdatedAt  time.Time
}

// ImportResult says what storing a file's records did.
type ImportResult struct {
	Added     int
	Updated   int
	Unchanged int
}
