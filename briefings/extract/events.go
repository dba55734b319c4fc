package extract

import "strings"

// Event kinds.
const (
	EventMeeting          = "meeting"
	EventTalks            = "talks"
	EventAgreement        = "agreement"
	EventSanctions        = "sanctions"
	EventAid              = "aid"
	EventPrisonerExchange = "prisoner_exchange"
)

// Event is a diplomacy event read from one sentence. Every text field is a
// span of the sentence, verbatim, so Line never says what the text does not.
type Event struct {
	Kind     string   `json:"kind"`
	Who      []string `json:"who,omitempty"`   // names as written
	Verb     string   `json:"verb,omitempty"`  // the trigger as written ("met with")
	Where    string   `json:"where,omitempty"` // "in Paris"
	When     string   `json:"when,omitempty"`  // "on Thursday"
	About    string   `json:"about,omitempty"` // "to discuss security guarantees for Ukraine"
	Evidence string   `json:"evidence"`
}

// Line is a one-line digest item built only from words of the text.
func (e Event) Line() string {
	var parts []string
	var who []string
	for _, w := range e.Who {
		if !strings.Contains(e.Verb, w) {
			who = append(who, w)
		}
	}
	if len(who) > 0 {
		parts = append(parts, joinNames(who))
	}
	for _, p := range []string{e.Verb, e.Where, e.When, e.About} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " ")
}

func joinNames(ns []string) string {
	switch len(ns) {
	case 1:
		return ns[0]
	case 2:
		return ns[0] + ", " + ns[1]
	}
	return strings.Join(ns, ", ")
}

// kindRank: when a sentence has several triggers, the most specific wins.
var kindRank = map[string]int{
	EventPrisonerExchange: 0, EventSanctions: 1, EventAid: 2, EventAgreement: 3, EventMeeting: 4, EventTalks: 5,
}

type trigger struct {
	words []string
	kind  string
}

var triggers = []trigger{
	{[]string{"prisoner", "exchange"}, EventPrisonerExchange},
	{[]string{"prisoner", "swap"}, EventPrisonerExchange},
	{[]string{"exchange", "of", "prisoners"}, EventPrisonerExchange},
	{[]string{"swapped"}, EventPrisonerExchange},
	{[]string{"обмін*", "полон*"}, EventPrisonerExchange},
	{[]string{"sanctions", "package"}, EventSanctions},
	{[]string{"package", "of", "sanctions"}, EventSanctions},
	{[]string{"imposed", "sanctions"}, EventSanctions},
	{[]string{"new", "sanctions"}, EventSanctions},
	{[]string{"sanctioned"}, EventSanctions},
	{[]string{"пакет*", "санкці*"}, EventSanctions},
	{[]string{"санкці*"}, EventSanctions},
	{[]string{"aid", "package"}, EventAid},
	{[]string{"military", "aid", "package"}, EventAid},
	{[]string{"pledged"}, EventAid},
	{[]string{"allocated"}, EventAid},
	{[]string{"пакет*", "допомог*"}, EventAid},
	{[]string{"signed", "a"}, EventAgreement},
	{[]string{"signed", "an"}, EventAgreement},
	{[]string{"signed", "the"}, EventAgreement},
	{[]string{"agreed", "to"}, EventAgreement},
	{[]string{"agreed", "on"}, EventAgreement},
	{[]string{"agreement"}, EventAgreement},
	{[]string{"deal"}, EventAgreement},
	{[]string{"підписал*"}, EventAgreement},
	{[]string{"угод*"}, EventAgreement},
	{[]string{"met", "with"}, EventMeeting},
	{[]string{"met"}, EventMeeting},
	{[]string{"will", "meet"}, EventMeeting},
	{[]string{"to", "meet"}, EventMeeting},
	{[]string{"meeting"}, EventMeeting},
	{[]string{"meet", "with"}, EventMeeting},
	{[]string{"summit"}, EventMeeting},
	{[]string{"зустрівся"}, EventMeeting},
	{[]string{"зустрілися"}, EventMeeting},
	{[]string{"зустріч*"}, EventMeeting},
	{[]string{"talks"}, EventTalks},
	{[]string{"negotiations"}, EventTalks},
	{[]string{"spoke", "with"}, EventTalks},
	{[]string{"phone", "call"}, EventTalks},
	{[]string{"переговор*"}, EventTalks},
	{[]string{"розмов*"}, EventTalks},
}

// triggerIndex buckets triggers by the first two bytes of their first word.
var triggerIndex = func() map[string][]trigger {
	m := map[string][]trigger{}
	for _, tr := range triggers {
		k := bucketKey(strings.TrimSuffix(tr.words[0], "*"))
		m[k] = append(m[k], tr)
	}
	return m
}()

var triggerFilter = filterOf(triggerIndex)

func triggerAt(toks []token, i int) (trigger, int) {
	if toks[i].kind != kWord {
		return trigger{}, 0
	}
	k := bucketKey(toks[i].low)
	if !triggerFilter.may(k) {
		return trigger{}, 0
	}
	for _, tr := range triggerIndex[k] {
		if wordsAt(toks, i, tr.words) {
			return tr, len(tr.words)
		}
	}
	return trigger{}, 0
}

// findEvents reads diplomacy events: a sentence with a trigger and at least
// one named person or organisation.
func findEvents(sents []sentence) []Event {
	var out []Event
	for _, s := range sents {
		if len(out) >= 50 {
			break
		}
		if e, ok := eventOf(s); ok {
			out = append(out, e)
		}
	}
	return out
}

// eventOf reads the event of one sentence: its trigger, who, where, when
// and what about; ok is false without a trigger or an actor.
func eventOf(s sentence) (Event, bool) {
	toks := s.toks
	ti := -1
	var tr trigger
	tn := 0
	best := len(kindRank)
	for i := range toks {
		if t, n := triggerAt(toks, i); n > 0 && kindRank[t.kind] < best {
			ti, tr, tn, best = i, t, n, kindRank[t.kind]
		}
	}
	if ti < 0 {
		return Event{}, false
	}
	e := Event{Kind: tr.kind, Evidence: s.text}
	ve := ti + tn
	if lw := toks[ve-1].low; lw == "with" || lw == "met" || lw == "meet" || lw == "signed" || lw == "a" || lw == "an" || lw == "the" {
		// the object: "met with European leaders"
		for n := 0; ve < len(toks) && n < 6; n++ {
			w := toks[ve].low
			if toks[ve].kind == kPunct || w == "in" || w == "on" || w == "at" || w == "to" || w == "for" || w == "after" || w == "before" || w == "during" || w == "and" {
				break
			}
			ve++
		}
	}
	e.Verb = span(s.text, toks, ti, ve)
	eventActors(&e, s)
	if len(e.Who) == 0 {
		return Event{}, false
	}
	e.When = eventWhen(s)
	e.About = eventAbout(s, ti+tn)
	return e, true
}

// eventActors fills who (people and organisations) and where.
func eventActors(e *Event, s sentence) {
	toks := s.toks
	seen := map[string]bool{}
	for i := 0; i < len(toks); i++ {
		g, n := entityAt(toks, i)
		if g == nil {
			continue
		}
		surf := span(s.text, toks, i, i+n)
		// take the capitalised words before a surname: "Steve Witkoff"
		st := i
		for st > 0 && toks[st-1].kind == kWord && isCapitalized(toks[st-1].s) && st > i-2 && st-1 != 0 {
			st--
		}
		if g.kind == "person" && st < i {
			surf = span(s.text, toks, st, i+n)
		}
		switch g.kind {
		case "person", "org":
			if strings.HasSuffix(toks[i+n-1].low, "'s") {
				break // "Trump's envoy": not the actor
			}
			if !seen[g.name] && len(e.Who) < 6 {
				seen[g.name] = true
				e.Who = append(e.Who, surf)
			}
		case "place":
			if e.Where == "" && i > 0 && (toks[i-1].low == "in" || toks[i-1].low == "у" || toks[i-1].low == "в") && !strings.HasSuffix(toks[i+n-1].low, "'s") && (i+n >= len(toks) || toks[i+n].kind == kPunct || toks[i+n].kind == kWord && !isCapitalized(toks[i+n].s)) {
				e.Where = span(s.text, toks, i-1, i+n)
			}
		}
		i += n - 1
	}
}

// eventWhen: "on Thursday", "today".
func eventWhen(s sentence) string {
	toks := s.toks
	for i := range toks {
		if toks[i].wday > 0 || toks[i].low == "today" || toks[i].low == "yesterday" || toks[i].low == "сьогодні" {
			st := i
			if i > 0 && (toks[i-1].low == "on" || toks[i-1].low == "у" || toks[i-1].low == "в") {
				st = i - 1
			}
			return span(s.text, toks, st, i+1)
		}
	}
	return ""
}

// eventAbout: "to discuss ...", "on ...", "about ...", "щодо ..." after the
// trigger ending at from.
func eventAbout(s sentence, from int) string {
	toks := s.toks
	for i := from; i < len(toks); i++ {
		lw := toks[i].low
		st := -1
		if lw == "discuss" && i > 0 && toks[i-1].low == "to" {
			st = i - 1
		} else if (lw == "about" || lw == "щодо" || lw == "over" || lw == "on") && i <= from+2 && i+1 < len(toks) && toks[i+1].kind == kWord && !isWeekdayTok(toks[i+1].low) {
			st = i
		}
		if st < 0 {
			continue
		}
		en := i + 1
		for en < len(toks) && en < i+10 && toks[en].kind != kPunct && !isWeekdayTok(toks[en].low) {
			en++
		}
		if en > i+1 && en < len(toks) && isWeekdayTok(toks[en].low) && (toks[en-1].low == "on" || toks[en-1].low == "у" || toks[en-1].low == "в") {
			en--
		}
		if en > i+1 {
			return span(s.text, toks, st, en)
		}
		return ""
	}
	return ""
}

func isWeekdayTok(w string) bool {
	_, ok := weekdayOf(w)
	return ok
}

func isCapitalized(s string) bool {
	for _, r := range s {
		return r >= 'A' && r <= 'Z' || r >= 'А' && r <= 'Я' || r == 'І' || r == 'Є' || r == 'Ї'
	}
	return false
}

// span returns the text of tokens [a, b) verbatim.
func span(s string, toks []token, a, b int) string {
	if a >= b || b > len(toks) {
		return ""
	}
	end := toks[b-1].end
	if end > len(s) {
		end = len(s)
	}
	if toks[a].off >= end {
		return ""
	}
	return s[toks[a].off:end]
}
