package thread

import "unicode/utf8"

// A cueSet names one list of cue phrases in the cue lexicon, as a bit.
type cueSet uint32

// The cue lists messageFeatures and isQuestion look for, one bit each; the
// order is the order of cueLists.
const (
	cueInterrogative cueSet = 1 << iota
	cueStrongInterrogative
	cueWh
	cueNotAsking
	cueRequest
	cueGreet
	cueThanks
	cueAck
	cuePronoun
	cueNews
	cueNotice
	cueAnaphor
	cueMeToo
	cueGroupAsk
	cueIndefinite
)

// cueLists are the phrase lists behind the cue bits, in bit order.
var cueLists = [...]*[]string{&interrogatives, &strongInterrogatives, &whWords, &notAsking, &requests,
	&greetWords, &thanksWords, &ackWords, &pronouns, &newsCues, &noticeCues, &anaphors, &meToo, &groupAsk, &indefinites}

// A cueEntry is one phrase and the lists it belongs to.
type cueEntry struct {
	phrase string
	sets   cueSet
}

// A cueTable holds every cue phrase by its first rune: the phrases that
// open with an ASCII character in an array, so that an English text is
// scanned without a map look-up at every character, the others in a map.
type cueTable struct {
	ascii [utf8.RuneSelf][]cueEntry
	other map[rune][]cueEntry
}

// startingWith returns the entries whose phrase opens with r.
func (t *cueTable) startingWith(r rune) []cueEntry {
	if r < utf8.RuneSelf {
		return t.ascii[r]
	}
	return t.other[r]
}

// cueIndex holds every cue phrase by its first rune.
var cueIndex = func() *cueTable {
	index := map[rune][]cueEntry{}
	at := map[string]int{} // phrase -> position in index[first rune]
	for k, list := range cueLists {
		for _, p := range *list {
			first := []rune(p)[0]
			if pos, ok := at[p]; ok {
				index[first][pos].sets |= 1 << k
				continue
			}
			at[p] = len(index[first])
			index[first] = append(index[first], cueEntry{p, 1 << k})
		}
	}
	t := &cueTable{other: index}
	for r := range rune(utf8.RuneSelf) {
		t.ascii[r] = index[r]
		delete(index, r)
	}
	return t
}()

// scanCues returns the cue lists that have a phrase in text, in one pass
// over it: the same as asking containsAny of each list.
func scanCues(text string) cueSet {
	var found cueSet
	for i, r := range text {
		for _, e := range cueIndex.startingWith(r) {
			if found&e.sets != e.sets && len(text)-i >= len(e.phrase) && text[i:i+len(e.phrase)] == e.phrase {
				found |= e.sets
			}
		}
	}
	return found
}

// has reports whether any of the lists in sets matched.
func (c cueSet) has(sets cueSet) bool { return c&sets != 0 }
