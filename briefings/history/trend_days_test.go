package history

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/locale"
)

// fortnight is two weeks of text reports ending on 14 Mar 2025: the earlier
// week has figures on the days of before (0..6), the later week on the days
// of week (0..6), each day 100 drones launched.
func fortnight(before, week []int) []*briefings.AttackReport {
	start := mustDate("2025-03-01")
	var out []*briefings.AttackReport
	add := func(offset int, days []int) {
		for _, d := range days {
			day := start.AddDate(0, 0, offset+d).Format(time.DateOnly)
			out = append(out, text(int64(len(out)+1), day, "Outlet A", "", n(100), nil))
		}
	}
	add(0, before)
	add(7, week)
	return out
}

// TestTrendComparesLikeWithLike: the week's change on the 7 days before
// compares two of sitrep's sums, fair only when both add up the same number
// of days. A week of 6 reported days against one of 3 read "+100 %" where
// the days themselves were alike; now the comparison is made only when both
// sums cover as many days, and enough of them (4 of 7), and says so when
// that is fewer than 7; otherwise it says why there is none. Both weeks
// full: the sentence as before.
func TestTrendComparesLikeWithLike(t *testing.T) {
	c, err := locale.New()
	if err != nil {
		t.Fatal(err)
	}
	all := []int{0, 1, 2, 3, 4, 5, 6}
	for _, tc := range []struct {
		name         string
		before, week []int
		en, uk       string
	}{
		{"both full", all, all,
			"7 days to 14 Mar (sums added up by sitrep from the day figures): 700 drones launched (0 % on the 7 days before); biggest day: 8 Mar, 100 drones.",
			"7 днів до 14 березня (суми порахував sitrep за денними цифрами): запущено 700 дронів (0 % до попередніх 7 днів); найбільше за день: 8 березня, 100 дронів."},
		{"as many days, not all", []int{0, 2, 3, 4, 6}, []int{1, 2, 3, 5, 6},
			"7 days to 14 Mar (sums added up by sitrep from the figures of 5 of the 7 days; the others give none): 500 drones launched (0 % on the 7 days before, their sum also from the figures of 5 of the 7 days); biggest day: 9 Mar, 100 drones.",
			"7 днів до 14 березня (суми порахував sitrep за цифрами 5 з 7 днів; за інші цифр немає): запущено 500 дронів (0 % до попередніх 7 днів, їхня сума теж за цифрами 5 з 7 днів); найбільше за день: 9 березня, 100 дронів."},
		{"fewer days before", []int{1, 3, 5}, []int{0, 1, 2, 3, 4, 5},
			"7 days to 14 Mar (sums added up by sitrep from the figures of 6 of the 7 days; the others give none): 600 drones launched (not compared with the 7 days before: figures there for 3 of the 7 days, here for 6); biggest day: 8 Mar, 100 drones.",
			"7 днів до 14 березня (суми порахував sitrep за цифрами 6 з 7 днів; за інші цифр немає): запущено 600 дронів (без порівняння з попередніми 7 днями: там цифри за 3 з 7 днів, тут за 6); найбільше за день: 8 березня, 100 дронів."},
		{"more days before", all, []int{2, 4, 6, 1, 3},
			"7 days to 14 Mar (sums added up by sitrep from the figures of 5 of the 7 days; the others give none): 500 drones launched (not compared with the 7 days before: figures there for 7 of the 7 days, here for 5); biggest day: 9 Mar, 100 drones.",
			"7 днів до 14 березня (суми порахував sitrep за цифрами 5 з 7 днів; за інші цифр немає): запущено 500 дронів (без порівняння з попередніми 7 днями: там цифри за 7 з 7 днів, тут за 5); найбільше за день: 9 березня, 100 дронів."},
		{"as many, too few", []int{1, 4}, []int{0, 5},
			"7 days to 14 Mar (sums added up by sitrep from the figures of 2 of the 7 days; the others give none): 200 drones launched (not compared with the 7 days before: too few days with figures); biggest day: 8 Mar, 100 drones.",
			"7 днів до 14 березня (суми порахував sitrep за цифрами 2 з 7 днів; за інші цифр немає): запущено 200 дронів (без порівняння з попередніми 7 днями: замало днів із цифрами); найбільше за день: 8 березня, 100 дронів."},
		{"nothing before", nil, all,
			"7 days to 14 Mar (sums added up by sitrep from the day figures): 700 drones launched; biggest day: 8 Mar, 100 drones.",
			"7 днів до 14 березня (суми порахував sitrep за денними цифрами): запущено 700 дронів; найбільше за день: 8 березня, 100 дронів."},
	} {
		tr := Weekly(nil, fortnight(tc.before, tc.week), Drones, "2025-03-14")
		if got := tr.Sentence(c.For(locale.English)); got != tc.en {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.en)
		}
		if got := tr.Sentence(c.For(locale.Ukrainian)); got != tc.uk {
			t.Errorf("%s (uk):\n got %s\nwant %s", tc.name, got, tc.uk)
		}
	}
}

// TestTrendOneDayIsNotRepeated: when one day of the week gives a figure,
// the week's figure is that day's, and "7 missiles launched ...; biggest
// day: 14 Mar, 7 missiles" said it twice (the demo's missiles). The clause
// names the day instead. Two days or more: the biggest day as before.
func TestTrendOneDayIsNotRepeated(t *testing.T) {
	c, err := locale.New()
	if err != nil {
		t.Fatal(err)
	}
	r := text(1, "2025-03-14", "Outlet A", "", nil, nil)
	r.Launched.Missiles, r.Intercepted.Missiles = n(7), n(5)
	tr := Weekly(nil, []*briefings.AttackReport{r}, Missiles, "2025-03-14")
	for _, tc := range []struct {
		lang locale.Lang
		want string
	}{
		{locale.English, "7 days to 14 Mar (sums added up by sitrep from the figures of 1 of the 7 days; the others give none): 7 missiles launched, 71 % brought down; all on one day, 14 Mar."},
		{locale.Ukrainian, "7 днів до 14 березня (суми порахував sitrep за цифрами 1 з 7 днів; за інші цифр немає): запущено 7 ракет, знешкоджено 71 %; усі за один день, 14 березня."},
	} {
		if got := tr.Sentence(c.For(tc.lang)); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.lang, got, tc.want)
		}
	}
	two := Weekly(nil, fortnight(nil, []int{3, 6}), Drones, "2025-03-14")
	if got, want := two.Sentence(c.For(locale.English)), "200 drones launched; biggest day: 11 Mar, 100 drones."; !strings.HasSuffix(got, want) {
		t.Errorf("two days: %s, want it to end %s", got, want)
	}
}
