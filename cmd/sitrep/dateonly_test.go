package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A source that gives a day but no time of day (a file's "date:" header
// with a bare date) is shown by its day alone: the digest invents no time
// (before, the day's 00:00 UTC read as 02:00 or 03:00 Kyiv time). A date
// with its time keeps the time.
func TestDigestShowsADateWithoutTimeAsTheDayAlone(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"dayonly.txt": "title: Drones hit a depot in the Kharkiv region at night\nsource: Test Courier\ndate: 2026-03-09\n\n" +
			"Russian drones struck a fuel depot on the outskirts of Kharkiv overnight, the regional governor said on Monday. " +
			"Firefighters worked for hours to put out the blaze, and no casualties were reported.",
		"timed.txt": "title: Foreign ministers discuss a ceasefire plan in Geneva\nsource: Test Gazette\ndate: 2026-03-09 14:20\n\n" +
			"Foreign ministers of Ukraine and its European allies met in Geneva on Monday to discuss a ceasefire plan for the war. " +
			"The talks focused on security guarantees for Ukraine and on sanctions against Russia.",
		// A saved feed whose pubDate is a bare day, as some publishers write it.
		"feed.xml": `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Weekly</title><link>https://weekly.example/</link>` +
			`<item><title>Sappers clear mines from farmland near Izium after the occupation</title><link>https://weekly.example/a</link>` +
			`<pubDate>2026-03-08</pubDate><description>Ukrainian sappers cleared Russian mines from fields near Izium so that farmers can sow again this spring.</description></item>` +
			`</channel></rss>`,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "s.db")
	if out, errs, code := run(t, "", nil, "ingest", "--db", db, dir); code != 0 {
		t.Fatalf("ingest: %d %q %q", code, out, errs)
	}
	cfg := filepath.Join(t.TempDir(), "sitrep.yaml")
	if err := os.WriteFile(cfg, []byte("schedule:\n  timezone: Europe/Kyiv\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, "", nil, "digest", "--config", cfg, "--db", db, "--since", "72h", "--format", "text")
	if code != 0 {
		t.Fatalf("digest: %d %q", code, errs)
	}
	for _, want := range []string{"Drones hit a depot in the Kharkiv region at night (9 Mar)", "Geneva (9 Mar 16:20)", "after the occupation (8 Mar)"} {
		if !strings.Contains(out, want) {
			t.Errorf("digest lacks %q:\n%s", want, out)
		}
	}
	// /latest lists articles with their dates the same way.
	out, _, _ = run(t, "/latest 5\n", nil, "chat", "--config", cfg, "--db", db)
	for _, want := range []string{"Test Courier, 9 Mar\n", "Test Gazette, 9 Mar 16:20", "Test Weekly, 8 Mar\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("/latest lacks %q:\n%s", want, out)
		}
	}
}
