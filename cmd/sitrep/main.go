// Command sitrep is the bot and its tools: one binary with subcommands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := NewMain()
	err := m.Run(ctx, os.Args[1:])
	if cerr := m.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		var ee *exitError
		if errors.As(err, &ee) {
			if ee.msg != "" {
				fmt.Fprintln(os.Stderr, "sitrep:", ee.msg)
			}
			os.Exit(ee.code)
		}
		fmt.Fprintln(os.Stderr, "sitrep:", err)
		os.Exit(1)
	}
}

// exitError ends the program with a code, after a message already printed
// (or msg).
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return fmt.Sprintf("exit %d: %s", e.code, e.msg) }

const usage = `sitrep: war and diplomacy briefings on Telegram, Discord and the console.

Usage:
  sitrep run [--config F] [--demo]        the bot: scheduler and chat adapters; console chat on stdin when no platform is configured
  sitrep chat [--config F] [--demo]       console chat only: one command per stdin line, replies on stdout, exits at EOF
  sitrep ingest [--config F] SOURCE...    SOURCE: file, folder, feed URL, page URL, or - ; one line per article
  sitrep summarize [-n N] [FILE|-]        N-sentence summary (default 3) of one article, one sentence per line
  sitrep digest [--config F] [--since D] [--format text|markdown|html|json]
  sitrep extract [FILE|-]                 attack reports, topics and entities as JSON
  sitrep sources import [--allow-private] FILE.opml   add the feeds of an OPML file (one line per outline)
  sitrep sources export                   every feed and page source as OPML 2.0, folders as categories
  sitrep import attacks FILE.csv          the Air Force's daily figures data set into the attack history; bad rows listed by line
  sitrep chart [--since 90d] [--class drones|missiles|all] [--until DATE] [-o chart.png]
                                          the attack chart /chart sends, as a PNG file; its caption on stdout
  sitrep explain [-n N] [--json] [FILE|-] whether an article is about the war (relevance), its digest section, and why
  sitrep config check [--config F]        validate the configuration
  sitrep config example                   print the documented example configuration

Common flags: --db PATH (SQLite file; or SITREP_DB), SITREP_DATABASE_URL=postgres://... for PostgreSQL.
`

func writeUsage(w io.Writer) { fmt.Fprint(w, usage) }
