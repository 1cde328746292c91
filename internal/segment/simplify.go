package segment

import (
	"sort"
	"strings"
	"sync"

	"github.com/longbridgeapp/opencc"
)

//go:generate go run ./gentrad

// Simplify writes traditional Chinese as simplified (請問這個嗎 as 请问这个吗),
// phrase by phrase as OpenCC does, so that what is written for simplified
// Chinese (the cues of package thread, the payments dictionary, the
// segmenter) reads both alike. Text with no character only traditional
// Chinese writes is returned as it is; OpenCC's tables load the first time
// a text needs them (about 3 ms).
func Simplify(s string) string {
	if !strings.ContainsFunc(s, isTraditionalOnly) {
		return s
	}
	c, err := toSimplified()
	if err != nil {
		panic("segment: the embedded OpenCC tables do not load: " + err.Error())
	}
	out, err := c.Convert(s)
	if err != nil {
		return s // a lookup that failed leaves the text as written
	}
	return out
}

// toSimplified is OpenCC's converter from traditional to simplified Chinese.
var toSimplified = sync.OnceValues(func() (*opencc.OpenCC, error) { return opencc.New("t2s") })

// The characters of traditionalOnly (traditional.go): those in
// [bmpFrom, bmpTo) as a bit set, the rest as a sorted list.
const bmpFrom, bmpTo = 0x3400, 0xA000

var traditionalBits, traditionalOther = func() ([]uint64, []rune) {
	bits := make([]uint64, (bmpTo-bmpFrom+63)/64)
	var other []rune
	for _, r := range traditionalOnly {
		if r >= bmpFrom && r < bmpTo {
			bits[(r-bmpFrom)/64] |= 1 << ((r - bmpFrom) % 64)
		} else {
			other = append(other, r)
		}
	}
	return bits, other
}()

// isTraditionalOnly reports whether r is a character only traditional
// Chinese writes (會, 請, 嗎; not 乾 or 覆, which simplified Chinese writes too).
func isTraditionalOnly(r rune) bool {
	switch {
	case r < bmpFrom:
		return false
	case r < bmpTo:
		return traditionalBits[(r-bmpFrom)/64]&(1<<((r-bmpFrom)%64)) != 0
	}
	k := sort.Search(len(traditionalOther), func(k int) bool { return traditionalOther[k] >= r })
	return k < len(traditionalOther) && traditionalOther[k] == r
}
