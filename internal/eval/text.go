package eval

import (
	"fmt"
	"io"
	"strings"
)

// WriteText writes s as an aligned, human-readable block headed by name:
// the message and thread counts, then one metric per line with percentages
// to one decimal and the counts behind each P/R/F1. A P/R/F1 line with no
// predicted and no gold item shows "-". When s covers several files (Mean
// or Micro), the counts are labelled as totals over them and VI in bits as
// their message-weighted mean: Mean's percentages are means over the files,
// which the totals need not give.
func WriteText(w io.Writer, name string, s Scores) error {
	var b strings.Builder
	files, total, viMean := "", "", ""
	if s.Files > 1 {
		files = fmt.Sprintf(", %d files", s.Files)
		total = fmt.Sprintf("total over %d files: ", s.Files)
		viMean = ", message-weighted mean"
	}
	fmt.Fprintf(&b, "%s: %d messages, %d gold threads, %d predicted threads%s\n", name, s.Messages, s.GoldThreads, s.PredThreads, files)
	fmt.Fprintf(&b, "  %-12s   %5.1f  (%s%d of %d messages)\n", "one-to-one", s.OneToOne, total, s.OneToOneOverlap, s.Messages)
	fmt.Fprintf(&b, "  %-12s   %5.1f  (VI %.3f bits%s)\n", "1-VI/log N", s.VI, s.VIBits, viMean)
	rows := []struct {
		label   string
		c       Count
		p, r, f float64
	}{
		{"exact match", s.Exact(), s.ExactP, s.ExactR, s.ExactF1},
		{"reply links", s.Link(), s.LinkP, s.LinkR, s.LinkF1},
		{"questions", s.Questions(), s.QuestionP, s.QuestionR, s.QuestionF1},
		{"Q&A pairs", s.QA(), s.QAP, s.QAR, s.QAF1},
	}
	for _, r := range rows {
		if !r.c.defined() {
			fmt.Fprintf(&b, "  %-12s       -\n", r.label)
			continue
		}
		fmt.Fprintf(&b, "  %-12s P %5.1f  R %5.1f  F1 %5.1f  (%stp %d, pred %d, gold %d)\n", r.label, r.p, r.r, r.f, total, r.c.TP, r.c.Pred, r.c.Gold)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
