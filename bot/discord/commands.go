package discord

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/locale"
)

// RegisterCommands overwrites the application's global slash commands with
// the command table's in one request.
func (b *Bot) RegisterCommands(ctx context.Context) error {
	appID, err := b.ensureAppID(ctx)
	if err != nil {
		return err
	}
	cmds := ApplicationCommands(bot.Commands(), b.cfg.Catalogue)
	if _, err := b.session.ApplicationCommandBulkOverwrite(appID, "", cmds, discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("discord: register commands: %w", err)
	}
	b.log.Info("discord: slash commands registered", slog.Int("commands", len(cmds)))
	return nil
}

// ApplicationCommands converts the command table's entries into Discord
// slash commands: typed options, choices, autocomplete, and default member
// permissions (Administrator for admin commands, Manage Channels for
// commands that change a channel's settings). Permissions are a default that
// server admins can change; the router checks them again on every use.
// Hidden commands (button actions) are left out. With a catalogue the
// descriptions carry localizations: Discord shows each user those of their
// client's locale (names stay as typed, the same in every language).
func ApplicationCommands(cmds []bot.Command, cat *locale.Catalogue) []*discordgo.ApplicationCommand {
	contexts := []discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM}
	integrations := []discordgo.ApplicationIntegrationType{discordgo.ApplicationIntegrationGuildInstall}
	out := make([]*discordgo.ApplicationCommand, 0, len(cmds))
	for _, s := range cmds {
		if s.Hidden {
			continue
		}
		c := &discordgo.ApplicationCommand{
			Type:             discordgo.ChatApplicationCommand,
			Name:             s.Name,
			Description:      truncate(s.Help.Summary, maxCommandText),
			Contexts:         &contexts,
			IntegrationTypes: &integrations,
			Options:          options(s.Args),
		}
		localize(c, s, cat)
		switch s.Access {
		case bot.Admins:
			p := int64(discordgo.PermissionAdministrator)
			c.DefaultMemberPermissions = &p
		case bot.ChatManagers:
			p := int64(discordgo.PermissionManageChannels)
			c.DefaultMemberPermissions = &p
		}
		out = append(out, c)
	}
	return out
}

// localize adds the catalogue's descriptions of command s and its options
// to c, for every Discord locale of a language the catalogue has.
func localize(c *discordgo.ApplicationCommand, s bot.Command, cat *locale.Catalogue) {
	if cat == nil {
		return
	}
	desc := map[discordgo.Locale]string{}
	for loc := range discordgo.Locales {
		l, ok := cat.Match(string(loc))
		if !ok {
			continue
		}
		pr := cat.For(l)
		desc[loc] = truncate(bot.CommandHelp(pr, s).Summary, maxCommandText)
		for _, o := range c.Options {
			for _, a := range s.Args {
				if a.Name != o.Name {
					continue
				}
				if o.DescriptionLocalizations == nil {
					o.DescriptionLocalizations = map[discordgo.Locale]string{}
				}
				o.DescriptionLocalizations[loc] = truncate(bot.ArgHelp(pr, s, a), maxCommandText)
			}
		}
	}
	c.DescriptionLocalizations = &desc
}

// options are a command's arguments as slash command options, at most
// maxOptions.
// Discord wants required options before optional ones; the text handed to
// the router keeps the table's order regardless.
func options(args []bot.Arg) []*discordgo.ApplicationCommandOption {
	var required, optional []*discordgo.ApplicationCommandOption
	for _, a := range args {
		o := &discordgo.ApplicationCommandOption{
			Type:        discordgo.ApplicationCommandOptionString,
			Name:        a.Name,
			Description: truncate(a.Help, maxCommandText),
			Required:    a.Required,
		}
		switch a.Kind {
		case bot.ArgInteger:
			o.Type = discordgo.ApplicationCommandOptionInteger
		case bot.ArgFile:
			o.Type = discordgo.ApplicationCommandOptionAttachment
		}
		if len(a.Choices) > 0 {
			o.Choices = choices(a.Choices, o.Type)
		} else if a.Complete != "" {
			o.Autocomplete = true
		}
		if a.Required {
			required = append(required, o)
		} else {
			optional = append(optional, o)
		}
	}
	out := append(append([]*discordgo.ApplicationCommandOption{}, required...), optional...)
	if len(out) > maxOptions {
		out = out[:maxOptions]
	}
	return out
}

// choices are an option's fixed values (at most maxChoices), numbers for an
// integer option.
func choices(values []string, typ discordgo.ApplicationCommandOptionType) []*discordgo.ApplicationCommandOptionChoice {
	var out []*discordgo.ApplicationCommandOptionChoice
	for _, ch := range values {
		var v any = ch
		if typ == discordgo.ApplicationCommandOptionInteger {
			n, err := strconv.ParseInt(ch, 10, 64)
			if err != nil {
				continue
			}
			v = n
		}
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: truncate(ch, maxCommandText), Value: v})
		if len(out) == maxChoices {
			break
		}
	}
	return out
}

// slow reports whether a command is deferred at once (it reads many
// articles or fetches a page).
func slow(name string) bool {
	c, ok := bot.LookupCommand(name)
	return ok && c.Slow
}

// optionText renders an option value as the router would read it typed.
func optionText(v any) string {
	switch x := v.(type) {
	case string:
		return strings.Join(strings.Fields(x), " ")
	case float64:
		if x == float64(int64(x)) {
			return strconv.FormatInt(int64(x), 10)
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case nil:
		return ""
	default:
		return strings.Join(strings.Fields(fmt.Sprint(x)), " ")
	}
}

// commandText reconstructs "/name opt1 opt2 ..." in the spec's argument
// order, so the router parses a slash command like a typed one. Options the
// spec does not know are ignored.
func commandText(data discordgo.ApplicationCommandInteractionData) string {
	var sb strings.Builder
	sb.WriteString("/")
	sb.WriteString(data.Name)
	spec, ok := bot.LookupCommand(data.Name)
	if !ok {
		return sb.String()
	}
	for _, a := range spec.Args {
		if a.Kind == bot.ArgFile {
			continue // an attachment's id is no word of the command (see attachmentOf)
		}
		for _, o := range data.Options {
			if o.Name != a.Name {
				continue
			}
			if t := optionText(o.Value); t != "" {
				sb.WriteString(" ")
				sb.WriteString(t)
			}
			break
		}
	}
	return sb.String()
}

// request builds the platform-neutral request of an interaction.
func (b *Bot) request(i *discordgo.Interaction) *bot.Request {
	req := &bot.Request{}
	req.Chat.Platform = Name
	req.Chat.ChatID = i.ChannelID
	var u *discordgo.User
	if i.Member != nil && i.Member.User != nil {
		u = i.Member.User
	} else if i.User != nil {
		u = i.User
	}
	if u != nil {
		req.UserID = u.ID
		req.UserName = u.GlobalName
		if req.UserName == "" {
			req.UserName = u.Username
		}
	}
	switch {
	case i.GuildID != "":
		req.ChatKind = briefings.ChatGroup
		// Member.Permissions are the member's permissions in this channel,
		// overwrites included.
		if i.Member != nil {
			req.CanManage = i.Member.Permissions&(discordgo.PermissionManageChannels|discordgo.PermissionAdministrator) != 0
		}
	case i.Context == discordgo.InteractionContextPrivateChannel:
		// A group DM: several people, nobody manages it for the bot.
		req.ChatKind = briefings.ChatGroup
	default:
		req.ChatKind = briefings.ChatPrivate
		req.CanManage = true
	}
	req.IsAdmin = req.UserID != "" && b.cfg.Admins[req.UserID]
	// The user's client language; the server's as a fallback.
	req.Locale = string(i.Locale)
	if req.Locale == "" && i.GuildLocale != nil {
		req.Locale = string(*i.GuildLocale)
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		req.Text = commandText(i.ApplicationCommandData())
	case discordgo.InteractionMessageComponent:
		req.Callback = i.MessageComponentData().CustomID
	}
	return req
}

// autocomplete answers the focused option of an autocomplete interaction.
// For free-text options that take several words (topics), the last word is
// completed and the earlier ones kept.
func autocomplete(data discordgo.ApplicationCommandInteractionData) []*discordgo.ApplicationCommandOptionChoice {
	spec, ok := bot.LookupCommand(data.Name)
	if !ok {
		return []*discordgo.ApplicationCommandOptionChoice{}
	}
	var focused *discordgo.ApplicationCommandInteractionDataOption
	for _, o := range data.Options {
		if o.Focused {
			focused = o
			break
		}
	}
	out := []*discordgo.ApplicationCommandOptionChoice{}
	if focused == nil {
		return out
	}
	var arg *bot.Arg
	for k := range spec.Args {
		if spec.Args[k].Name == focused.Name {
			arg = &spec.Args[k]
		}
	}
	if arg == nil || arg.Complete == "" {
		return out
	}
	typed, _ := focused.Value.(string)
	kept, word := "", typed
	if arg.Rest {
		if k := strings.LastIndexAny(typed, " \t"); k >= 0 {
			kept = strings.Join(strings.Fields(typed[:k]), " ")
			word = typed[k+1:]
		}
	}
	seen := map[string]bool{}
	for _, c := range bot.Complete(arg.Complete, word) {
		v := c
		if kept != "" {
			v = kept + " " + c
		}
		if utf8.RuneCountInString(v) > maxCommandText || seen[v] {
			continue
		}
		seen[v] = true
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: v, Value: v})
		if len(out) == maxChoices {
			break
		}
	}
	return out
}
