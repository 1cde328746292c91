package segment

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/cocolian/threads/internal/sharedtest"
)

// The fast paths of the segmenter are checked here against the plain code
// they replace.

// specialRef is the regular expression that nextSpecial implements.
var specialRef = regexp.MustCompile(`\[[^\[\]\r\n]{1,24}\]|(?i:https?://|www\.)[!-~]+`)

// checkSpecial fails the test unless nextSpecial finds in text what the
// regular expression finds.
func checkSpecial(t *testing.T, text string) {
	t.Helper()
	var got [][]int
	for start, end := nextSpecial(text, 0); start >= 0; start, end = nextSpecial(text, end) {
		got = append(got, []int{start, end})
	}
	want := specialRef.FindAllStringIndex(text, -1)
	if len(got) != len(want) {
		t.Fatalf("%q: nextSpecial finds %v, the regexp %v", text, got, want)
	}
	for i := range got {
		if got[i][0] != want[i][0] || got[i][1] != want[i][1] {
			t.Fatalf("%q: nextSpecial finds %v, the regexp %v", text, got, want)
		}
	}
}

// specialTexts are texts around the edges of the expression.
var specialTexts = []string{
	"", "[", "]", "[]", "[a]", "[捂脸]", "[[捂脸]]", "[a\nb]", "[a\rb]", "[" + strings.Repeat("字", 24) + "]",
	"[" + strings.Repeat("字", 25) + "]", "[" + strings.Repeat("a", 24) + "]", "[\xff\xfe]", "[\xe4\xb8]", "x[y]z[",
	"http://", "http://a", "https://a", "HTTPS://A.B/c?d=[e]", "httpſ://x", "httpS://x", "https:/x", "http:/x",
	"www.", "www.x", "WwW.x", "ww.x", "hhttp://x", "http://x y", "http://中文", "看https://x。好", "[http://x]",
	"http://[x]", "wwww.x", "h", "H", "w", "ttp://x", "http\xff://x", "\xffhttp://x", "Ⓗttp://x", "ｈttp://x",
}

func TestNextSpecialMatchesRegexp(t *testing.T) {
	for _, text := range specialTexts {
		checkSpecial(t, text)
	}
	for _, text := range corpusTexts(t) {
		checkSpecial(t, text)
	}
}

func FuzzNextSpecial(f *testing.F) {
	for _, text := range specialTexts {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSpecial(t, text)
	})
}

// corpusTexts returns the sample day and, when the shared corpus is there,
// every cocolian day.
func corpusTexts(t testing.TB) []string {
	t.Helper()
	files := []string{filepath.Join("..", "..", "testdata", "sample-day.markdown")}
	if root := sharedtest.Root(); root != "" {
		more, _ := filepath.Glob(filepath.Join(root, "corpus", "cocolian", "*", "*.markdown"))
		files = append(files, more...)
	}
	var texts []string
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	return texts
}

// kindRef is the plain classification that kind speeds up.
func (s *Segmenter) kindRef(w string) Kind {
	folded := strings.ToLower(w)
	if _, ok := s.domain[folded]; ok {
		return KindDomain
	}
	if s.stop[folded] || isFillerRef(folded) {
		return KindStop
	}
	var han, letters, latin, numbers, marks int
	n := 0
	for _, r := range w {
		n++
		switch {
		case isMark(r):
			marks++
		case unicode.IsNumber(r):
			numbers++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.IsLetter(r):
			letters++
			if unicode.Is(unicode.Latin, r) || unicode.Is(unicode.Greek, r) || unicode.Is(unicode.Cyrillic, r) {
				latin++
			}
		}
	}
	switch {
	case marks == n:
		return KindPunct
	case numbers == n:
		return KindNumber
	case letters > 0 && latin == letters && latin+numbers == n:
		return KindLatin
	default:
		return KindWord
	}
}

// isFillerRef is isFiller without its quick rejection.
func isFillerRef(w string) bool {
	if utf8.RuneCountInString(w) < 2 {
		return false
	}
	if strings.Trim(w, "哈呵嘿嘻嗯") == "" || strings.Trim(w, "h") == "" {
		return true
	}
	if strings.HasPrefix(w, "em") && strings.Trim(w[2:], "m") == "" {
		return true
	}
	return strings.Trim(strings.ReplaceAll(w, "ha", ""), "h") == ""
}

// checkKind fails the test unless kind and kindRef agree on w.
func checkKind(t *testing.T, s *Segmenter, w string) {
	t.Helper()
	if got, want := s.kind(w), s.kindRef(w); got != want {
		t.Fatalf("kind(%q) = %s, want %s", w, got, want)
	}
}

// TestKindFastPaths checks kind against kindRef on every ASCII and CJK
// rune, on the words of every corpus day and on fillers.
func TestKindFastPaths(t *testing.T) {
	s := testSegmenter(t)
	for r := rune(0); r < 0x3000; r++ {
		checkKind(t, s, string(r))
	}
	for r := rune(cjkFirst); r <= cjkLast; r++ {
		checkKind(t, s, string(r))
		if !unicode.Is(unicode.Han, r) {
			t.Fatalf("%U is in the CJK fast path but not Han", r)
		}
	}
	for _, w := range []string{"哈哈", "hhh", "haha", "hah", "emmm", "em", "嗯嗯嗯", "aha", "hhaa", "Emm", "HAHA", "哈h", "e", "h", "\xff\xff"} {
		checkKind(t, s, w)
	}
	for _, text := range corpusTexts(t) {
		for _, tok := range s.Tokens(text) {
			checkKind(t, s, tok.Text)
		}
	}
}

func FuzzKind(f *testing.F) {
	for _, w := range []string{"哈哈", "hhh", "emmm", "MDR", "分账", "Ⅱ类户", "ＡＢＣ", "αβ", "1,000"} {
		f.Add(w)
	}
	s, err := shared()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, w string) {
		checkKind(t, s, w)
	})
}

// TestLowerFastPath checks that no rune lower leaves alone has a lowercase
// form, and lower against strings.ToLower.
func TestLowerFastPath(t *testing.T) {
	for r := rune(noCaseFirst); r <= noCaseLast; r++ {
		if unicode.ToLower(r) != r {
			t.Fatalf("%U has the lowercase %U but lower leaves it", r, unicode.ToLower(r))
		}
	}
	for _, w := range []string{"", "abc", "ABC", "分账", "MDR费率", "Ⅱ类户", "ＡＢＣ", "ΑΒΓ", "\xffA", "İ", "ǅ"} {
		if got, want := lower(w), strings.ToLower(w); got != want {
			t.Errorf("lower(%q) = %q, want %q", w, got, want)
		}
	}
}
