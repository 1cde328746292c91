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
// parentheses, unless the text holds it already. A picture's text
// ("image", "[image]") is in lang.
func mediaMarkdown(text, url, lang string) string {
	switch {
	case url == "":
		return mdtext.Escape(text)
	case webAddress(url):
		if text == imageText {
			text = mdText(lang, "image", 0)
		}
		return mdtext.Link(text, url)
	}
	if text == imageText {
		text = pageText(lang, "data.image", 0)
	}
	return mdtext.Escape(withAddress(text, url))
}

// messageMarkdown is a question's or an answer's text as Markdown: with
// the code its sender marked (code) as code when it has any (see
// mdtext.Body: a block's lines start with indent), else text and the
// address of the picture or shared link it is (url, "" for none; see
// mediaMarkdown, a picture's text in lang).
func messageMarkdown(text, url string, code Code, indent, lang string) string {
	if len(code.Spans) > 0 {
		return mdtext.Body(code.Text, code.Spans, indent)
	}
	return mediaMarkdown(text, url, lang)
}

// withAddress is text followed by the address url in parentheses, unless
// text holds it already or it is "".
func withAddress(text, url string) string {
	if url == "" || strings.Contains(text, url) {
		return text
	}
	return text + " (" + url + ")"
}
