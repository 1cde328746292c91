package thread

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/cocolian/threads/internal/chatlog"
)

// scriptURLRe matches an address that runs code or carries its own content
// instead of pointing to a page (javascript:…, vbscript:…,
// data:text/html;…), with the rest of it up to the next space or
// character outside ASCII (javascript:void(0)是什么意思？ names one). Such an
// address leads a reader nowhere: posted bare, it is spam or a prank
// ("javascript:alert(1)"), never an answer. The colon may be the wide one
// the cues write in Chinese text.
var scriptURLRe = regexp.MustCompile(`(?i)\b(?:javascript|vbscript)\s*[:：][!-~]*|\bdata[:：][a-z]+/[a-z0-9.+-]+[;,][!-~]*`)

// scriptLeadRunes is the most a message may say besides its script
// addresses and still be one of them posted bare: a lead-in (点这里,
// click here), not an explanation.
const scriptLeadRunes = 8

// postsScriptLink reports whether m, whose text as the cues read it is
// plain, is a script address posted bare (see scriptURLRe): a shared link
// to one (a picture's data: address is still a picture), or a text that holds one and at most scriptLeadRunes characters
// besides, closing marks left out, and no question mark: a longer text
// that names such an address talks about it ("href 写成 javascript:void(0)
// 就不会跳转…"), a short one that asks asks about it ("javascript:void(0)
// 是什么意思？"), and either is read as any other.
func postsScriptLink(m *chatlog.Message, plain string) bool {
	if m.Type == chatlog.TypeLink && scriptURLRe.MatchString(m.URL) {
		return true
	}
	if !scriptURLRe.MatchString(plain) {
		return false
	}
	rest := collapseSpace(scriptURLRe.ReplaceAllString(plain, " "))
	return utf8.RuneCountInString(strings.TrimFunc(rest, isClosingMark)) <= scriptLeadRunes && !strings.ContainsAny(rest, "?？")
}
