package history

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// MaxRowErrors caps the bad rows an import lists; past it the rest are
// counted only (a file of the wrong kind would otherwise list every line).
const MaxRowErrors = 100

// maxCount bounds a count cell: no attack window holds a million weapons, so
// a larger figure is a broken cell.
const maxCount = 1_000_000

// RowError is one row that did not load: its line in the file (1 = header)
// and why.
type RowError struct {
	Line   int
	Reason string
}

func (e RowError) String() string { return fmt.Sprintf("line %d: %s", e.Line, e.Reason) }

// Unmapped is a weapon model the import does not know (or a cell that counts
// a drone and a missile together): its rows loaded, but their figures are in
// no drone or missile total. Lines lists up to five of them.
type Unmapped struct {
	Model    string
	Rows     int
	Launched int
	Lines    []int
}

// row is one data row of the file.
type row struct {
	line                            int
	start, end                      string    // as written, trimmed
	startT, endT                    time.Time // parsed; a bare date is midnight
	timed                           bool      // the window has clock times
	model, target, source           string
	launched, destroyed, notReached *int
}

// columns the parser reads; the file may hold more, in any order.
const (
	colStart      = "time_start"
	colEnd        = "time_end"
	colModel      = "model"
	colTarget     = "target"
	colLaunched   = "launched"
	colDestroyed  = "destroyed"
	colNotReached = "not_reach_goal"
	colSource     = "source"
)

var requiredColumns = []string{colStart, colEnd, colModel, colLaunched, colDestroyed}

// readRows reads the file's rows. It fails only when the file as a whole
// cannot be read (no header, a required column missing, an I/O error); a
// bad row goes to errs with its line and the rest are read. rows counts
// every data row, good or bad.
func readRows(r io.Reader) (good []row, errs []RowError, rows int, err error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil, 0, errors.New("history: empty file: no header line")
		}
		return nil, nil, 0, fmt.Errorf("history: header: %w", err)
	}
	cols, err := headerIndex(header)
	if err != nil {
		return nil, nil, 0, err
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return good, errs, rows, nil
		}
		rows++
		var pe *csv.ParseError
		switch {
		case errors.As(err, &pe):
			errs = append(errs, RowError{Line: pe.StartLine, Reason: "unreadable CSV: " + pe.Err.Error()})
			continue
		case err != nil:
			return good, errs, rows, fmt.Errorf("history: read: %w", err)
		}
		line, _ := cr.FieldPos(0)
		rw, reason := parseRow(rec, cols)
		if reason != "" {
			errs = append(errs, RowError{Line: line, Reason: reason})
			continue
		}
		rw.line = line
		good = append(good, rw)
	}
}

// headerIndex maps column names to their positions and checks the required
// ones are there. A byte-order mark before the first name is ignored.
func headerIndex(header []string) (map[string]int, error) {
	cols := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if _, dup := cols[h]; !dup {
			cols[h] = i
		}
	}
	var missing []string
	for _, c := range requiredColumns {
		if _, ok := cols[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("history: not the attacks data set's format: the header lacks %s (it needs %s)",
			strings.Join(missing, ", "), strings.Join(requiredColumns, ", "))
	}
	return cols, nil
}

// parseRow reads one record; reason is why it is bad, "" when it is good.
func parseRow(rec []string, cols map[string]int) (row, string) {
	cell := func(name string) string {
		i, ok := cols[name]
		if !ok || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	var rw row
	if need := cols[colDestroyed]; len(rec) <= need || len(rec) <= cols[colLaunched] {
		return rw, fmt.Sprintf("%d fields, the header has more", len(rec))
	}
	rw.model, rw.target, rw.source = cell(colModel), cell(colTarget), cell(colSource)
	if rw.model == "" {
		return rw, "no model"
	}
	start, startTimed, err := parseTime(cell(colStart))
	if err != nil {
		return rw, "time_start: " + err.Error()
	}
	end, endTimed, err := parseTime(cell(colEnd))
	if err != nil {
		return rw, "time_end: " + err.Error()
	}
	if end.Before(start) && !(startTimed && !endTimed && sameDay(start, end)) {
		return rw, fmt.Sprintf("time_end %q is before time_start %q", cell(colEnd), cell(colStart))
	}
	rw.start, rw.end, rw.timed = cell(colStart), cell(colEnd), startTimed || endTimed
	rw.startT, rw.endT = start, end
	for _, c := range []struct {
		name string
		dst  **int
	}{{colLaunched, &rw.launched}, {colDestroyed, &rw.destroyed}, {colNotReached, &rw.notReached}} {
		n, err := parseCount(cell(c.name))
		if err != nil {
			return rw, c.name + ": " + err.Error()
		}
		*c.dst = n
	}
	if rw.launched == nil && rw.destroyed == nil && rw.notReached == nil {
		return rw, "no figure: launched, destroyed and not_reach_goal are all empty"
	}
	return rw, ""
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// parseTime reads "2006-01-02 15:04" (the hour may have one digit) or a bare
// date; timed says whether a clock time was given. The data set writes Kyiv
// time; the parser keeps it as written (a civil time, no zone).
func parseTime(s string) (t time.Time, timed bool, err error) {
	if s == "" {
		return t, false, errors.New("empty")
	}
	if t, err := time.Parse("2006-01-02 15:04", s); err == nil {
		return t, true, nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, false, nil
	}
	return t, false, fmt.Errorf("%q is not a date (YYYY-MM-DD) or a date and time (YYYY-MM-DD HH:MM)", clip(s, 40))
}

// parseCount reads a count cell: empty or NaN is unstated (nil); otherwise a
// whole, non-negative number, written "93" or "93.0".
func parseCount(s string) (*int, error) {
	if s == "" || strings.EqualFold(s, "nan") {
		return nil, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil || math.IsNaN(f) || math.IsInf(f, 0):
		return nil, fmt.Errorf("%q is not a number", clip(s, 40))
	case f < 0:
		return nil, fmt.Errorf("%q is negative", clip(s, 40))
	case f != math.Trunc(f):
		return nil, fmt.Errorf("%q is not a whole number", clip(s, 40))
	case f > maxCount:
		return nil, fmt.Errorf("%q is too large for one attack window", clip(s, 40))
	}
	n := int(f)
	return &n, nil
}

// clip shortens s for an error message without splitting a rune.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
