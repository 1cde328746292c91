package thread

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cocolian/threads/internal/chatlog"
	"github.com/cocolian/threads/internal/segment"
)

// waveWindow is how long after its last welcome a greeting wave stays open.
const waveWindow = 30 * time.Minute

// linkWaves joins welcomes into greeting waves: each welcome links to the
// first message of its wave. A welcome opens a wave (an announcement that
// names the guest may open it too); stickers join only while the wave is
// flowing. A wave opened by a talk announcement stays open to welcomes and
// check-ins (签到) until the talk begins. The wave's opener posting a new
// notice that calls for welcomes or check-ins (19:15开始签到) opens a new
// round. Questions and addressed messages never join a wave.
func linkWaves(msgs []chatlog.Message, fs []features, lst listings, links []Link, decided []bool) {
	root, last := -1, -1
	guest := "" // the name the open wave welcomes
	for i, m := range msgs {
		if decided[i] {
			if opensIntroductions(links[i]) {
				root, last, guest = i, i, "" // a newcomer's 大家好，我是…: the welcomes are to them
			}
			continue
		}
		f := fs[i]
		addressed := len(m.Mentions) > 0 || m.Quote != nil || m.ReplyToID != ""
		open := root >= 0 && m.Time.Sub(msgs[last].Time) <= waveWindow
		if !open && root >= 0 && f.welcome && fs[root].notice && !talkSince(links, root, i) && m.Time.Sub(msgs[root].Time) <= announcementWave {
			open = true // check-ins and welcomes keep coming until the announced talk begins
		}
		if open && f.welcome && f.notice && m.Sender == msgs[root].Sender && lst.distance(i, root) > 1 {
			open = false // the host's new call to check in (19:15开始签到) opens a new round
		}
		switch {
		case f.question:
		case f.welcome && open && !addressed:
			links[i].Parent = root
			links[i].Evidence = append(links[i].Evidence, Evidence{Kind: "greeting-wave", Detail: fmt.Sprintf("welcome in the wave started at message %d", root), Weight: 1})
			decided[i] = true
			last = i
		case f.welcome && !open:
			root, last = i, i
		case (f.sticker || f.ack && containsAny(f.plain, waveThanks)) && open && lst.distance(i, last) <= 2 && m.Sender != msgs[root].Sender && !addressed:
			links[i].Parent = root
			links[i].Evidence = append(links[i].Evidence, Evidence{Kind: "greeting-wave", Detail: "sticker or thanks inside a flowing greeting wave", Weight: 1})
			decided[i] = true
			last = i
		case open && lst.distance(i, last) <= 2 && !addressed && guest != "" &&
			(strings.Contains(segment.SimplifyName(m.Sender), guest) || f.runes <= 16 && strings.Contains(f.plain, guest)):
			links[i].Parent = root
			links[i].Evidence = append(links[i].Evidence, Evidence{Kind: "greeting-wave", Detail: fmt.Sprintf("the welcomed %s, or a short word to them, inside the wave", guest), Weight: 1})
			decided[i] = true
			last = i
		}
		if root == i {
			guest = guestName(f.plain)
		}
	}
}

// checkInGestureRe finds the sticker a call to check in names as its gesture:
// 回复[OK]签到, 签到手势为[OK].
var checkInGestureRe = regexp.MustCompile(`(?:回复|手势[为是：:]?)\s*(` + stickerPattern + `)|(` + stickerPattern + `)\s*签到`)

// checkInGesture returns the sticker a call to check in names, or "" when
// text is no such call (签到[强] checks in; it calls for nothing).
func checkInGesture(text string) string {
	if strings.Contains(text, "簽到") || strings.Contains(text, "/:") {
		text = segment.Canonical(text) // 請大家回覆[強]簽到, 请大家回复/:strong签到
	}
	if !strings.Contains(text, "签到") || utf8.RuneCountInString(text) < checkInCallRunes {
		return ""
	}
	for _, m := range checkInGestureRe.FindAllStringSubmatch(text, -1) {
		if g := m[1] + m[2]; isStickerCode(g) {
			return g // not the form to fill in of 回复[姓名 公司]进群
		}
	}
	return ""
}

// checkInCallRunes is the shortest call to check in.
const checkInCallRunes = 12

// linkCheckIns links every message that is only the check-in gesture a call
// to check in named, posted within announcementWave of the call, to the
// call: the check-ins are one round, and late ones posted while the talk
// has begun still check in rather than react to the talk.
func linkCheckIns(msgs []chatlog.Message, links []Link, decided []bool) {
	call, gesture := -1, ""
	for i, m := range msgs {
		if g := checkInGesture(m.Text); g != "" && !decided[i] {
			call, gesture = i, g
			continue
		}
		if call < 0 || decided[i] || m.Time.Sub(msgs[call].Time) > announcementWave || len(m.Mentions) > 0 || m.Quote != nil {
			continue
		}
		if t := strings.TrimSpace(m.Text); t == gesture || segment.Canonical(t) == gesture { // [強] and /:strong are [强]
			links[i].Parent = call
			links[i].Evidence = append(links[i].Evidence, Evidence{Kind: "greeting-wave", Detail: fmt.Sprintf("checks in with the %s message %d asked for", gesture, call), Weight: 1})
			decided[i] = true
		}
	}
}

// announcementWave is how long the welcomes to an announced talk may keep
// coming before the talk begins.
const announcementWave = 3 * time.Hour

// talkSince reports whether a talk message lies between the wave's root and
// message i.
func talkSince(links []Link, root, i int) bool {
	for k := root + 1; k < i; k++ {
		if links[k].HasEvidence("talk") {
			return true
		}
	}
	return false
}

// waveThanks are the thanks a welcomed guest gives inside a wave.
var waveThanks = []string{"谢谢", "感谢", "多谢"}

// honorifics follow a name in a welcome (欢迎文通老师, 欢迎韩总).
var honorifics = []string{"老师", "大神", "大佬", "同学", "总", "哥", "姐", "兄"}

// guestName is the name a welcome greets ("欢迎文通老师~~" greets 文通), or ""
// when it names nobody or too short a name to recognise.
func guestName(welcome string) string {
	name := welcome
	for _, w := range greetWords {
		name = strings.ReplaceAll(name, w, "")
	}
	name = strings.TrimFunc(name, func(r rune) bool { return !isNameRune(r) })
	for _, h := range honorifics {
		name = strings.TrimSuffix(name, h)
	}
	if utf8.RuneCountInString(name) < 2 || utf8.RuneCountInString(name) > 6 || strings.ContainsFunc(name, func(r rune) bool { return !isNameRune(r) }) {
		return ""
	}
	return name
}

// isNameRune reports whether r can be part of a person's name.
func isNameRune(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.IsLetter(r) || unicode.IsDigit(r)
}
