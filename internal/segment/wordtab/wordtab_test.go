package wordtab

import (
	"fmt"
	"slices"
	"testing"
)

func TestUnitEnds(t *testing.T) {
	tests := []struct {
		text string
		want []int
	}{
		{"", nil},
		{"a", []int{1}},
		{"ab12", []int{4}},
		{"分账", []int{3, 6}},
		{"t+1结算", []int{1, 2, 3, 6, 9}},
		{"apple pay", []int{5, 6, 9}},
		{"αβ和", []int{4, 7}},          // Greek letters take two bytes: one unit
		{"ＡＢ", []int{3, 6}},           // full-width letters take three: a unit each
		{"\xff\xfea", []int{1, 2, 3}}, // invalid bytes are units alone
		{" 1,000", []int{1, 2, 3, 6}},
	}
	for _, tt := range tests {
		if got := UnitEnds(nil, tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("UnitEnds(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestTable(t *testing.T) {
	words := []string{"分账", "分", "中华人民共和国", "中华", "t+1", "apple pay", "账户"}
	freqs := []uint32{500, 2, 90, 300, 10000, 7, 800}
	data, err := Build(words, freqs, 123456)
	if err != nil {
		t.Fatal(err)
	}
	tab, err := Open(string(data))
	if err != nil {
		t.Fatal(err)
	}
	if tab.Len() != len(words) || tab.Total() != 123456 {
		t.Errorf("Len %d, Total %v", tab.Len(), tab.Total())
	}
	for i := 1; i < tab.Len(); i++ {
		if tab.Word(i-1) >= tab.Word(i) {
			t.Errorf("words out of order: %q, %q", tab.Word(i-1), tab.Word(i))
		}
	}
	for i, w := range words {
		if got := tab.Find(w); got != float64(freqs[i]) {
			t.Errorf("Find(%q) = %v, want %d", w, got, freqs[i])
		}
	}
	for _, tt := range []struct {
		p    string
		node bool
		freq float64
	}{
		{"分", true, 2},
		{"中", true, 0}, // a prefix at a unit boundary
		{"中华人民", true, 0},
		{"中华人民共和国", true, 90},
		{"t", true, 0},
		{"t+", true, 0},
		{"apple", true, 0},
		{"apple ", true, 0},
		{"app", false, 0}, // not at a unit boundary of "apple pay"
		{"账", true, 0},
		{"户", false, 0},
		{"分账户", false, 0},
		{"\xe4", false, 0},
	} {
		node, freq := tab.Lookup(Extend(Seed, tt.p), tt.p)
		if node != tt.node || freq != tt.freq {
			t.Errorf("Lookup(%q) = %v, %v; want %v, %v", tt.p, node, freq, tt.node, tt.freq)
		}
	}
	// The hash extends unit by unit.
	if Extend(Extend(Seed, "中"), "华") != Extend(Seed, "中华") {
		t.Error("Extend is not incremental")
	}
}

func TestTableManyWords(t *testing.T) {
	var words []string
	var freqs []uint32
	for i := range 5000 {
		words = append(words, fmt.Sprintf("w%d词", i))
		freqs = append(freqs, uint32(i+1))
	}
	data, err := Build(words, freqs, 1e7)
	if err != nil {
		t.Fatal(err)
	}
	tab, err := Open(string(data))
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range words {
		if got := tab.Find(w); got != float64(freqs[i]) {
			t.Fatalf("Find(%q) = %v, want %d", w, got, freqs[i])
		}
		if got := tab.Find(w + "x"); got != 0 {
			t.Fatalf("Find(%q) = %v, want 0", w+"x", got)
		}
	}
}

func TestBuildAndOpenErrors(t *testing.T) {
	if _, err := Build([]string{"a", "a"}, []uint32{1, 2}, 3); err == nil {
		t.Error("a word twice: no error")
	}
	if _, err := Build([]string{""}, []uint32{1}, 1); err == nil {
		t.Error("an empty word: no error")
	}
	if _, err := Build([]string{"a"}, nil, 1); err == nil {
		t.Error("missing frequencies: no error")
	}
	data, err := Build([]string{"ab", "c"}, []uint32{1, 2}, 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"", "wordtab0", string(data[:len(data)-1]), string(data[:20])} {
		if _, err := Open(bad); err == nil {
			t.Errorf("Open(%d bytes) accepted a bad table", len(bad))
		}
	}
}
