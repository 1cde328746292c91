package digest

import (
	"bytes"
	"strings"
	"testing"
)

// TestSpanRange checks the heading of a digest: the dates of its days, or
// when --since and --until left none, the range and how many days were
// read; "no dated days" only when the days have no dates.
func TestSpanRange(t *testing.T) {
	dated := []DayView{{Date: "2018-03-01"}, {Date: "2018-03-22"}}
	tests := []struct {
		name string
		days []DayView
		rng  Range
		want string
	}{
		{"days", dated, Range{}, "2018-03-01 to 2018-03-22"},
		{"days in a range", dated, Range{Since: "2018-03-01", Read: 4}, "2018-03-01 to 2018-03-22"},
		{"one day", dated[:1], Range{}, "2018-03-01"},
		{"undated days", []DayView{{}}, Range{}, "no dated days"},
		{"none read", nil, Range{}, "no dated days"},
		{"none since", nil, Range{Since: "2030-01-01", Read: 45}, "no day since 2030-01-01 (45 days read)"},
		{"none until", nil, Range{Until: "2016-12-31", Read: 1}, "no day until 2016-12-31 (1 day read)"},
		{"none between", nil, Range{Since: "2018-03-02", Until: "2018-03-07", Read: 4}, "no day from 2018-03-02 to 2018-03-07 (4 days read)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := span(&Digest{Days: tt.days, Range: tt.rng}); got != tt.want {
				t.Errorf("span %q, want %q", got, tt.want)
			}
		})
	}
	// Build keeps the range for the writers.
	var b bytes.Buffer
	if err := WriteMarkdown(&b, Build(nil, segmenter(t), Options{Range: Range{Since: "2030-01-01", Read: 45}})); err != nil {
		t.Fatal(err)
	}
	if want := "# FAQ digest: no day since 2030-01-01 (45 days read)\n"; !strings.HasPrefix(b.String(), want) {
		t.Errorf("markdown starts %q, want %q", b.String()[:min(b.Len(), 80)], want)
	}
}
