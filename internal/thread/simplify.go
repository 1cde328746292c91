package thread

import (
	"sort"
	"strings"
	"sync"

	"github.com/longbridgeapp/opencc"
)

//go:generate go run ./gentrad

// isTraditionalOnly reports whether r is a character only traditional
// Chinese writes (會, 請, 嗎).
func isTraditionalOnly(r rune) bool {
	if r < 0x3400 {
		return false
	}
	k := sort.Search(len(traditionalRunes), func(k int) bool { return traditionalRunes[k] >= r })
	return k < len(traditionalRunes) && traditionalRunes[k] == r
}

// traditionalRunes is traditionalOnly as a sorted slice.
var traditionalRunes = []rune(traditionalOnly)

// toSimplified is OpenCC's converter from traditional to simplified
// Chinese, loaded the first time a message needs it (about 3 ms).
var toSimplified = sync.OnceValues(func() (*opencc.OpenCC, error) { return opencc.New("t2s") })

// simplifyTraditional writes traditional Chinese as simplified (請問這個嗎 as
// 请问这个吗), phrase by phrase as OpenCC does, so that the cues and the
// segmenter, written for simplified Chinese, read both alike. Text with no
// character only traditional Chinese writes stays as it is.
func simplifyTraditional(s string) string {
	if !strings.ContainsFunc(s, isTraditionalOnly) {
		return s
	}
	c, err := toSimplified()
	if err != nil {
		panic("thread: the embedded OpenCC tables do not load: " + err.Error())
	}
	out, err := c.Convert(s)
	if err != nil {
		return s // a lookup that failed leaves the text as written
	}
	return out
}
