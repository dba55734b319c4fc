package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const cliList = `<?xml version="1.0"?>
<opml version="2.0"><head><title>feeds</title></head><body>
  <outline text="News">
    <outline text="Wire" type="rss" xmlUrl="https://wire.example/rss"/>
    <outline text="Home" type="rss" xmlUrl="http://10.1.2.3/feed"/>
  </outline>
  <outline text="Kyiv" type="rss" xmlUrl="https://kyiv.example/feed" language="uk"/>
</body></opml>`

func TestSourcesImportExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	file := filepath.Join(dir, "in.opml")
	if err := os.WriteFile(file, []byte(cliList), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, "", nil, "sources", "import", "--db", db, file)
	if code != 1 || !strings.Contains(out, "added #1 Wire <https://wire.example/rss>") ||
		!strings.Contains(out, "refused line 5 Home <http://10.1.2.3/feed>: the address is not public") ||
		!strings.Contains(out, "2 added, 0 already there, 1 refused") {
		t.Fatalf("import: code %d\n%s\n%s", code, out, errs)
	}
	// Idempotent; --allow-private takes the operator's own address.
	out, _, code = run(t, "", nil, "sources", "import", "--db", db, "--allow-private", file)
	if code != 0 || !strings.Contains(out, "1 added, 2 already there, 0 refused") {
		t.Fatalf("second import: code %d\n%s", code, out)
	}
	exported, errs, code := run(t, "", nil, "sources", "export", "--db", db)
	if code != 0 || !strings.Contains(exported, `<outline text="News" title="News">`) {
		t.Fatalf("export: code %d\n%s\n%s", code, exported, errs)
	}
	// The export imports into a fresh database as the same three sources.
	again := filepath.Join(dir, "out.opml")
	if err := os.WriteFile(again, []byte(exported), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errs, code = run(t, "", nil, "sources", "import", "--db", filepath.Join(dir, "b.db"), "--allow-private", again)
	if code != 0 || !strings.Contains(out, "3 added, 0 already there, 0 refused") {
		t.Fatalf("re-import: code %d\n%s\n%s", code, out, errs)
	}
	reexported, _, _ := run(t, "", nil, "sources", "export", "--db", filepath.Join(dir, "b.db"))
	if reexported != exported {
		t.Fatalf("export of the re-import differs:\n%s\nvs\n%s", reexported, exported)
	}
	// A file that is not OPML adds nothing.
	bad := filepath.Join(dir, "bad.opml")
	if err := os.WriteFile(bad, []byte("<rss><channel/></rss>"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errs, code = run(t, "", nil, "sources", "import", "--db", db, bad)
	if code != 1 || !strings.Contains(errs, "not OPML") || !strings.Contains(errs, "nothing imported") {
		t.Fatalf("bad file: code %d %s", code, errs)
	}
}
