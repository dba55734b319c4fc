package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/sitrep/sitrep/briefings/ingest"
	"github.com/sitrep/sitrep/briefings/opml"
)

const sourcesUsage = `usage: sitrep sources import [--config F] [--allow-private] FILE.opml|-
       sitrep sources export [--config F] > FILE.opml`

// runSources imports sources from an OPML file or exports them as one.
func (m *Main) runSources(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(m.Stderr, sourcesUsage)
		return &exitError{code: 2}
	}
	switch args[0] {
	case "import":
		return m.importSources(ctx, args[1:])
	case "export":
		return m.exportSources(ctx, args[1:])
	}
	fmt.Fprintf(m.Stderr, "sitrep sources: unknown command %q\n%s\n", args[0], sourcesUsage)
	return &exitError{code: 2}
}

// importSources adds the feeds of an OPML file and prints one line per
// outline. Addresses must be public unless --allow-private (the operator's
// own network). A file refused whole adds nothing and exits 1; refused
// outlines are reported, the others imported, and the exit status is 1.
func (m *Main) importSources(ctx context.Context, args []string) error {
	var c common
	fs := m.flags("sources import", &c, false)
	private := fs.Bool("allow-private", false, "accept feeds on private and loopback addresses (your own network)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(m.Stderr, sourcesUsage)
		return &exitError{code: 2}
	}
	var in io.Reader = m.Stdin
	if name := fs.Arg(0); name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return &exitError{code: 1, msg: err.Error()}
		}
		defer f.Close()
		in = f
	}
	doc, err := opml.Parse(in, opml.DefaultLimits)
	if err != nil {
		return &exitError{code: 1, msg: fmt.Sprintf("%s: %v; nothing imported", fs.Arg(0), err)}
	}
	if err := m.setup(ctx, &c); err != nil {
		return err
	}
	im := &opml.Importer{Store: m.Store, Check: ingest.CheckPublicURL, Now: m.Now}
	if *private {
		im.Check, im.AllowPrivate = nil, true
	}
	res, err := im.Import(ctx, doc)
	if err != nil {
		return err
	}
	for _, r := range res {
		fmt.Fprintln(m.Stdout, r.String())
	}
	fmt.Fprintf(m.Stdout, "%d added, %d already there, %d refused\n",
		opml.Count(res, opml.Added), opml.Count(res, opml.Exists), opml.Count(res, opml.Refused))
	if opml.Count(res, opml.Refused) > 0 {
		return &exitError{code: 1}
	}
	return nil
}

// exportSources writes every feed and page source as OPML on stdout.
func (m *Main) exportSources(ctx context.Context, args []string) error {
	var c common
	fs := m.flags("sources export", &c, false)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := m.setup(ctx, &c); err != nil {
		return err
	}
	srcs, err := m.Store.ListSources(ctx)
	if err != nil {
		return err
	}
	return opml.Write(m.Stdout, "sitrep sources", m.Now(), srcs)
}
