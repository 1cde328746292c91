package thread

import (
	"fmt"
	"time"

	"github.com/cocolian/threads/internal/chatlog"
)

// waveWindow is how long after its last welcome a greeting wave stays open.
const waveWindow = 30 * time.Minute

// linkWaves joins welcomes and sticker-only cheers into greeting waves: each
// links to the first message of its wave. Questions and addressed messages
// never join a wave.
func linkWaves(msgs []chatlog.Message, fs []features, links []Link, decided []bool) {
	root, last := -1, -1
	for i, m := range msgs {
		if decided[i] {
			continue
		}
		f := fs[i]
		addressed := len(m.Mentions) > 0 || m.Quote != nil || m.ReplyToID != ""
		if f.question || addressed {
			continue
		}
		open := root >= 0 && m.Time.Sub(msgs[last].Time) <= waveWindow
		switch {
		case f.greeting && open:
			links[i].Parent = root
			links[i].Evidence = append(links[i].Evidence, Evidence{Kind: "greeting-wave", Detail: fmt.Sprintf("welcome in the wave started at message %d", root), Weight: 1})
			decided[i] = true
			last = i
		case f.greeting && hasWelcome(f.plain):
			root, last = i, i
		case f.reaction && open && i-last <= 3:
			links[i].Parent = root
			links[i].Evidence = append(links[i].Evidence, Evidence{Kind: "greeting-wave", Detail: "sticker inside an open greeting wave", Weight: 1})
			decided[i] = true
			last = i
		}
	}
}

func hasWelcome(s string) bool { return containsAny(s, []string{"欢迎"}) }
