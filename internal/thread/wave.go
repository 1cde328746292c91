package thread

import (
	"fmt"
	"time"

	"github.com/cocolian/threads/internal/chatlog"
)

// waveWindow is how long after its last welcome a greeting wave stays open.
const waveWindow = 30 * time.Minute

// linkWaves joins welcomes into greeting waves: each welcome links to the
// first message of its wave. A welcome opens a wave (an announcement that
// names the guest may open it too); stickers join only while the wave is
// flowing. Questions and addressed messages never join a wave.
func linkWaves(msgs []chatlog.Message, fs []features, links []Link, decided []bool) {
	root, last := -1, -1
	for i, m := range msgs {
		if decided[i] {
			continue
		}
		f := fs[i]
		addressed := len(m.Mentions) > 0 || m.Quote != nil || m.ReplyToID != ""
		open := root >= 0 && m.Time.Sub(msgs[last].Time) <= waveWindow
		switch {
		case f.question:
		case f.welcome && open && !addressed:
			links[i].Parent = root
			links[i].Evidence = append(links[i].Evidence, Evidence{Kind: "greeting-wave", Detail: fmt.Sprintf("welcome in the wave started at message %d", root), Weight: 1})
			decided[i] = true
			last = i
		case f.welcome && !open:
			root, last = i, i
		case f.sticker && open && i-last <= 2 && m.Sender != msgs[root].Sender:
			links[i].Parent = root
			links[i].Evidence = append(links[i].Evidence, Evidence{Kind: "greeting-wave", Detail: "sticker inside a flowing greeting wave", Weight: 1})
			decided[i] = true
			last = i
		}
	}
}
