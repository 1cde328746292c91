package segment

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/go-ego/gse"

	"github.com/cocolian/threads/dict"
	"github.com/cocolian/threads/internal/segment/gsedict"
	"github.com/cocolian/threads/internal/sharedtest"
)

// The reference is what the fast dictionary must reproduce: gse with its
// full embedded zh_s dictionary, loaded with LoadDictEmbed, and the words
// of dict/ added with AddToken and ReAddToken, as the segmenter did before
// the dictionary was compiled. Loading it takes 1.5 s and 200 MB, so the
// tests of one binary share one.
var (
	refOnce     sync.Once
	refSeg      *Segmenter // a Segmenter that cuts with gse
	refCompiled []byte     // zh_s compiled from the same load, before dict/ went in
	refErr      error
)

// The part-of-speech tags the reference gives added words (nz: other
// proper noun, y: modal particle); nothing reads them back.
const (
	domainPos = "nz"
	stopPos   = "y"
)

// reference returns the shared reference Segmenter and the compiled zh_s,
// or stops the test.
func reference(tb testing.TB) (*Segmenter, []byte) {
	tb.Helper()
	refOnce.Do(func() {
		fast, err := shared()
		if err != nil {
			refErr = err
			return
		}
		g, err := gsedict.LoadZhS()
		if err != nil {
			refErr = err
			return
		}
		if refCompiled, refErr = gsedict.Compile(g); refErr != nil {
			return
		}
		if refErr = addDictWords(g); refErr != nil {
			return
		}
		ref := *fast
		ref.words = gseCutter{g}
		refSeg = &ref
	})
	if refErr != nil {
		tb.Fatal(refErr)
	}
	return refSeg, refCompiled
}

// addDictWords adds every payments term and alias to g's dictionary at
// domainFreq, or keeps it at its own frequency when that is higher, and
// the stop words it lacks at stopFreq: the loader the compiled dictionary
// replaced, kept as the reference.
func addDictWords(g *gse.Segmenter) error {
	terms, err := dict.Payments()
	if err != nil {
		return err
	}
	stops, err := dict.StopWords()
	if err != nil {
		return err
	}
	natural := func(w string) float64 {
		var b bytes.Buffer
		for _, u := range g.SplitTextToWords([]byte(w)) {
			b.Write(u)
		}
		f, _, _ := g.Dict.Find(b.Bytes())
		return f
	}
	for _, t := range terms {
		for _, w := range append([]string{t.Term}, t.Aliases...) {
			f := natural(w)
			var err error
			switch {
			case f == 0:
				err = g.AddToken(w, domainFreq, domainPos)
			case f < domainFreq:
				err = g.ReAddToken(w, domainFreq, domainPos)
			}
			if err != nil {
				return fmt.Errorf("add payments term %q: %w", w, err)
			}
		}
	}
	for _, w := range stops {
		if strings.HasPrefix(w, "[") || utf8.RuneCountInString(w) < 2 || natural(w) > 0 {
			continue
		}
		if err := g.AddToken(w, stopFreq, stopPos); err != nil {
			return fmt.Errorf("add stop word %q: %w", w, err)
		}
	}
	g.CalcToken()
	return nil
}

// gseCutter cuts with gse's shortest-path Segment.
type gseCutter struct{ g *gse.Segmenter }

func (c gseCutter) cut(ends []int, text string) []int {
	for _, sg := range c.g.Segment([]byte(text)) {
		ends = append(ends, sg.End())
	}
	return ends
}

// TestCompiledDictionaryUpToDate checks that compiling gse's zh_s again
// gives the embedded bytes (else run go generate ./internal/segment).
func TestCompiledDictionaryUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's full dictionary")
	}
	_, compiled := reference(t)
	if !bytes.Equal(compiled, []byte(zhS)) {
		t.Fatalf("zh_s.dict is stale: compiling gse's zh_s gives %d bytes, the embedded file has %d; run go generate ./internal/segment", len(compiled), len(zhS))
	}
}

// TestDictionaryTotalFrequency checks that the fast dictionary scores with
// the total frequency the reference has after dict/ went in: gse charges a
// word log2(total/freq), so a different total would move every cut.
func TestDictionaryTotalFrequency(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's full dictionary")
	}
	ref, _ := reference(t)
	fast := testSegmenter(t)
	g := ref.words.(gseCutter).g
	want := float32(log2(g.Dict.TotalFreq()))
	if got := fast.words.(*dictionary).logTotal; got != want {
		t.Errorf("log2 of the total frequency is %v, gse's is %v", got, want)
	}
	// Every word of dict/ has the reference's frequency.
	d := fast.words.(*dictionary)
	for k, e := range d.extra {
		if e.freq == 0 {
			continue // a prefix only
		}
		if gf, _, _ := g.Dict.Find([]byte(k)); gf != e.freq {
			t.Errorf("%q: frequency %v, gse has %v", k, e.freq, gf)
		}
	}
}

// sameTokens fails the test unless the fast and the reference Segmenter
// give the same tokens for text; name says where text came from.
func sameTokens(t *testing.T, fast, ref *Segmenter, name, text string) {
	t.Helper()
	if t.Failed() && !testing.Verbose() {
		return // one difference is enough to read
	}
	got, want := fast.Tokens(text), ref.Tokens(text)
	if len(got) == len(want) {
		same := true
		for i := range got {
			same = same && got[i] == want[i]
		}
		if same {
			return
		}
	}
	// Report the first line that differs.
	for n, line := range strings.Split(text, "\n") {
		g, w := render(fast.Tokens(line)), render(ref.Tokens(line))
		if g != w {
			t.Errorf("%s:%d: tokens differ from gse's\ngot  %s\nwant %s", name, n+1, g, w)
			return
		}
	}
	t.Errorf("%s: tokens differ from gse's (%d tokens, want %d)", name, len(got), len(want))
}

// TestSameTokensAsGse checks that the compiled dictionary cuts every corpus
// day, the sample day and the texts of the other tests exactly as gse does
// with its full dictionary and dict/.
func TestSameTokensAsGse(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's full dictionary")
	}
	ref, _ := reference(t)
	fast := testSegmenter(t)
	files := []string{filepath.Join("..", "..", "testdata", "sample-day.markdown")}
	if root := sharedtest.Root(); root != "" {
		more, _ := filepath.Glob(filepath.Join(root, "corpus", "cocolian", "*", "*.markdown"))
		files = append(files, more...)
	}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		sameTokens(t, fast, ref, path, text)
		// Line by line too: chat messages are cut one at a time.
		for n, line := range strings.Split(text, "\n") {
			sameTokens(t, fast, ref, fmt.Sprintf("%s:%d", path, n+1), line)
		}
	}
	for _, text := range append(edgeTexts(), paragraph) {
		sameTokens(t, fast, ref, "edge", text)
	}
	// Chains of dictionary words and their halves, where words overlap
	// and compete the most.
	d := fast.words.(*dictionary)
	var extra []string
	for k, e := range d.extra {
		if e.freq > 0 {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range 2 + rng.IntN(6) {
			var w string
			if rng.IntN(4) == 0 {
				w = extra[rng.IntN(len(extra))]
			} else {
				w = d.base.Word(rng.IntN(d.base.Len()))
			}
			if r := []rune(w); len(r) > 1 && rng.IntN(3) == 0 {
				w = string(r[rng.IntN(len(r)):])
			}
			b.WriteString(w)
		}
		sameTokens(t, fast, ref, "chain", b.String())
	}
	terms, err := dict.Payments()
	if err != nil {
		t.Fatal(err)
	}
	for _, term := range terms {
		for _, w := range append([]string{term.Term}, term.Aliases...) {
			sameTokens(t, fast, ref, "term", w)
			sameTokens(t, fast, ref, "term", "请问"+w+"，谢谢")
			sameTokens(t, fast, ref, "term", strings.ToUpper(w)+"和"+strings.ToLower(w))
		}
	}
}

// edgeTexts are texts that exercise gse's text units: Latin and digit
// runs, case, full-width and invalid bytes, Greek and Cyrillic, spaces.
func edgeTexts() []string {
	return []string{
		"", " ", "a", "A", "Ab12cD", "T+1结算D+0", "MDR费率0.6%", "apple pay和Apple Pay和APPLE PAY",
		"II类户III类户ii类户", "ＡＢＣ公司１２３", "αβγ和Кириллица", "invalid \xff\xfe utf-8 \xe4\xb8",
		"日本語のテキストも大丈夫ですか", "👨‍👩‍👧 ❤️ 🇨🇳", "中华人民共和国中央人民政府", "1,000元2018-05-04 10:30",
		"ISO8583报文", "POS机和pos机", "e.g.一个i.e.", "\t\n\r\n", "研究生命起源", "结婚的和尚未结婚的",
	}
}

// FuzzSameTokensAsGse checks random texts against gse.
func FuzzSameTokensAsGse(f *testing.F) {
	for _, s := range edgeTexts() {
		f.Add(s)
	}
	ref, _ := reference(f)
	fast := testSegmenter(f)
	f.Fuzz(func(t *testing.T, text string) {
		sameTokens(t, fast, ref, "fuzz", text)
	})
}

func log2(x float64) float64 { return math.Log2(x) }
