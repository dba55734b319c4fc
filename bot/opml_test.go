package bot_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/bot/render"
	"github.com/sitrep/sitrep/briefings/ingest"
	"github.com/sitrep/sitrep/briefings/store/storetest"
)

const chatList = `<opml version="2.0"><body>
<outline text="News"><outline text="Wire" xmlUrl="https://wire.example/rss"/></outline>
<outline text="Router" xmlUrl="http://192.168.0.1/feed"/>
<outline text="Script" xmlUrl="javascript:alert(1)"/>
<outline text="Disk" xmlUrl="file:///etc/passwd"/>
</body></opml>`

// An admin imports an OPML list from chat: the file is fetched through the
// address guard and every feed in it is checked by the guard too.
func TestImportOPMLFromChat(t *testing.T) {
	st := storetest.Open(t)
	files := map[string]string{"https://lists.example/feeds.opml": chatList, "https://lists.example/not.opml": "<html>no</html>"}
	r := bot.NewRouter(bot.Deps{Store: st, CheckURL: ingest.CheckPublicURL,
		FetchFile: func(_ context.Context, u string) ([]byte, error) {
			if err := ingest.CheckPublicURL(u); err != nil {
				return nil, err
			}
			if f, ok := files[u]; ok {
				return []byte(f), nil
			}
			return nil, errors.New("ingest: HTTP 404")
		}})
	say := func(text, locale string, admin bool) string {
		q := req(text)
		q.IsAdmin, q.Locale = admin, locale
		return render.Text(r.Handle(context.Background(), q))
	}
	if out := say("/importopml https://lists.example/feeds.opml", "", false); !strings.Contains(out, "for the bot's admins") {
		t.Errorf("not an admin: %q", out)
	}
	out := say("/importopml https://lists.example/feeds.opml", "", true)
	for _, want := range []string{"OPML: 1 added, 0 already there, 3 refused", "added #1 Wire",
		"refused (line 3) Router: the address is not public", "javascript: addresses are not feeds", "file: addresses are not feeds"} {
		if !strings.Contains(out, want) {
			t.Errorf("want %q in\n%s", want, out)
		}
	}
	out = say("/importopml https://lists.example/feeds.opml", "uk", true)
	if !strings.Contains(out, "OPML: додано 0, уже були 1, відхилено 3") || !strings.Contains(out, "адреса не публічна") {
		t.Errorf("again, in Ukrainian:\n%s", out)
	}
	if out := say("/importopml http://127.0.0.1/feeds.opml", "", true); !strings.Contains(out, "couldn't read that page") {
		t.Errorf("a private list address: %q", out)
	}
	if out := say("/importopml https://lists.example/not.opml", "", true); !strings.Contains(out, "not an OPML list") || !strings.Contains(out, "nothing was added") {
		t.Errorf("not OPML: %q", out)
	}
	srcs, err := st.ListSources(context.Background())
	if err != nil || len(srcs) != 1 || srcs[0].AllowPrivate || srcs[0].Category != "News" {
		t.Fatalf("sources %+v %v", srcs, err)
	}
}
