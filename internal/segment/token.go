package segment

// A Kind says what a token is, so later stages can skip filler.
type Kind int

// Token kinds.
const (
	KindWord   Kind = iota // an ordinary word from the general dictionary or unknown text
	KindDomain             // a payments term from dict/ (分账, 网联, ...)
	KindStop               // chat filler or a sticker code ([强], 哈哈, 好的)
	KindPunct              // punctuation, spaces and symbols
	KindNumber             // digits, with or without separators
	KindLatin              // a run of Latin letters (English word, product name)
)

// String names the kind as the `segment` command prints it.
func (k Kind) String() string {
	switch k {
	case KindDomain:
		return "domain"
	case KindStop:
		return "stop"
	case KindPunct:
		return "punct"
	case KindNumber:
		return "number"
	case KindLatin:
		return "latin"
	default:
		return "word"
	}
}

// A Token is one segmented word with its byte offsets into the text it came from.
type Token struct {
	Text  string // the word as it appears in the text
	Start int    // byte offset of the first byte in the text
	End   int    // byte offset just past the last byte
	Kind  Kind   // what the token is
	// Term is, for a payments term (KindDomain), the dictionary's spelling of
	// it, lowercased: an alias gives its term (央行 gives 人民银行). Empty
	// otherwise.
	Term string
}
