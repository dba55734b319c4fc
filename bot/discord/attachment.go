package discord

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"

	"github.com/bwmarrin/discordgo"
)

// MaxAttachment is the largest file the bot reads from a command (an OPML
// list), as on Telegram.
const MaxAttachment = 4 << 20

// attachmentOf is the file sent with a slash command (an option of type
// attachment, whose value is the id of a file in the interaction's resolved
// data), or nil.
func attachmentOf(i *discordgo.Interaction) *discordgo.MessageAttachment {
	if i.Type != discordgo.InteractionApplicationCommand {
		return nil
	}
	data := i.ApplicationCommandData()
	if data.Resolved == nil {
		return nil
	}
	for _, o := range data.Options {
		if o.Type != discordgo.ApplicationCommandOptionAttachment {
			continue
		}
		if id, ok := o.Value.(string); ok && data.Resolved.Attachments[id] != nil {
			return data.Resolved.Attachments[id]
		}
	}
	return nil
}

// download reads an attachment, at most MaxAttachment bytes, from Discord's
// CDN only (its address comes in the interaction). The request carries no
// token: attachment URLs are signed by Discord.
func (b *Bot) download(ctx context.Context, a *discordgo.MessageAttachment) ([]byte, error) {
	if a.Size > MaxAttachment {
		return nil, fmt.Errorf("discord: the file is over %d MB", MaxAttachment>>20)
	}
	u, err := url.Parse(a.URL)
	if err != nil || !isDiscordCDN(u) {
		return nil, errors.New("discord: the attachment is not on Discord's CDN")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("discord: attachment: %w", err)
	}
	res, err := b.session.Client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("discord: attachment: %w", err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("discord: attachment: HTTP %d", res.StatusCode)
	}
	data, err := io.ReadAll(io.LimitReader(res.Body, MaxAttachment+1))
	if err != nil {
		return nil, fmt.Errorf("discord: attachment: %w", err)
	}
	if len(data) > MaxAttachment {
		return nil, fmt.Errorf("discord: the file is over %d MB", MaxAttachment>>20)
	}
	return data, nil
}
