package digest

import (
	"net/url"
	"strings"

	"github.com/cocolian/threads/internal/mdtext"
)

// webAddress reports whether u is an absolute http or https address, the
// only addresses a digest links to. Any other address (javascript: or
// data:, a path on the exporter's disk) is shown as text.
func webAddress(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != ""
}

// mediaMarkdown is a message's readable text and the address of the
// picture or shared link it is (url, "" for none) as Markdown, as extract's
// FAQ writes them: a web address is a link, with the link's title or
// "image" for text; any other address is text after the message's, in
// parentheses, unless the text holds it already.
func mediaMarkdown(text, url string) string {
	switch {
	case url == "":
		return mdtext.Escape(text)
	case webAddress(url):
		if text == imageText {
			text = "image"
		}
		return mdtext.Link(text, url)
	}
	return mdtext.Escape(withAddress(text, url))
}

// answerMarkdown is an answer as Markdown: its text, with the code its
// sender marked as code (see mdtext.Body: a block's lines start with
// indent), or its picture or shared link (see mediaMarkdown).
func answerMarkdown(a *Answer, indent string) string {
	if len(a.Code.Spans) > 0 {
		return mdtext.Body(a.Code.Text, a.Code.Spans, indent)
	}
	return mediaMarkdown(a.Text, a.URL)
}

// questionMarkdown is an occurrence's question as Markdown, as
// answerMarkdown writes an answer's text.
func questionMarkdown(o *Occurrence, indent string) string {
	if len(o.Code.Spans) > 0 {
		return mdtext.Body(o.Code.Text, o.Code.Spans, indent)
	}
	return mdtext.Escape(o.Question)
}

// withAddress is text followed by the address url in parentheses, unless
// text holds it already or it is "".
func withAddress(text, url string) string {
	if url == "" || strings.Contains(text, url) {
		return text
	}
	return text + " (" + url + ")"
}
