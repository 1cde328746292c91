package thread

import (
	"cmp"
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A senderIndex files the senders of a day under the keys that the mention
// rules compare (normalised names, name parts, pinyin handles), so that a
// rule tests the few senders that can match a mention name instead of every
// sender: a day that mentions tens of thousands of people who do not post
// took names × senders tests. Each lookup returns a superset of the senders
// the rule accepts, as indexes into resolver.senders in ascending order (the
// order of the senders), and the rule tests them exactly as it tested every
// sender, so no resolution changes.
//
// Lowered and normalised names are valid UTF-8 (strings.ToLower turns
// invalid bytes into U+FFFD), so a byte prefix or substring of one such name
// found in another starts and ends on rune boundaries of both: the prefixes
// and windows looked up below are cut at rune boundaries.
type senderIndex struct {
	isSender   map[string]bool // the senders' names
	norms      keyList         // normalised names of two runes or more, for the prefix rule of matchForm
	firstParts keyList         // case-folded first parts (foldKey)
	onlyParts  keyList         // the part of each one-part name of two runes or more
	anyParts   keyList         // case-folded parts, wherever they stand (k)
	laterParts keyList         // lowered parts after the first of names with three parts or more, for sharedParts
	trigrams   keyList         // windows of three runes of every lowered part, for sameOrganisation
	handles    keyList         // lowered Latin first parts of the senders byPinyin may take
}

// indexSenders builds the senderIndex of r.senders.
func (r *resolver) indexSenders() {
	x := &r.idx
	x.isSender = make(map[string]bool, len(r.senders))
	for i, s := range r.senders {
		x.isSender[s] = true
		if sn := r.norm(s); utf8.RuneCountInString(sn) >= 2 {
			x.norms.add(sn, i, 0)
		}
		sp := r.parts(s)
		x.firstParts.add(foldKey(sp[0]), i, 0)
		if len(sp) == 1 && utf8.RuneCountInString(sp[0]) >= 2 {
			x.onlyParts.add(sp[0], i, 0)
		}
		for k, p := range sp {
			x.anyParts.add(foldKey(p), i, k)
			lp := strings.ToLower(p)
			for w := range runeWindows(lp, 3) {
				x.trigrams.add(w, i, k)
			}
			if k > 0 && len(sp) >= 3 {
				x.laterParts.add(lp, i, k)
			}
		}
		if h := strings.ToLower(sp[0]); isLatinHandle(h) && !slices.ContainsFunc(sp[1:], namesChinesePerson) {
			x.handles.add(h, i, 0)
		}
	}
	for _, l := range []keyList{x.norms, x.firstParts, x.onlyParts, x.anyParts, x.laterParts, x.trigrams, x.handles} {
		l.sort()
	}
}

// A keyList files senders under keys, sorted by key, to find by binary
// search the senders of a key or of the keys that start with a string.
type keyList []keyed

// A keyed is an entry of a keyList: a key of a sender (an index into
// resolver.senders), taken from its part k.
type keyed struct {
	key       string
	sender, k int
}

// add files sender under key; the list must be sorted before lookups.
func (l *keyList) add(key string, sender, k int) {
	*l = append(*l, keyed{key, sender, k})
}

// sort sorts the list by key, sender and part.
func (l keyList) sort() {
	slices.SortFunc(l, func(a, b keyed) int {
		return cmp.Or(strings.Compare(a.key, b.key), cmp.Compare(a.sender, b.sender), cmp.Compare(a.k, b.k))
	})
}

// startingWith returns the entries whose key starts with p.
func (l keyList) startingWith(p string) keyList {
	i, _ := slices.BinarySearchFunc(l, p, func(e keyed, p string) int { return strings.Compare(e.key, p) })
	n := i
	for n < len(l) && strings.HasPrefix(l[n].key, p) {
		n++
	}
	return l[i:n]
}

// of returns the entries of key.
func (l keyList) of(key string) keyList {
	m := l.startingWith(key)
	n := 0
	for n < len(m) && m[n].key == key {
		n++
	}
	return m[:n]
}

// appendSenders appends the senders of the entries to c.
func (l keyList) appendSenders(c []int) []int {
	for _, e := range l {
		c = append(c, e.sender)
	}
	return c
}

// distinct sorts senders gathered from several lookups and drops repeats.
func distinct(senders []int) []int {
	slices.Sort(senders)
	return slices.Compact(senders)
}

// prefixCandidates returns the senders whose normalised name of two runes or
// more may start with n or be the start of n, itself of two runes or more.
func (x *senderIndex) prefixCandidates(n string) []int {
	if utf8.RuneCountInString(n) < 2 {
		return nil
	}
	c := x.norms.startingWith(n).appendSenders(nil)
	for p := range runePrefixes(n, 2) {
		c = x.norms.of(p).appendSenders(c)
	}
	return distinct(c)
}

// personCandidates returns the senders whose first part may be the first
// part mp[0] but for case, or whose one-part name may be a part of mp.
func (x *senderIndex) personCandidates(mp []string) []int {
	c := x.firstParts.of(foldKey(mp[0])).appendSenders(nil)
	for _, p := range mp {
		c = x.onlyParts.of(p).appendSenders(c)
	}
	return distinct(c)
}

// sharing yields the senders of names with three parts or more of which a
// later part matches part as sharedParts matches them: equal but for case,
// or one the start of the other and the shorter of two runes or more. A
// sender comes once for each of its parts that matches.
func (x *senderIndex) sharing(part string) iter.Seq[int] {
	return func(yield func(int) bool) {
		lp := strings.ToLower(part)
		if utf8.RuneCountInString(lp) < 2 {
			for _, e := range x.laterParts.of(lp) { // equal
				if !yield(e.sender) {
					return
				}
			}
			return
		}
		for _, e := range x.laterParts.startingWith(lp) { // equal, or the start of the sender's part
			if !yield(e.sender) {
				return
			}
		}
		for q := range runePrefixes(lp, 2) {
			if len(q) == len(lp) {
				break // lp itself, found above
			}
			for _, e := range x.laterParts.of(q) { // the sender's part its start
				if !yield(e.sender) {
					return
				}
			}
		}
	}
}

// organisationCandidates returns the senders with a part that may name the
// organisation p, of three runes or more, by sameOrganisation: equal, one
// containing the other. Such parts have a window of three runes in common.
func (x *senderIndex) organisationCandidates(p string) []int {
	var c []int
	for w := range runeWindows(strings.ToLower(p), 3) {
		c = x.trigrams.of(w).appendSenders(c)
	}
	return distinct(c)
}

// partCandidates returns the senders with a part equal to part but for case.
func (x *senderIndex) partCandidates(part string) []int {
	return distinct(x.anyParts.of(foldKey(part)).appendSenders(nil))
}

// pinyinCandidates returns the senders byPinyin may take whose handle may be
// the given name (alone or twice), start with a full spelling or the
// initials, or be the start of a full spelling.
func (x *senderIndex) pinyinCandidates(given string, readings, syllables []string) []int {
	c := x.handles.of(given).appendSenders(nil)
	c = x.handles.of(given + given).appendSenders(c)
	for _, first := range readings {
		full, initials := first+given, first[:1]
		for _, s := range syllables[1:] {
			initials += s[:1]
		}
		c = x.handles.startingWith(full).appendSenders(c)
		c = x.handles.startingWith(initials).appendSenders(c)
		for n := len(first) + 1; n <= len(full); n++ {
			c = x.handles.of(full[:n]).appendSenders(c)
		}
	}
	return distinct(c)
}

// runePrefixes yields the prefixes of s of at least atLeast runes, s included.
func runePrefixes(s string, atLeast int) iter.Seq[string] {
	return func(yield func(string) bool) {
		n := 0 // runes before i
		for i := range s {
			if n >= atLeast && !yield(s[:i]) {
				return
			}
			n++
		}
		if n >= atLeast {
			yield(s)
		}
	}
}

// runeWindows yields the substrings of s of n runes.
func runeWindows(s string, n int) iter.Seq[string] {
	return func(yield func(string) bool) {
		var starts []int // rune starts of the window being built, then the next rune
		for i := range s {
			starts = append(starts, i)
			if len(starts) > n {
				if !yield(s[starts[0]:i]) {
					return
				}
				starts = starts[1:]
			}
		}
		if len(starts) == n {
			yield(s[starts[0]:])
		}
	}
}

// foldKey returns s with each rune replaced by the least rune that
// unicode.SimpleFold cycles it through (an invalid byte by U+FFFD), so that
// strings.EqualFold(a, b) exactly when foldKey(a) == foldKey(b).
func foldKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, c := range s {
		least := c
		for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		b.WriteRune(least)
	}
	return b.String()
}
