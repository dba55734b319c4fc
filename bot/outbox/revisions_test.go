package outbox

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/digest"
	"github.com/sitrep/sitrep/briefings/locale"
	"github.com/sitrep/sitrep/briefings/store"
	"github.com/sitrep/sitrep/briefings/store/storetest"
)

// revisionWorld is a store with outlets, a chat with alerts on, and the
// three places an event is shown: the alert, /attacks and the digest.
type revisionWorld struct {
	t       *testing.T
	en      *locale.Printer
	st      *store.DB
	now     time.Time
	sources map[string]*briefings.Source
	n       int
}

func newRevisionWorld(t *testing.T, now time.Time) *revisionWorld {
	cat, err := locale.New()
	if err != nil {
		t.Fatal(err)
	}
	w := &revisionWorld{t: t, en: cat.For(locale.English), st: storetest.Open(t), now: now, sources: map[string]*briefings.Source{}}
	chat := briefings.Chat{Platform: "telegram", ChatID: "1"}
	if err := w.st.SetAlertSettings(context.Background(), &briefings.AlertSettings{Chat: chat, Enabled: true}); err != nil {
		t.Fatal(err)
	}
	return w
}

// publish stores an article of outlet (created on first use; primaryFor
// makes it the attacked side's military) with one report.
func (w *revisionWorld) publish(outlet, primaryFor string, at time.Time, r briefings.AttackReport) *briefings.Article {
	w.t.Helper()
	ctx := context.Background()
	src := w.sources[outlet]
	if src == nil {
		src = &briefings.Source{Name: outlet, URL: "https://" + strings.ToLower(outlet) + ".test/feed", Kind: briefings.SourceFeed, Enabled: true, PrimaryFor: primaryFor}
		if err := w.st.UpsertSource(ctx, src); err != nil {
			w.t.Fatal(err)
		}
		w.sources[outlet] = src
	}
	w.n++
	a := &briefings.Article{SourceID: src.ID, URL: fmt.Sprintf("https://%s.test/a/%d", strings.ToLower(outlet), w.n), GUID: fmt.Sprint(w.n),
		Title: "Overnight attack " + fmt.Sprint(w.n), Body: r.Evidence, PublishedAt: at, ContentHash: fmt.Sprint("h", w.n),
		Topics: []briefings.Topic{briefings.TopicAirAttacks}, Attacks: []briefings.AttackReport{r}}
	if _, err := w.st.AddArticle(ctx, a); err != nil {
		w.t.Fatal(err)
	}
	return a
}

// scan runs the alert scan with the real alert renderer and returns the
// number enqueued and the text of the newest queued version of the alert.
func (w *revisionWorld) scan() (int, string) {
	w.t.Helper()
	n, err := EnqueueAlerts(context.Background(), w.st, w.now, 0, func(_ briefings.Chat, ev []*briefings.AttackReport) *bot.Reply {
		return bot.AlertReply(w.en, ev, time.UTC)
	})
	if err != nil {
		w.t.Fatal(err)
	}
	d, err := w.st.LatestVersion(context.Background(), AlertDedupeKey(briefings.Chat{Platform: "telegram", ChatID: "1"}, "RU>UA@2026-09-04"))
	if err != nil {
		return n, ""
	}
	rep, err := DecodePayload(d.Payload)
	if err != nil {
		w.t.Fatal(err)
	}
	// The text with each link's URL after it, as the console shows it.
	var b strings.Builder
	b.WriteString(rep.Title + "\n")
	for _, p := range rep.Paragraphs {
		for _, l := range p.Lines {
			for _, s := range l {
				b.WriteString(s.Text)
				if s.URL != "" {
					b.WriteString(" <" + s.URL + ">")
				}
			}
			b.WriteString("\n")
		}
	}
	return n, b.String()
}

// attacks is the /attacks line of the night and its record's link.
func (w *revisionWorld) attacks() ([]string, []string) {
	w.t.Helper()
	reps, err := w.st.ListAttackReports(context.Background(), w.now.Add(-24*time.Hour), w.now.Add(time.Minute))
	if err != nil {
		w.t.Fatal(err)
	}
	for _, l := range digest.AttackEvents(w.en, reps, time.UTC) {
		if l.Key == "RU>UA@2026-09-04" {
			url := ""
			if l.Record != nil {
				url = l.Record.URL
			}
			return []string{l.Text}, []string{url}
		}
	}
	return nil, nil
}

// digestFigures are the digest's figures lines (one per story of the
// night) and their links.
func (w *revisionWorld) digestFigures() ([]string, []string) {
	w.t.Helper()
	d, err := digest.Build(context.Background(), w.st, nil, digest.Options{Now: w.now, Since: w.now.Add(-24 * time.Hour)})
	if err != nil {
		w.t.Fatal(err)
	}
	var lines, urls []string
	for _, s := range d.Sections {
		for _, it := range s.Items {
			if it.Figures != "" {
				url := ""
				if it.Record != nil {
					url = it.Record.URL
				}
				lines, urls = append(lines, it.Figures), append(urls, url)
			}
		}
	}
	return lines, urls
}

func quoted(drones, down int, evidence string) briefings.AttackReport {
	return briefings.AttackReport{Attacker: "RU", Target: "UA", Date: "2026-09-04", Period: "overnight", Scope: briefings.ScopeNational,
		Source: "Ukraine's Air Force", Evidence: evidence,
		Launched: briefings.Counts{Drones: briefings.IntPtr(drones)}, Intercepted: briefings.Counts{Drones: briefings.IntPtr(down)}}
}

// TestUpdatedReportRevisesEverywhere: a first report of 143 drones, 120
// shot down, then an outlet's "updated report" of 146 and 124. The alert,
// /attacks and the digest all move to 146/124, say "updated 09:00" and
// link the updated report. Another outlet then repeats the updated figures
// (adding the hits): the alert's text would not change, so nothing is sent.
func TestUpdatedReportRevisesEverywhere(t *testing.T) {
	w := newRevisionWorld(t, time.Date(2026, 9, 4, 10, 0, 0, 0, time.UTC))
	w.publish("Wire", "", time.Date(2026, 9, 4, 6, 0, 0, 0, time.UTC),
		quoted(143, 120, "Russia launched 143 drones at Ukraine overnight, the air force said, adding that 120 were shot down."))
	n, text := w.scan()
	if n != 1 || !strings.Contains(text, "143 drones") {
		t.Fatalf("first alert: %d, %q", n, text)
	}
	updated := w.publish("Courier", "", time.Date(2026, 9, 4, 9, 0, 0, 0, time.UTC),
		quoted(146, 124, "Russia launched 146 drones overnight, the air force said in an updated report, adding that 124 were shot down."))
	n, text = w.scan()
	if n != 1 || !strings.Contains(text, "146 drones") || !strings.Contains(text, "124") || strings.Contains(text, "143") ||
		!strings.Contains(text, "updated 09:00") || !strings.Contains(text, updated.URL) {
		t.Fatalf("the edit: %d enqueued, %q", n, text)
	}
	for where, f := range map[string]func() ([]string, []string){"/attacks": w.attacks, "digest": w.digestFigures} {
		lines, urls := f()
		for i, line := range lines {
			if !strings.Contains(line, "146 drones") || strings.Contains(line, "143") || !strings.Contains(line, "updated 09:00") || urls[i] != updated.URL {
				t.Errorf("%s: %q, record %q", where, line, urls[i])
			}
		}
		if len(lines) == 0 {
			t.Errorf("%s: no line for the night", where)
		}
	}

	repeat := quoted(146, 124, "Overnight Russia launched 146 drones, of which 124 were shot down, the air force said; 20 drones hit targets.")
	repeat.Hits.Drones = briefings.IntPtr(20)
	w.publish("Gazette", "", time.Date(2026, 9, 4, 9, 40, 0, 0, time.UTC), repeat)
	if n, again := w.scan(); n != 0 || again != text {
		t.Fatalf("a repeat of the figures of record enqueued %d (text %q, was %q)", n, again, text)
	}
}

// TestPrimaryOutranksOutlets: the Air Force's own post stands over outlets
// quoting it with rounded figures later; its edited post (a new count)
// supersedes it; an outlet's later plain quote of the old figures does not.
func TestPrimaryOutranksOutlets(t *testing.T) {
	w := newRevisionWorld(t, time.Date(2026, 9, 4, 10, 0, 0, 0, time.UTC))
	own := quoted(151, 137, "Invented own report: 151 drones, 137 downed.")
	own.Source = ""
	post := w.publish("AirForce", "UA", time.Date(2026, 9, 4, 6, 0, 0, 0, time.UTC), own)
	w.publish("Wire", "", time.Date(2026, 9, 4, 6, 50, 0, 0, time.UTC), quoted(150, 137, "About 150 drones, the air force said."))
	n, text := w.scan()
	if n != 1 || !strings.Contains(text, "151 drones") || strings.Contains(text, "150") || !strings.Contains(text, post.URL) ||
		strings.Contains(text, "updated") || !strings.Contains(text, "Source: Ukraine's Air Force") {
		t.Fatalf("own post: %d, %q", n, text)
	}
	// The post is edited at 07:20 with a higher count.
	post.Body = "Invented own report, edited: 153 drones, 139 downed."
	post.ContentHash = "edited"
	edited := quoted(153, 139, post.Body)
	edited.Source, edited.Corrected = "", true // as the ingester marks an edit with a new count
	post.Attacks = []briefings.AttackReport{edited}
	post.RevisedAt = time.Date(2026, 9, 4, 7, 20, 0, 0, time.UTC)
	if err := w.st.ReviseArticle(context.Background(), post); err != nil {
		t.Fatal(err)
	}
	n, text = w.scan()
	if n != 1 || !strings.Contains(text, "153 drones") || !strings.Contains(text, "updated 07:20") {
		t.Fatalf("edited post: %d, %q", n, text)
	}
	w.publish("Gazette", "", time.Date(2026, 9, 4, 8, 0, 0, 0, time.UTC), quoted(151, 137, "151 drones, the air force said."))
	if n, again := w.scan(); n != 0 || again != text {
		t.Fatalf("a late quote of the first count: %d, %q", n, again)
	}
}

// TestProvisionalReportIsReplaced: the Air Force's report while the attack
// is still going on alerts marked provisional; its report after the attack
// replaces it in the alert, without the mark.
func TestProvisionalReportIsReplaced(t *testing.T) {
	w := newRevisionWorld(t, time.Date(2026, 9, 4, 10, 0, 0, 0, time.UTC))
	first := quoted(120, 95, "Invented own report while drones are still in the air.")
	first.Source, first.Provisional = "", true
	w.publish("AirForce", "UA", time.Date(2026, 9, 4, 6, 15, 0, 0, time.UTC), first)
	n, text := w.scan()
	if n != 1 || !strings.Contains(text, "120 drones") || !strings.Contains(text, "provisional") {
		t.Fatalf("provisional alert: %d, %q", n, text)
	}
	final := quoted(131, 110, "Invented own report after the attack.")
	final.Source = ""
	w.publish("AirForce", "UA", time.Date(2026, 9, 4, 8, 40, 0, 0, time.UTC), final)
	n, text = w.scan()
	if n != 1 || !strings.Contains(text, "131 drones") || strings.Contains(text, "provisional") || !strings.Contains(text, "updated 08:40") {
		t.Fatalf("the final count: %d, %q", n, text)
	}
}
