package thread

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// English question cues, for a message without Han characters and without
// a question mark (one with a question mark asks). Chat writers leave the
// mark out, so the form of the sentence has to say it: a wh-word with an
// auxiliary (how do I, what's, where is), an auxiliary put before its
// subject (does anyone, is there, can you), or a request for help (any
// ideas, need help, is there a way). A greeting, a name addressed or an
// announcement of the question (Hi all, Bob:, quick question:) before it
// changes nothing. A sentence that only looks like one does not ask: an
// imperative or a statement without its subject (Do not flash…, Have a
// great weekend, Should be fixed…, Can confirm, Will do), an exclamation
// (What a release!, How cool is that), a subordinate clause (When I
// restart HA…, Where I live…) or a relative one (Which is why…).

// An enWord is a word of an English text, lowercased, and whether it reads
// as a name as written (a capital letter after the first word, or a digit:
// HA, Zigbee2MQTT, 2024.1).
type enWord struct {
	w    string
	name bool
}

// englishEmphasised are words written in capitals for stress (do NOT
// format it, it is REALLY slow), not names.
var englishEmphasised = []string{"not", "never", "no", "really", "just", "also", "only", "even", "still", "always", "definitely", "probably", "actually", "all", "any", "ever"}

// englishEmphasisedSet holds englishEmphasised, for a look-up by word.
var englishEmphasisedSet = wordSet(englishEmphasised)

// wordSet returns the words as a set.
func wordSet(words []string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	return set
}

// notNameRune reports whether r has no place in a name: a word with it is
// code (RANCID=$RAN), not a name.
func notNameRune(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(".-_+", r)
}

// An enSentence is a sentence of an English text: its clauses (split at
// commas, semicolons, colons and dashes set apart) and the mark that ends
// it ('.', '!', '?'; 0 at the end of the text without one).
type enSentence struct {
	clauses [][]enWord
	end     rune
}

// englishSentences splits text into sentences of clauses of words. Curly
// apostrophes read as straight ones (what’s as what's); a full stop or a
// colon inside a word (2024.1, http://…, 10:30) does not split it, nor does
// an ellipsis end a sentence; an aside in parentheses is left out.
//
// The text is read once, rune by rune, without copying it: a word's runes
// gather in one buffer, and the clauses are cut from one slice of words
// (the English cues read every message of an English chat).
func englishSentences(text string) []enSentence {
	var (
		sentences []enSentence
		cur       enSentence
		start     int    // where the clause being read starts in words
		word      []byte // the runes of the word being read, UTF-8 encoded
	)
	words := make([]enWord, 0, len(text)/4+1) // the words of all clauses, in order (room for one in four bytes: most texts need less)
	flushWord := func() {
		w := trimWordEdges(word)
		word = word[:0]
		if len(w) == 0 {
			return
		}
		first := len(cur.clauses) == 0 && len(words) == start // a sentence's first word is capitalised anyway
		words = append(words, readEnWord(w, first))
	}
	flushClause := func() {
		flushWord()
		if len(words) > start {
			cur.clauses = append(cur.clauses, words[start:len(words):len(words)])
			start = len(words)
		}
	}
	flushSentence := func(end rune) {
		flushClause()
		if len(cur.clauses) > 0 {
			cur.end = end
			sentences = append(sentences, cur)
		}
		cur = enSentence{}
	}
	aside := 0               // depth of parentheses: an aside, left out
	prev, before := ' ', ' ' // the rune read last, and the one before the rune being read
	next, size := utf8.DecodeRuneInString(text)
	for i := 0; i < len(text); {
		r := next
		before, prev = prev, r
		if i += size; i < len(text) {
			next, size = utf8.DecodeRuneInString(text[i:])
		} else {
			next = ' '
		}
		spaceAfter := unicode.IsSpace(next)
		switch {
		case r == '(' || r == '（':
			flushWord()
			aside++
			continue
		case r == ')' || r == '）':
			aside = max(aside-1, 0)
			continue
		case aside > 0:
			continue
		}
		switch r {
		case '.', '。':
			switch {
			case next == '.' || before == '.' || r == '.' && next == '…':
				flushClause() // an ellipsis trails off
			case spaceAfter || r == '。':
				flushSentence('.')
			default:
				word = utf8.AppendRune(word, r)
			}
		case '!', '！':
			flushSentence('!')
		case '?', '？':
			flushSentence('?')
		case '…', ',', ';', '，', '；':
			flushClause()
		case ':', '：':
			if spaceAfter || r == '：' {
				flushClause()
			} else {
				word = utf8.AppendRune(word, r)
			}
		case '-', '–', '—':
			if unicode.IsSpace(before) && spaceAfter || r != '-' {
				flushClause()
			} else {
				word = utf8.AppendRune(word, r)
			}
		case '\'', '’', '‘':
			word = append(word, '\'')
		case '\n':
			flushSentence(0)
		default:
			if unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("_/+#@&*=<>", r) {
				word = utf8.AppendRune(word, r)
			} else {
				flushWord()
			}
		}
	}
	flushSentence(0)
	return sentences
}

// trimWordEdges returns w without the apostrophes, full stops, dashes,
// underscores and slashes at its ends ('quoted', end., --flag).
func trimWordEdges(w []byte) []byte {
	isEdge := func(b byte) bool { return b == '\'' || b == '.' || b == '-' || b == '_' || b == '/' }
	for len(w) > 0 && isEdge(w[0]) {
		w = w[1:]
	}
	for len(w) > 0 && isEdge(w[len(w)-1]) {
		w = w[:len(w)-1]
	}
	return w
}

// readEnWord returns the word w, UTF-8 encoded and trimmed, as an enWord;
// first tells that it opens its sentence, where a capital says nothing. It
// lowercases w in place.
func readEnWord(w []byte, first bool) enWord {
	digit, upper, code := wordShape(w)
	lower := lowerWord(w)
	name := !code && (digit || !first && upper && !englishEmphasisedSet[lower] && lower != "i" && !strings.HasPrefix(lower, "i'"))
	return enWord{lower, name}
}

// lowerWord returns w lowercased, as strings.ToLower would; an ASCII word
// is lowercased in place.
func lowerWord(w []byte) string {
	for _, b := range w {
		if b >= utf8.RuneSelf {
			return strings.ToLower(string(w))
		}
	}
	for k, b := range w {
		if 'A' <= b && b <= 'Z' {
			w[k] = b + 'a' - 'A'
		}
	}
	return string(w)
}

// wordShape reports whether the word w, UTF-8 encoded, holds a digit, an
// upper-case letter, and a rune no name holds (notNameRune).
func wordShape(w []byte) (digit, upper, code bool) {
	var shape runeShape
	for len(w) > 0 {
		if b := w[0]; b < utf8.RuneSelf {
			shape |= asciiShapes[b] // ASCII, most of English
			w = w[1:]
			continue
		}
		r, size := utf8.DecodeRune(w)
		shape |= shapeOf(r)
		w = w[size:]
	}
	return shape&shapeDigit != 0, shape&shapeUpper != 0, shape&shapeCode != 0
}

// A runeShape tells what a rune says of the word that holds it: one bit
// each for a digit, an upper-case letter, and a rune no name holds.
type runeShape uint8

// The bits of a runeShape.
const (
	shapeDigit runeShape = 1 << iota
	shapeUpper
	shapeCode
)

// shapeOf returns the shape of r.
func shapeOf(r rune) runeShape {
	var s runeShape
	if unicode.IsDigit(r) {
		s |= shapeDigit
	}
	if unicode.IsUpper(r) {
		s |= shapeUpper
	}
	if notNameRune(r) {
		s |= shapeCode
	}
	return s
}

// asciiShapes holds the shape of each ASCII character.
var asciiShapes = func() (shapes [utf8.RuneSelf]runeShape) {
	for r := range rune(utf8.RuneSelf) {
		shapes[r] = shapeOf(r)
	}
	return shapes
}()

// asksInEnglish reports whether an English text without a question mark,
// split into its sentences, asks something (see the comment at the top of
// this file).
func asksInEnglish(sentences []enSentence) bool {
	for _, s := range sentences {
		if requestsHelp(s) {
			return true
		}
	}
	for _, s := range sentences {
		if s.end == '!' {
			continue // an exclamation: Have a great weekend everyone!
		}
		opening := true
		for k, c := range s.clauses {
			if opening && len(c) == 1 && k+1 < len(s.clauses) {
				continue // Bob: …, a name addressed
			}
			// A later clause led by a conjunction may share the subject of
			// the one before (X is an implementation…, and is the part…):
			// its auxiliary asks only before a pronoun (…, but can I…).
			shared := !opening && isOneOf(c[0].w, englishConjunctions)
			c = skipLead(c)
			if len(c) == 0 {
				continue
			}
			if !opening && c[0].w == "which" {
				continue // …, which is above all the kernels: a relative clause
			}
			if opening && subordinate(c) {
				if s.end == '.' {
					break // When I restart HA the automations run twice, so I disabled them.
				}
				opening = false
				continue // If I restart, will it keep the pairing: the main clause asks
			}
			opening = false
			if asksClause(c, shared) {
				return true
			}
		}
	}
	return false
}

// englishGreetings open a message by greeting (Hi all, Hey everyone, Good
// morning folks); englishAddressees are whom they greet.
var (
	englishGreetings  = []string{"hi", "hey", "hello", "heya", "hiya", "hallo", "yo", "howdy", "greetings", "morning", "evening", "afternoon"}
	englishAddressees = []string{"all", "everyone", "everybody", "guys", "folks", "team", "people", "there", "y'all", "yall", "friends", "gang", "peeps", "ppl", "experts", "community", "again"}
)

// englishDiscourse are words that lead into what a message says without
// being part of it (So how do you…, Also is there a way…, OK what about…).
var englishDiscourse = []string{"so", "ok", "okay", "k", "well", "also", "btw", "and", "but", "anyway", "anyways", "um", "umm", "uh", "hmm", "hm", "oh", "ah", "alright", "sorry", "please", "pls", "plz", "then", "now", "still", "just", "guys"}

// englishAnnouncements announce the question that follows (quick question:,
// Quick q -, one more question): like a greeting, they lead into it.
var englishAnnouncements = [][]string{
	{"quick", "question"}, {"quick", "q"}, {"quick", "one"}, {"question"}, {"q"}, {"another", "question"},
	{"one", "more", "question"}, {"a", "question"}, {"small", "question"}, {"simple", "question"},
	{"stupid", "question"}, {"dumb", "question"}, {"silly", "question"}, {"newbie", "question"},
	{"noob", "question"}, {"random", "question"}, {"general", "question"},
}

// englishAnnouncementIndex holds englishAnnouncements by their first word.
var englishAnnouncementIndex = indexPhrases(englishAnnouncements)

// skipLead drops the greeting, the discourse words and the announcement a
// clause may open with, as often as they come (Hey everyone quick question
// how do I…).
func skipLead(c []enWord) []enWord {
	for {
		n := len(c)
		if len(c) > 0 && isOneOf(c[0].w, englishGreetings) {
			c = c[1:]
			for len(c) > 0 && isOneOf(c[0].w, englishAddressees) {
				c = c[1:]
			}
		}
		if len(c) > 1 && c[0].w == "good" && isOneOf(c[1].w, []string{"morning", "afternoon", "evening", "day"}) {
			c = c[2:]
			for len(c) > 0 && isOneOf(c[0].w, englishAddressees) {
				c = c[1:]
			}
		}
		for len(c) > 0 && isOneOf(c[0].w, englishDiscourse) {
			c = c[1:]
		}
		if a, ok := englishAnnouncementIndex.opening(c); ok {
			c = c[len(a):]
		}
		if len(c) == n {
			return c
		}
	}
}

// opensWith reports whether the clause c opens with the words ws.
func opensWith(c []enWord, ws ...string) bool {
	if len(c) < len(ws) {
		return false
	}
	for k, w := range ws {
		if c[k].w != w {
			return false
		}
	}
	return true
}

// A phraseIndex holds a list of phrases, each a sequence of words, by
// their first word, in the list's order: the phrases a clause may open
// with are looked up once, not tried one by one at every word.
type phraseIndex map[string][][]string

// indexPhrases returns the phrases indexed by their first word.
func indexPhrases(phrases [][]string) phraseIndex {
	x := phraseIndex{}
	for _, p := range phrases {
		x[p[0]] = append(x[p[0]], p)
	}
	return x
}

// opening returns the first of the phrases, in the list's order, that the
// clause c opens with, and whether there is one.
func (x phraseIndex) opening(c []enWord) ([]string, bool) {
	if len(c) == 0 {
		return nil, false
	}
	for _, p := range x[c[0].w] {
		if opensWith(c, p...) {
			return p, true
		}
	}
	return nil, false
}

// englishHelp ask for help wherever they stand in a message (I'm trying
// to… Any ideas; Need help with my Shelly setup).
var englishHelp = [][]string{
	{"any", "ideas"}, {"any", "idea"}, {"any", "pointers"}, {"any", "suggestions"}, {"any", "suggestion"},
	{"any", "tips"}, {"any", "advice"}, {"any", "thoughts"}, {"any", "recommendations"}, {"any", "recommendation"},
	{"any", "hints"}, {"any", "clue"}, {"any", "chance"}, {"any", "way", "to"},
	{"need", "help"}, {"need", "some", "help"}, {"need", "a", "hand"}, {"use", "some", "help"}, {"use", "a", "hand"},
	{"any", "help"}, {"please", "help"}, {"pls", "help"}, {"plz", "help"}, {"help", "please"}, {"help", "plz"}, {"help", "pls"},
	{"anyone", "know"}, {"anybody", "know"}, {"anyone", "knows"}, {"anybody", "knows"},
	{"someone", "help"}, {"somebody", "help"}, {"anyone", "help"}, {"anybody", "help"},
	{"is", "there", "a", "way"}, {"is", "there", "any", "way"},
	{"looking", "for", "advice"}, {"looking", "for", "help"}, {"looking", "for", "recommendations"},
	{"looking", "for", "suggestions"}, {"looking", "for", "tips"},
}

// englishIndirect ask by saying what the writer does not know (Not sure
// how to…, I was wondering if anyone…): only when they introduce what is
// asked, not when they end the clause or the rest of the sentence settles
// it (Not sure how but it works now; wondering if it was the update but it
// wasn't).
var englishIndirect = [][]string{
	{"not", "sure", "how"}, {"not", "sure", "whether"},
	{"wondering", "if"}, {"wondering", "whether"}, {"wondering", "how"}, {"wondering", "why"}, {"wondering", "what"},
}

// englishHelpIndex and englishIndirectIndex hold englishHelp and
// englishIndirect by their first word.
var (
	englishHelpIndex     = indexPhrases(englishHelp)
	englishIndirectIndex = indexPhrases(englishIndirect)
)

// requestsHelp reports whether the sentence s holds a request for help
// (englishHelp, englishIndirect), not one denied or supposed (don't need
// help, could not help, if anyone knows).
func requestsHelp(s enSentence) bool {
	for i, c := range s.clauses {
		for k := range c {
			helps, indirect := englishHelpIndex[c[k].w], englishIndirectIndex[c[k].w]
			if len(helps) == 0 && len(indirect) == 0 || k > 0 && isOneOf(c[k-1].w, englishDenials) {
				continue // none opens here, or one denied or supposed
			}
			for _, h := range helps {
				if opensWith(c[k:], h...) {
					return true
				}
			}
			for _, h := range indirect {
				if opensWith(c[k:], h...) && len(c) > k+len(h) && !settled(c[k+len(h):], s.clauses[i+1:]) {
					return true
				}
			}
		}
	}
	return false
}

// settled reports whether what follows an indirect question, the words
// after it in its clause and the clauses after that, settles it: a but in
// its clause or opening a later one goes on to the answer (…how but it
// works now), unless it only sets one thing against another (…didn't come
// with intel chipsets but rather…).
func settled(after []enWord, clauses [][]enWord) bool {
	settles := func(c []enWord, k int) bool { return c[k].w == "but" && (k+1 == len(c) || c[k+1].w != "rather") }
	for k := range after {
		if settles(after, k) {
			return true
		}
	}
	for _, c := range clauses {
		if settles(c, 0) {
			return true
		}
	}
	return false
}

// englishDenials before a request for help deny or suppose it.
var englishDenials = []string{"don't", "dont", "no", "not", "without", "never", "if", "whether", "can't", "cannot", "couldn't", "won't", "didn't"}

// englishWh ask for a thing, a way, a place, a time or a reason; with 's
// or 're attached they carry their auxiliary (what's, where's, how's), as
// they do in chat spelling without the apostrophe (whats).
var (
	englishWh       = []string{"how", "what", "why", "where", "when", "who", "which", "whose", "whom"}
	englishWhJoined = []string{"whats", "wheres", "hows", "whos", "whys", "whens", "whatre", "howre"}
)

// englishAux are the auxiliaries that, put before their subject, ask (does
// anyone, is there, can you, won't it).
var englishAux = []string{"do", "does", "did", "can", "could", "will", "would", "should", "is", "are", "was", "were",
	"has", "have", "may", "might", "must", "shall", "am",
	"don't", "doesn't", "didn't", "can't", "won't", "wouldn't", "shouldn't", "couldn't", "isn't", "aren't",
	"wasn't", "weren't", "hasn't", "haven't"}

// englishPronouns are the subjects an auxiliary can go before in any
// question; the imperatives' auxiliaries (do, have) ask only before them
// (Do you…, Have you…; not Do it, Have a look).
var englishPronouns = []string{"you", "u", "ya", "i", "we", "they", "he", "she", "anyone", "anybody", "any1",
	"someone", "somebody", "everyone", "everybody", "people", "y'all", "yall"}

// englishPersonal are the personal pronouns.
var englishPersonal = []string{"i", "you", "u", "ya", "we", "they", "he", "she", "it"}

// englishDeterminers are the other subjects an auxiliary can go before (is
// there, does this, can the…); a and an only after an auxiliary that a
// statement without its subject never begins with (Is a known bug, Had a
// look, Did a manual upgrade: said, not asked).
var (
	englishDeterminers = []string{"it", "there", "this", "that", "these", "those", "the", "my", "your", "ur", "our", "their",
		"his", "her", "its", "any", "some", "all", "anything", "something", "other", "another", "each", "either",
		"neither", "both", "mine", "yours"}
	englishArticleAux = []string{"does", "can", "could", "will", "would", "should", "are", "were", "may", "might", "must"}
)

// englishRelative follow a wh-word and its auxiliary in a clause that
// goes on from the sentence before (Which is why I moved…, That's how…).
var englishRelative = []string{"why", "how", "what", "where", "when", "because", "cause", "cuz"}

// englishExclaiming are the adjectives a how exclaims with (How cool is
// that), unlike a measure it asks for (how long does it take).
var englishExclaiming = []string{"cool", "great", "awesome", "nice", "neat", "sweet", "amazing", "weird", "strange",
	"funny", "crazy", "annoying", "stupid", "sad", "lucky", "silly", "cute", "beautiful", "lovely", "fun", "insane", "wonderful", "awful"}

// englishMeasures may follow how before its auxiliary (how long does…,
// how many…); englishWhSkips may follow another wh-word (where else can…).
var (
	englishMeasures = []string{"much", "many", "long", "often", "far", "big", "old", "fast", "slow", "large", "small",
		"exactly", "else", "well", "hard", "easy", "soon", "good", "bad", "safe", "stable", "reliable", "accurate", "important"}
	englishWhSkips = []string{"else", "exactly"}
)

// englishSubordinators open a clause that depends on the next (If I
// restart, …; Once it pairs, …).
var englishSubordinators = []string{"if", "once", "whenever", "wherever", "while", "since", "because", "although",
	"though", "unless", "after", "before", "as", "cause", "cuz"}

// subordinate reports whether the clause c is a subordinate one: it opens
// with a subordinator, or with when or where and then a subject, not an
// auxiliary (When I restart HA…, Where I live…; not When is the release).
func subordinate(c []enWord) bool {
	if isOneOf(c[0].w, englishSubordinators) {
		return true
	}
	return len(c) > 1 && isOneOf(c[0].w, []string{"when", "where"}) && isSubject(c[1])
}

// englishConjunctions join a clause to the one before.
var englishConjunctions = []string{"and", "but", "or", "so", "then"}

// asksClause reports whether the clause c, its lead skipped, asks; shared
// tells that it may share the subject of the clause before (see
// asksInEnglish).
func asksClause(c []enWord, shared bool) bool {
	if len(c) < 2 {
		return false
	}
	w0 := c[0].w
	switch {
	case w0 == "help":
		return isOneOf(c[1].w, []string{"me", "needed", "wanted"}) // Help me get the tuner working
	case w0 == "thoughts" || w0 == "opinions":
		return len(c) > 2 && (c[1].w == "on" || c[1].w == "about") // Thoughts on the new release
	case w0 == "any" && c[1].w == "one":
		// any one here used…: written for anyone
		return asksClause(append([]enWord{{w: "anyone"}}, c[2:]...), shared)
	case w0 == "any" && c[1].w == "of" && len(c) > 2 && isOneOf(c[2].w, []string{"you", "u", "ya", "y'all", "yall"}):
		return asksClause(append([]enWord{{w: "anyone"}}, c[3:]...), shared) // any of you play…
	case w0 == "anyone" || w0 == "anybody" || w0 == "any1":
		// Anyone using the FP2…, anybody know if…; not anyone can do it,
		// anyone who…
		rest := c[1:]
		for len(rest) > 0 && isOneOf(rest[0].w, []string{"here", "else", "around", "out", "there", "ever"}) {
			rest = rest[1:]
		}
		if len(rest) == 0 || isOneOf(rest[0].w, []string{"who", "that", "which", "interested", "welcome"}) {
			return false
		}
		if rest[0].w == "have" || rest[0].w == "has" {
			// anyone have a spare cable: in chat the main verb, not an
			// auxiliary (anyone has to sign says what all must do)
			return len(rest) > 1 && !isOneOf(rest[1].w, []string{"to", "been"})
		}
		return !isOneOf(rest[0].w, englishAux)
	case len(c) < 3:
		return false
	case isOneOf(w0, englishWhJoined) || isWhContraction(w0):
		return !isOneOf(c[1].w, englishRelative)
	case isOneOf(w0, englishWh):
		rest := c[1:]
		switch {
		case w0 == "what" && (rest[0].w == "a" || rest[0].w == "an"):
			return false // What a great release this is
		case w0 == "how" && isOneOf(rest[0].w, englishExclaiming):
			return false // How cool is that
		case w0 == "how" && (rest[0].w == "come" || rest[0].w == "to"),
			(w0 == "how" || w0 == "what") && rest[0].w == "about",
			w0 == "why" && isOneOf(rest[0].w, []string{"not", "don't", "dont", "doesn't", "doesnt", "won't", "can't", "cant"}):
			return true // how to…, what about…, why not use…: a question without its auxiliary
		case w0 == "who" && verbForm(rest[0].w),
			w0 == "what" && isOneOf(rest[0].w, []string{"happened", "happens", "causes", "caused"}):
			// who knows how to…, what happened to…: the wh-word is the
			// subject (what worked for me was… says what did)
			return true
		case w0 == "how" && (rest[0].w == "many" || rest[0].w == "much"):
			// How many devices do you have, how many of you are coming:
			// up to three words of what is counted, none a personal
			// pronoun unless after of (not how much I love it).
			rest = rest[1:]
			prev := ""
			for k := 0; k < 3 && len(rest) > 1 && !isOneOf(rest[0].w, englishAux) &&
				(prev == "of" || !isOneOf(rest[0].w, englishPersonal)); k++ {
				prev = rest[0].w
				rest = rest[1:]
			}
		case w0 == "how" && isOneOf(rest[0].w, englishMeasures):
			rest = rest[1:]
		case w0 == "what" || w0 == "which" || w0 == "whose":
			// What port does it use, which kind of stick should I get, what
			// version of HA are you on: up to three words of the thing asked
			// about, none of them a pronoun or a determiner, a verb or an
			// object (what worked for me was… says what did). A name may be
			// one (what OS are you running); after one the auxiliary must go
			// before a subject of its own (not What Bob is doing, what
			// Seveas said is right), unless a past verb follows which and
			// a named thing (which HA version fixed that: it is the subject).
			var last enWord
			named := false
			for k := 0; k < 3 && len(rest) > 1 && !isOneOf(rest[0].w, englishAux) && (rest[0].name || !isSubject(rest[0])) &&
				!strings.HasSuffix(rest[0].w, "ed") && !isOneOf(rest[0].w, []string{"me", "him", "us", "them"}); k++ {
				last = rest[0]
				named = named || last.name
				rest = rest[1:]
			}
			switch {
			case named && w0 == "which" && !last.name && strings.HasSuffix(rest[0].w, "ed"):
				return true
			case named:
				return isOneOf(rest[0].w, englishAux) && len(rest) > 1 && isSubject(rest[1])
			}
		default:
			for len(rest) > 1 && isOneOf(rest[0].w, englishWhSkips) {
				rest = rest[1:]
			}
		}
		return len(rest) > 0 && isOneOf(rest[0].w, englishAux) && (len(rest) == 1 || !isOneOf(rest[1].w, englishRelative))
	case (w0 == "do" || w0 == "have") && isOneOf(c[1].w, []string{"any", "all"}) && c[2].w == "of" &&
		len(c) > 3 && isOneOf(c[3].w, []string{"you", "u", "ya", "y'all", "yall", "them", "us"}):
		return true // Do any of you use Frigate, have all of you…; not Do all the updates first
	case isOneOf(w0, englishAux):
		return inverts(w0, c[1]) && (!shared || c[1].name || c[1].w == "there" || isOneOf(c[1].w, englishPronouns))
	}
	return false
}

// verbForm reports whether w reads as a verb in the present third person
// or the past (knows, uses, tried) after who, not a reply (who cares).
func verbForm(w string) bool {
	if w == "cares" {
		return false
	}
	return strings.HasSuffix(w, "ed") || isOneOf(w, []string{"knows", "uses", "wants", "needs", "runs", "owns", "got", "knew", "said", "else"})
}

// isWhContraction reports whether w is a wh-word with its auxiliary
// attached (what's, where's, how're, who'd).
func isWhContraction(w string) bool {
	wh, aux, ok := strings.Cut(w, "'")
	return ok && isOneOf(wh, englishWh) && isOneOf(aux, []string{"s", "re", "d", "ll", "ve"})
}

// isSubject reports whether w can be the subject an auxiliary goes before.
func isSubject(w enWord) bool {
	if p, _, ok := strings.Cut(w.w, "'"); ok {
		w.w = p // you've, it's, there's
	}
	return w.name || isOneOf(w.w, englishPronouns) || isOneOf(w.w, englishDeterminers)
}

// inverts reports whether the auxiliary aux, followed by subj, is put
// before its subject: any subject after most, a pronoun or a name after do
// and have (Do you…, not Do not…, Do it; Have you…, not Have a great
// weekend), and after a negative one also it, this, that or there (Isn't
// it…, not Aren't any that…), no a or an after is, was or has (Is a known
// bug).
func inverts(aux string, subj enWord) bool {
	if subj.name || isOneOf(subj.w, englishPronouns) {
		return true
	}
	switch {
	case aux == "do" || aux == "have":
		return false
	case strings.HasSuffix(aux, "n't"):
		return isOneOf(subj.w, []string{"it", "this", "that", "there"})
	}
	if subj.w == "a" || subj.w == "an" {
		return isOneOf(aux, englishArticleAux)
	}
	return isOneOf(subj.w, englishDeterminers)
}

// englishGroupAsk put a question to the whole group wherever they stand
// (Does anyone…, anybody know…, any of you…, is everyone…), as 各位, 有没有人
// and 谁知道 do; someone and somebody only asked for (can someone…).
var englishGroupAsk = [][]string{{"anyone"}, {"anybody"}, {"any1"}, {"any", "one"}, {"everyone"}, {"everybody"},
	{"y'all"}, {"yall"}, {"you", "guys"}, {"you", "all"}, {"any", "of", "you"}, {"any", "of", "u"}}

// englishGroupAskIndex holds englishGroupAsk by their first word.
var englishGroupAskIndex = indexPhrases(englishGroupAsk)

// englishPleaAux ask someone for something (can someone…, would anybody…).
var englishPleaAux = []string{"can", "could", "would", "will"}

// englishGroups are the addressees that make a greeting one to the whole
// group (Hi all, Hey everyone: 大家好), not to one person (Hi there).
var englishGroups = []string{"all", "everyone", "everybody", "guys", "folks", "team", "people", "y'all", "yall", "friends", "gang", "peeps", "ppl", "experts", "community"}

// englishOpeners open a question that brings up a matter of its own, as
// 请问, 请教 and 求助 do: a plea (can I ask, need help, looking for…), or a
// how-to about the asker's own matter (How do I change the port…, is there
// a way to…, what's the best way…) that does not refer back to what was
// just said (How do I do that goes on from it).
var englishOpeners = [][]string{
	{"can", "i", "ask"}, {"may", "i", "ask"}, {"could", "i", "ask"},
	{"need", "help"}, {"need", "some", "help"}, {"need", "a", "hand"}, {"help"}, {"looking", "for"}, {"thoughts", "on"},
	{"any", "recommendations"}, {"any", "suggestions"}, {"any", "tips"}, {"any", "advice"},
}

// englishHowTo ask how to do something; they open a matter only when the
// question does not refer back (englishBackReferences).
var englishHowTo = [][]string{
	{"how", "do", "i"}, {"how", "can", "i"}, {"how", "would", "i"}, {"how", "should", "i"}, {"how", "do", "you"},
	{"how", "to"}, {"is", "there", "a", "way"}, {"is", "there", "any", "way"},
	{"what's", "the", "best", "way"}, {"what", "is", "the", "best", "way"}, {"whats", "the", "best", "way"},
}

// englishBackReferences refer to what was just said (that, it, this one).
var englishBackReferences = []string{"that", "this", "it", "those", "these", "them", "there", "then", "one", "same"}

// opensInEnglish reports whether an English text, split into its
// sentences, opens a matter of its own
// when it asks, as the Chinese asking phrases do (openers, groupAsk): it
// puts the question to the whole group anywhere (Anyone using…, does
// anybody…, can someone…), greets the group or announces the question
// first (Hi all, quick question:), or opens with a plea or a how-to that
// does not refer back (Need help with…, How do I change the port…).
func opensInEnglish(sentences []enSentence) bool {
	for _, s := range sentences {
		for _, c := range s.clauses {
			for k := range c {
				if g, ok := englishGroupAskIndex.opening(c[k:]); ok {
					return !refersBack(c[k+len(g):])
				}
				if k > 0 && isOneOf(c[k].w, []string{"someone", "somebody"}) && isOneOf(c[k-1].w, englishPleaAux) {
					return !refersBack(c[k+1:])
				}
			}
		}
	}
	for _, s := range sentences {
		for k, c := range s.clauses {
			if k == 0 && len(c) == 1 && len(s.clauses) > 1 {
				continue // Bob: …, a name addressed
			}
			if len(c) > 1 && isOneOf(c[0].w, englishGreetings) && isOneOf(c[1].w, englishGroups) || announcesFirst(c) {
				return true
			}
			if c = skipLead(c); len(c) == 0 {
				continue
			}
			for _, o := range englishOpeners {
				if opensWith(c, o...) {
					return true
				}
			}
			for _, h := range englishHowTo {
				if opensWith(c, h...) {
					return !refersBack(c[len(h):])
				}
			}
			return false
		}
	}
	return false
}

// announcesFirst reports whether the clause c opens by announcing a
// question (quick question:, one more question), perhaps after discourse
// words.
func announcesFirst(c []enWord) bool {
	for len(c) > 0 && isOneOf(c[0].w, englishDiscourse) {
		c = c[1:]
	}
	_, ok := englishAnnouncementIndex.opening(c)
	return ok
}

// refersBack reports whether words refer to what was just said.
func refersBack(words []enWord) bool {
	for _, w := range words {
		if isOneOf(w.w, englishBackReferences) {
			return true
		}
	}
	return false
}

// englishQuestionNouns name the question a message announces.
var englishQuestionNouns = []string{"question", "q", "questions"}

// announcesInEnglish reports whether an English text, split into its
// sentences, only announces a
// question to come, as 问个问题： does: nothing but a greeting and an
// announcement (Hi all, quick question:), or I have a question / can I ask
// a question, perhaps for the group (I've got a question for you guys).
func announcesInEnglish(sentences []enSentence) bool {
	announced := false
	for _, s := range sentences {
		for k, c := range s.clauses {
			if k == 0 && len(c) == 1 && len(s.clauses) > 1 {
				continue // Bob: …, a name addressed
			}
			if announcesFirst(c) {
				announced = true
			}
			rest := skipLead(c)
			if len(rest) == 0 {
				continue
			}
			if !asksToAsk(rest) {
				return false
			}
			announced = true
		}
	}
	return announced
}

// asksToAsk reports whether the words say that a question follows: I have
// a (quick) question, I've got one more question, can I ask a question,
// perhaps for the group.
func asksToAsk(c []enWord) bool {
	switch {
	case opensWith(c, "i", "have"), opensWith(c, "i've", "got"), opensWith(c, "ive", "got"), opensWith(c, "i", "got"):
		c = c[2:]
	case opensWith(c, "got"), opensWith(c, "have"):
		c = c[1:]
	case opensWith(c, "can", "i", "ask") || opensWith(c, "may", "i", "ask") || opensWith(c, "could", "i", "ask"):
		c = c[3:]
		if len(c) == 0 || len(c) == 1 && c[0].w == "something" {
			return true
		}
	default:
		return false
	}
	if len(c) > 0 && isOneOf(c[0].w, []string{"a", "one", "another", "some", "two"}) {
		c = c[1:]
	}
	for len(c) > 0 && isOneOf(c[0].w, []string{"quick", "small", "simple", "stupid", "dumb", "silly", "newbie", "noob", "more", "few", "general", "little"}) {
		c = c[1:]
	}
	if len(c) == 0 || !isOneOf(c[0].w, englishQuestionNouns) {
		return false
	}
	c = c[1:]
	if len(c) > 0 && c[0].w == "for" {
		c = c[1:]
		for len(c) > 0 && isOneOf(c[0].w, append([]string{"you", "u", "the", "group", "here", "anyone"}, englishGroups...)) {
			c = c[1:]
		}
	}
	for len(c) > 0 && isOneOf(c[0].w, []string{"here", "please", "pls", "plz"}) {
		c = c[1:]
	}
	return len(c) == 0
}

// englishCalls are the words of a call to the group that asks nothing
// itself (anyone?, anybody here?, hello??), as 在吗？ and 有人吗？ do not.
var englishCalls = []string{"anyone", "anybody", "any1", "someone", "somebody", "everyone", "everybody", "hello", "helo",
	"hi", "hey", "ping", "here", "there", "around", "alive", "awake", "else", "pls", "please", "plz", "guys", "all", "ppl", "people"}

// callsInEnglish reports whether a text, split into its sentences, is only
// a call to the group: its words are all englishCalls.
func callsInEnglish(sentences []enSentence) bool {
	if len(sentences) == 0 {
		return false
	}
	for _, s := range sentences {
		for _, c := range s.clauses {
			for _, w := range c {
				if !isOneOf(w.w, englishCalls) {
					return false
				}
			}
		}
	}
	return true
}

// englishWithdrawals withdraw a question just asked (Never mind, found it;
// nvm, figured it out).
var englishWithdrawals = [][]string{{"never", "mind"}, {"nevermind"}, {"nvm"}, {"found", "it"}, {"figured", "it", "out"},
	{"solved", "it"}, {"got", "it", "working"}, {"scratch", "that"}}

// withdrawsInEnglish reports whether, of a text's sentences, one after its
// last question withdraws it: Is anyone else seeing this? Never mind, found it,
// it was my router. A withdrawal before a question (nvm, anyone know how
// to…?) leaves it asking.
func withdrawsInEnglish(sentences []enSentence) bool {
	last := -1
	for k, s := range sentences {
		if s.end == '?' {
			last = k
		}
	}
	if last < 0 {
		return false
	}
	for _, s := range sentences[last+1:] {
		c := s.clauses[0]
		for len(c) > 0 && isOneOf(c[0].w, englishDiscourse) {
			c = c[1:]
		}
		for _, w := range englishWithdrawals {
			if opensWith(c, w...) {
				return true
			}
		}
	}
	return false
}
