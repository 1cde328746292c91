package eval

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cocolian/threads/internal/sharedtest"
)

// gapBaseline threads messages by time alone: a gap of more than gap
// seconds since the previous message starts a new thread, and every other
// message replies to the message just before it.
func gapBaseline(seconds []int, gap int) *Annotation {
	parent := make([]int, len(seconds))
	for i := range seconds {
		parent[i] = i
		if i > 0 && seconds[i]-seconds[i-1] <= gap {
			parent[i] = i - 1
		}
	}
	return &Annotation{Parent: parent, Thread: ThreadsFromParents(parent)}
}

// chatHeader matches a message header of the cocolian markdown export.
var chatHeader = regexp.MustCompile(`^> (\d\d:\d\d:\d\d)  `)

// readChatTexts returns the time and the text of each message of a cocolian
// chat markdown file, in file order (a minimal reader for this test only).
func readChatTexts(t *testing.T, path string) (times, texts []string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<22)
	dashes := 0
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if dashes < 2 {
			if line == "---" {
				dashes++
			}
			continue
		}
		if m := chatHeader.FindStringSubmatch(line); m != nil {
			times = append(times, m[1])
			texts = append(texts, "")
			continue
		}
		if len(texts) == 0 || strings.TrimSpace(line) == "" {
			continue
		}
		texts[len(texts)-1] = strings.TrimSpace(texts[len(texts)-1] + " " + strings.TrimSpace(line))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return times, texts
}

// TestGapBaselineOnGold reproduces the "new thread after a 10-minute gap"
// baseline on the shared gold days, against numbers measured independently.
func TestGapBaselineOnGold(t *testing.T) {
	tests := []struct {
		day                   string
		messages, threads     int
		oneToOne, vi, exactF1 float64
	}{
		{"2018-05-04", 240, 20, 47.1, 72.1, 27.6},
		{"2017-08-09", 211, 21, 62.6, 76.5, 0.0},
	}
	var all []Scores
	for _, tt := range tests {
		t.Run(tt.day, func(t *testing.T) {
			path := sharedtest.Dir(t, "gold", "proddev-"+tt.day+".tsv")
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			gold, err := ReadTSV(f, path)
			if err != nil {
				t.Fatal(err)
			}
			pred := gapBaseline(gold.Seconds, 600)

			chat := filepath.Join(sharedtest.Root(), "corpus", "cocolian", "proddev", tt.day+"-chat.markdown")
			if _, err := os.Stat(chat); err == nil {
				times, texts := readChatTexts(t, chat)
				if len(texts) != gold.Len() {
					t.Fatalf("%s has %d messages, gold has %d", chat, len(texts), gold.Len())
				}
				pred.Question = make([]bool, len(texts))
				for i, text := range texts {
					if got := fmtClock(gold.Seconds[i]); got != times[i] {
						t.Fatalf("message %d: gold time %s, chat time %s", i, got, times[i])
					}
					pred.Question[i] = strings.HasSuffix(text, "?") || strings.HasSuffix(text, "？")
				}
			}

			s := Score(gold, pred)
			all = append(all, s)
			var b strings.Builder
			if err := WriteText(&b, tt.day, s); err != nil {
				t.Fatal(err)
			}
			t.Logf("gap baseline:\n%s", b.String())
			if s.Messages != tt.messages || s.GoldThreads != tt.threads {
				t.Errorf("messages, gold threads = %d, %d, want %d, %d", s.Messages, s.GoldThreads, tt.messages, tt.threads)
			}
			for _, c := range []struct {
				name      string
				got, want float64
			}{
				{"one-to-one", s.OneToOne, tt.oneToOne},
				{"VI", s.VI, tt.vi},
				{"exact F1", s.ExactF1, tt.exactF1},
			} {
				if d := c.got - c.want; d > 0.1 || d < -0.1 {
					t.Errorf("%s = %.2f, want %.1f (within 0.1)", c.name, c.got, c.want)
				}
			}
		})
	}
	if len(all) == len(tests) {
		var b strings.Builder
		if err := WriteText(&b, "mean", Mean(all)); err != nil {
			t.Fatal(err)
		}
		t.Logf("gap baseline, macro mean over gold days:\n%s", b.String())
	}
}

func fmtClock(sec int) string {
	return string([]byte{
		byte('0' + sec/36000), byte('0' + sec/3600%10), ':',
		byte('0' + sec/60%60/10), byte('0' + sec/60%10), ':',
		byte('0' + sec%60/10), byte('0' + sec%10),
	})
}

// BenchmarkScore scores the gap baseline on a shared gold day.
func BenchmarkScore(b *testing.B) {
	path := sharedtest.Dir(b, "gold", "proddev-2018-05-04.tsv")
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	gold, err := ReadTSV(f, path)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	pred := gapBaseline(gold.Seconds, 600)
	for b.Loop() {
		Score(gold, pred)
	}
}

// BenchmarkOneToOneSingletons matches 1000 singleton clusters against 1000
// others, the worst case for cluster counts.
func BenchmarkOneToOneSingletons(b *testing.B) {
	gold := make([]int, 1000)
	pred := make([]int, 1000)
	for i := range gold {
		gold[i] = i
		pred[i] = i / 2
	}
	for b.Loop() {
		OneToOneOverlap(gold, pred)
	}
}
