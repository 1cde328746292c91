// Package eval scores a threading of a chat log against a gold annotation.
//
// It is independent of the threading code: it compares two Annotations (or a
// Kummerfeld-style Links graph and an Annotation) and reports cluster metrics
// (one-to-one overlap, scaled variation of information, exact thread match),
// reply-link metrics, question detection and question-answer pairing.
// Readers cover the project's gold TSV format and the link files of
// Kummerfeld et al. (2019). Library code never prints; WriteText formats
// Scores for a writer the caller provides.
package eval
