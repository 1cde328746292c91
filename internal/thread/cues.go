package thread

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

// cueIndex holds every cue phrase by its first rune.
var cueIndex = func() map[rune][]cueEntry {
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
	return index
}()

// scanCues returns the cue lists that have a phrase in text, in one pass
// over it: the same as asking containsAny of each list.
func scanCues(text string) cueSet {
	var found cueSet
	for i, r := range text {
		for _, e := range cueIndex[r] {
			if found&e.sets != e.sets && len(text)-i >= len(e.phrase) && text[i:i+len(e.phrase)] == e.phrase {
				found |= e.sets
			}
		}
	}
	return found
}

// has reports whether any of the lists in sets matched.
func (c cueSet) has(sets cueSet) bool { return c&sets != 0 }
