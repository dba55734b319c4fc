package discord

import (
	"bytes"
	"log/slog"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/sitrep/sitrep/bot"
)

// Discord's message and embed limits.
const (
	maxContent      = 2000
	maxTitle        = 256
	maxDescription  = 4096
	maxFields       = 25
	maxFieldName    = 256
	maxFieldValue   = 1024
	maxEmbedTotal   = 6000 // across all embeds of one message
	maxEmbeds       = 10
	maxButtonsInRow = 5
	maxRows         = 5
	maxCustomID     = 100
	// Slash commands: a command's or an option's description, a choice's
	// name and value.
	maxCommandText = 100
	maxOptions     = 25 // options of a command
	maxChoices     = 25 // choices of an option, autocomplete answers
	maxButtonLabel = 80
	maxButtonURL   = 512
)

const (
	colorNormal = 0x3B82F6
	colorError  = 0xDC2626
)

// message is one Discord message the adapter sends, before it is cast into
// the shape of a particular endpoint.
type message struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
	Flags      discordgo.MessageFlags
	// Photo is a PNG attached to the message as PhotoName; the first embed
	// shows it (attachment://PhotoName).
	Photo     []byte
	PhotoName string
	// Doc is a file attached as is (an export).
	Doc *bot.Document
}

// files is the message's attachment, with a fresh reader on every call:
// a retried request must upload it again.
func (m message) files() []*discordgo.File {
	var out []*discordgo.File
	if len(m.Photo) > 0 {
		out = append(out, &discordgo.File{Name: m.PhotoName, ContentType: "image/png", Reader: bytes.NewReader(m.Photo)})
	}
	if m.Doc != nil {
		out = append(out, &discordgo.File{Name: m.Doc.Name, ContentType: m.Doc.Type, Reader: bytes.NewReader(m.Doc.Data)})
	}
	return out
}

// noMentions is the allowed_mentions object on everything the bot sends:
// "parse": [] (never null), so no @everyone, role or user mention can ping.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

func (m message) embeds() []*discordgo.MessageEmbed {
	if m.Embeds == nil {
		return []*discordgo.MessageEmbed{}
	}
	return m.Embeds
}

func (m message) components() []discordgo.MessageComponent {
	if m.Components == nil {
		return []discordgo.MessageComponent{}
	}
	return m.Components
}

func (m message) send() *discordgo.MessageSend {
	return &discordgo.MessageSend{Content: m.Content, Embeds: m.embeds(), Components: m.components(),
		Flags: m.Flags &^ discordgo.MessageFlagsEphemeral, AllowedMentions: noMentions(), Files: m.files()}
}

// edit replaces content, embeds and components entirely.
func (m message) edit(channelID, messageID string) *discordgo.MessageEdit {
	content, embeds, comps := m.Content, m.embeds(), m.components()
	return &discordgo.MessageEdit{Channel: channelID, ID: messageID, Content: &content, Embeds: &embeds,
		Components: &comps, Flags: m.Flags & discordgo.MessageFlagsSuppressEmbeds, AllowedMentions: noMentions(), Files: m.files()}
}

func (m message) responseData() *discordgo.InteractionResponseData {
	return &discordgo.InteractionResponseData{Content: m.Content, Embeds: m.embeds(), Components: m.components(),
		Flags: m.Flags, AllowedMentions: noMentions(), Files: m.files()}
}

func (m message) webhookParams() *discordgo.WebhookParams {
	return &discordgo.WebhookParams{Content: m.Content, Embeds: m.embeds(), Components: m.components(),
		Flags: m.Flags, AllowedMentions: noMentions(), Files: m.files()}
}

func (m message) webhookEdit() *discordgo.WebhookEdit {
	content, embeds, comps := m.Content, m.embeds(), m.components()
	return &discordgo.WebhookEdit{Content: &content, Embeds: &embeds, Components: &comps, AllowedMentions: noMentions(), Files: m.files()}
}

// render turns a reply into one or more messages: embeds for structured
// replies (a title or headed sections, such as digests), plain text split at
// 2,000 characters otherwise. Buttons go on the last message. Ephemeral is
// set on every message; endpoints that cannot use it drop it.
func (b *Bot) render(r *bot.Reply) []message {
	var msgs []message
	if useEmbeds(r) {
		for _, es := range buildEmbeds(r) {
			msgs = append(msgs, message{Embeds: es})
		}
	} else {
		var flags discordgo.MessageFlags
		if r.NoPreview {
			flags |= discordgo.MessageFlagsSuppressEmbeds
		}
		for _, c := range b.chunks(r, maxContent) {
			if strings.TrimSpace(c) == "" {
				continue
			}
			msgs = append(msgs, message{Content: c, Flags: flags})
		}
	}
	if len(msgs) == 0 {
		msgs = []message{{Content: "\u2014"}}
	}
	if r.Photo != nil && len(r.Photo.PNG) > 0 {
		attachPhoto(&msgs[0], r.Photo)
	}
	if r.Document != nil && len(r.Document.Data) > 0 {
		msgs[0].Doc = r.Document
	}
	if r.Ephemeral {
		for k := range msgs {
			msgs[k].Flags |= discordgo.MessageFlagsEphemeral
		}
	}
	msgs[len(msgs)-1].Components = b.buttons(r.Buttons)
	return msgs
}

// attachPhoto attaches p to m and shows it in m's first embed (a new one
// when m is plain text).
func attachPhoto(m *message, p *bot.Photo) {
	m.Photo, m.PhotoName = p.PNG, attachmentName(p.Name)
	if len(m.Embeds) == 0 {
		m.Embeds = []*discordgo.MessageEmbed{{Color: colorNormal}}
	}
	m.Embeds[0].Image = &discordgo.MessageEmbedImage{URL: "attachment://" + m.PhotoName}
}

// attachmentName keeps the letters, digits, dots, dashes and underscores
// Discord allows in an attachment:// name, with a .png ending; "chart.png"
// when nothing of the name is left.
func attachmentName(name string) string {
	stem := name
	if strings.HasSuffix(strings.ToLower(stem), ".png") {
		stem = stem[:len(stem)-len(".png")]
	}
	var b strings.Builder
	for _, c := range stem {
		if c < utf8.RuneSelf && (unicode.IsLetter(c) || unicode.IsDigit(c) || c == '.' || c == '-' || c == '_') {
			b.WriteRune(c)
		}
	}
	out := strings.Trim(b.String(), ".")
	if out == "" {
		out = "chart"
	}
	return out + ".png"
}

// useEmbeds: replies with a title or headed paragraphs become embeds; short
// answers and errors stay plain text.
func useEmbeds(r *bot.Reply) bool {
	if r.Error {
		return false
	}
	if r.Title != "" {
		return true
	}
	for _, p := range r.Paragraphs {
		if p.Heading != "" {
			return true
		}
	}
	return false
}

// size counts characters as Discord's limits do; UTF-16 code units are never
// fewer than code points, so the count errs on the safe side.
func size(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// truncate shortens s to at most n characters (size), ending with "…".
func truncate(s string, n int) string {
	if size(s) <= n {
		return s
	}
	var sb strings.Builder
	used := 0
	for _, r := range s {
		l := utf16.RuneLen(r)
		if used+l > n-1 {
			break
		}
		sb.WriteRune(r)
		used += l
	}
	return strings.TrimRightFunc(sb.String(), unicode.IsSpace) + "…"
}

// embedBuilder packs sections into embeds and embeds into messages within
// every limit.
type embedBuilder struct {
	msgs     [][]*discordgo.MessageEmbed
	cur      []*discordgo.MessageEmbed
	total    int             // characters in cur
	descSize int             // characters in the last embed's description
	desc     strings.Builder // the last embed's description, set on it when done
	color    int
}

// finish sets the description being built on the last embed.
func (eb *embedBuilder) finish() {
	if e := eb.last(); e != nil && eb.desc.Len() > 0 {
		e.Description = eb.desc.String()
	}
	eb.desc.Reset()
	eb.descSize = 0
}

func (eb *embedBuilder) flush() {
	eb.finish()
	if len(eb.cur) > 0 {
		eb.msgs = append(eb.msgs, eb.cur)
	}
	eb.cur, eb.total = nil, 0
}

// newEmbed starts an embed that will receive need more characters.
func (eb *embedBuilder) newEmbed(need int) *discordgo.MessageEmbed {
	if len(eb.cur) == maxEmbeds || eb.total+need > maxEmbedTotal {
		eb.flush()
	}
	eb.finish()
	e := &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Color: eb.color}
	eb.cur = append(eb.cur, e)
	return e
}

func (eb *embedBuilder) last() *discordgo.MessageEmbed {
	if len(eb.cur) == 0 {
		return nil
	}
	return eb.cur[len(eb.cur)-1]
}

func (eb *embedBuilder) title(t string) {
	e := eb.newEmbed(size(t))
	e.Title = t
	eb.total += size(t)
}

func (eb *embedBuilder) field(name, value string) {
	need := size(name) + size(value)
	e := eb.last()
	if e == nil || len(e.Fields) == maxFields || eb.total+need > maxEmbedTotal {
		e = eb.newEmbed(need)
	}
	e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: name, Value: value})
	eb.total += need
}

// descLine appends one line to the description; sep is what separates it
// from the text before it ("\n", or "\n\n" between paragraphs). An embed
// that already has fields takes no more description, so reading order stays.
func (eb *embedBuilder) descLine(line, sep string) {
	e := eb.last()
	if eb.descSize == 0 {
		sep = ""
	}
	need := size(sep) + size(line)
	if e == nil || len(e.Fields) > 0 || eb.descSize+need > maxDescription || eb.total+need > maxEmbedTotal {
		eb.newEmbed(size(line))
		sep = ""
		need = size(line)
	}
	eb.desc.WriteString(sep)
	eb.desc.WriteString(line)
	eb.total += need
	eb.descSize += need
}

// buildEmbeds lays a reply out as embeds: the title on the first embed;
// a headed paragraph that fits becomes a field; other paragraphs become
// description sections (a bold heading line, then the lines). Each slice
// returned is one message.
func buildEmbeds(r *bot.Reply) [][]*discordgo.MessageEmbed {
	eb := &embedBuilder{color: colorNormal}
	if r.Error {
		eb.color = colorError
	}
	if t := strings.TrimSpace(r.Title); t != "" {
		eb.title(truncate(escapeMarkdown(t), maxTitle))
	}
	for _, p := range r.Paragraphs {
		var lines []string
		for _, l := range p.Lines {
			lines = append(lines, renderLine(l, maxFieldValue)...)
		}
		heading := strings.TrimSpace(p.Heading)
		if heading != "" {
			value := strings.Join(lines, "\n")
			name := truncate(escapeMarkdown(heading), maxFieldName)
			if size(value) <= maxFieldValue {
				if strings.TrimSpace(value) == "" {
					value = "\u200b"
				}
				eb.field(name, value)
				continue
			}
			lines = append([]string{truncate("**"+escapeMarkdown(heading)+"**", maxFieldValue)}, lines...)
		}
		for k, l := range lines {
			sep := "\n"
			if k == 0 {
				sep = "\n\n"
			}
			eb.descLine(l, sep)
		}
	}
	eb.flush()
	return eb.msgs
}

// renderLine renders one line of spans as Discord markdown, split into
// pieces of at most limit characters with balanced markup in each.
func renderLine(spans []bot.Span, limit int) []string {
	var out []string
	var cur strings.Builder
	curSize := 0
	add := func(s string) {
		if curSize+size(s) > limit && curSize > 0 {
			out = append(out, cur.String())
			cur.Reset()
			curSize = 0
		}
		cur.WriteString(s)
		curSize += size(s)
	}
	first := true
	for _, sp := range spans {
		for _, piece := range splitSpan(sp, limit, first) {
			add(piece)
		}
		if sp.Text != "" {
			first = false
		}
	}
	if curSize > 0 {
		out = append(out, cur.String())
	}
	return out
}

// splitSpan renders a span, splitting its text at spaces when the rendered
// span would exceed limit; every piece carries its own markup.
func splitSpan(sp bot.Span, limit int, lineStart bool) []string {
	r := renderSpan(sp, lineStart)
	if size(r) <= limit {
		return []string{r}
	}
	// Room for the text once markup and escapes are added: escaping at most
	// doubles the text; links add the URL.
	overhead := size(r) - 2*size(sp.Text)
	if overhead < 0 {
		overhead = 0
	}
	room := (limit - overhead - 8) / 2
	if room < 16 || sp.URL != "" && overhead > limit/2 {
		// A huge URL: keep the words, drop the link.
		sp.URL = ""
		room = (limit - 8) / 2
	}
	var out []string
	for k, part := range splitWords(sp.Text, room) {
		p := sp
		p.Text = part
		out = append(out, renderSpan(p, lineStart && k == 0))
	}
	return out
}

// splitWords cuts s into parts of at most n runes, at a space when there is
// one in the second half of the part.
func splitWords(s string, n int) []string {
	var out []string
	for utf8.RuneCountInString(s) > n {
		// cut: byte offset after the first n runes.
		cut, runes := 0, 0
		for i := range s {
			if runes == n {
				cut = i
				break
			}
			runes++
		}
		if sp := strings.LastIndexByte(s[:cut], ' '); sp > cut/2 {
			cut = sp + 1
		}
		if cut == 0 {
			_, cut = utf8.DecodeRuneInString(s)
		}
		out = append(out, s[:cut])
		s = s[cut:]
	}
	if s != "" {
		out = append(out, s)
	}
	return out
}

// renderSpan renders one span: escaped text, bold/italic markers outside any
// surrounding spaces, code without backticks inside, links as [text](url)
// for http(s) URLs only.
func renderSpan(sp bot.Span, lineStart bool) string {
	text := sp.Text
	if sp.Code {
		t := strings.ReplaceAll(stripOdd(text), "`", "'")
		t = strings.ReplaceAll(t, "\n", " ")
		if strings.TrimSpace(t) == "" {
			return t
		}
		return "`" + t + "`"
	}
	lead := text[:len(text)-len(strings.TrimLeftFunc(text, unicode.IsSpace))]
	core := strings.TrimSpace(text)
	trail := text[len(lead)+len(core):]
	if core == "" {
		return escapeWith(text, lineStart)
	}
	s := escapeWith(core, lineStart && lead == "")
	if u := linkURL(sp.URL); u != "" {
		s = "[" + s + "](" + u + ")"
	}
	switch {
	case sp.Bold && sp.Italic:
		s = "***" + s + "***"
	case sp.Bold:
		s = "**" + s + "**"
	case sp.Italic:
		s = "_" + s + "_"
	}
	return escapeWith(lead, lineStart) + s + escapeWith(trail, false)
}

// linkURL returns u ready for a markdown link, or "" when it is not an
// absolute http(s) URL.
func linkURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return urlReplacer.Replace(u.String())
}

// urlReplacer encodes what would end a markdown link target early.
var urlReplacer = strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "<", "%3C", ">", "%3E")

// EscapeMarkdown escapes s for Discord markdown so that it shows as typed:
// emphasis, code, spoilers, quotes, headings, lists, masked links and
// mention/emoji/timestamp tags are neutralised; bare http(s) URLs are kept
// as they are so they still link; "@everyone" and "@here" get a zero-width
// space (allowed_mentions already stops the ping); control and
// bidirectional-override characters are removed.
func EscapeMarkdown(s string) string { return escapeWith(s, true) }

func escapeMarkdown(s string) string { return escapeWith(s, true) }

func escapeWith(s string, lineStart bool) string {
	s = stripOdd(s)
	var sb strings.Builder
	sb.Grow(len(s) + len(s)/8)
	atStart := lineStart
	prevWord := false
	for i := 0; i < len(s); {
		rest := s[i:]
		if !prevWord && hasURLPrefix(rest) {
			end := strings.IndexFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || r == '<' || r == '>' || r == '"' })
			if end < 0 {
				end = len(rest)
			}
			sb.WriteString(rest[:end])
			i += end
			atStart, prevWord = false, true
			continue
		}
		r, n := utf8.DecodeRuneInString(rest)
		if atStart {
			switch {
			case r == ' ' || r == '\t':
				sb.WriteRune(r)
				i += n
				continue
			case r == '#' || r == '-' || r == '+':
				sb.WriteByte('\\')
			case r >= '0' && r <= '9':
				// "1. item" would become a list.
				j := i
				for j < len(s) && s[j] >= '0' && s[j] <= '9' {
					j++
				}
				if j < len(s) && s[j] == '.' {
					sb.WriteString(s[i:j])
					sb.WriteString("\\.")
					i = j + 1
					atStart, prevWord = false, false
					continue
				}
			}
		}
		switch r {
		case '\\', '*', '_', '~', '`', '|', '>', '<', '[', ']':
			sb.WriteByte('\\')
			sb.WriteRune(r)
		case '@':
			sb.WriteRune(r)
			if l := strings.ToLower(rest[1:]); strings.HasPrefix(l, "everyone") || strings.HasPrefix(l, "here") {
				sb.WriteRune('\u200b')
			}
		default:
			sb.WriteRune(r)
		}
		i += n
		atStart = r == '\n'
		prevWord = unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return sb.String()
}

func hasURLPrefix(s string) bool {
	if len(s) < 8 || s[0]|0x20 != 'h' {
		return false
	}
	l := strings.ToLower(s[:8])
	return strings.HasPrefix(l, "http://") || l == "https://"
}

// stripOdd removes control characters other than newline and tab, invalid
// UTF-8, and bidirectional overrides/isolates.
func stripOdd(s string) string {
	clean := true
	for _, r := range s {
		if isOdd(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isOdd(r) {
			return -1
		}
		return r
	}, s)
}

func isOdd(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r == '\r':
		return true
	case r == utf8.RuneError, unicode.IsControl(r):
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0xFEFF:
		return true
	}
	return false
}

// buttons lays out reply buttons as action rows: at most 5 per row (longer
// rows wrap) and 5 rows; a button whose data does not fit custom_id's 100
// characters, repeats another's, or has no usable target is left out.
func (b *Bot) buttons(rows [][]bot.Button) []discordgo.MessageComponent {
	out := []discordgo.MessageComponent{}
	seen := map[string]bool{}
	var row []discordgo.MessageComponent
	flush := func() {
		if len(row) > 0 && len(out) < maxRows {
			out = append(out, discordgo.ActionsRow{Components: row})
		} else if len(row) > 0 {
			b.log.Warn("discord: buttons beyond five rows dropped")
		}
		row = nil
	}
	for _, r := range rows {
		for _, bt := range r {
			label := strings.TrimSpace(stripOdd(bt.Label))
			if label == "" {
				label = "\u2026"
			}
			label = truncate(label, maxButtonLabel)
			var c discordgo.Button
			switch {
			case bt.Data != "":
				if size(bt.Data) > maxCustomID || seen[bt.Data] {
					b.log.Warn("discord: button left out", slog.Int("data_len", len(bt.Data)), slog.Bool("duplicate", seen[bt.Data]))
					continue
				}
				seen[bt.Data] = true
				c = discordgo.Button{Label: label, Style: discordgo.PrimaryButton, CustomID: bt.Data}
			case bt.URL != "":
				u := linkURL(bt.URL)
				if u == "" || len(u) > maxButtonURL {
					continue
				}
				c = discordgo.Button{Label: label, Style: discordgo.LinkButton, URL: u}
			default:
				continue
			}
			if len(row) == maxButtonsInRow {
				flush()
			}
			row = append(row, c)
		}
		flush()
	}
	return out
}
