package thread

import (
	"embed"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed models/*.yaml
var modelFiles embed.FS

// A Model holds the weights of the link scorer: a linear function over named
// features of a (message, candidate parent) pair.
type Model struct {
	Name    string             `yaml:"name"`    // e.g. "wechat", "irc"
	Gate    bool               `yaml:"gate"`    // consider a candidate only when its evidence sums above zero
	Weights map[string]float64 `yaml:"weights"` // feature name -> weight; missing features weigh 0
}

// penaltyFeatures are the features that never count as evidence for the gate.
var penaltyFeatures = map[string]bool{
	"gap-messages": true, "gap-minutes": true, "opener": true, "fresh-question": true, "share": true,
}

// A feature is one named measurement of a candidate link.
type feature struct {
	name   string
	value  float64
	detail string
}

// score returns the model's score of a candidate, whether it passes the gate,
// and the evidence (weighted features) behind it.
func (m *Model) score(fs []feature) (float64, bool, []Evidence) {
	total, evidence := 0.0, 0.0
	var ev []Evidence
	for _, f := range fs {
		w := m.Weights[f.name] * f.value
		if w == 0 {
			continue
		}
		total += w
		if !penaltyFeatures[f.name] {
			evidence += w
		}
		ev = append(ev, Evidence{Kind: f.name, Detail: f.detail, Weight: round2(w)})
	}
	return total, !m.Gate || evidence > 0, ev
}

// DefaultModel returns the embedded model for a log format: "irc" for IRC
// logs (trained on the Ubuntu IRC train split), "wechat" for everything else.
func DefaultModel(format string) *Model {
	name := "wechat"
	if format == "irc" {
		name = "irc"
	}
	data, err := modelFiles.ReadFile("models/" + name + ".yaml")
	if err != nil {
		panic(fmt.Sprintf("embedded model %s missing: %v", name, err))
	}
	m, err := ParseModel(data, "models/"+name+".yaml")
	if err != nil {
		panic(err)
	}
	return m
}

// ParseModel reads a model from YAML; path names it in errors.
func ParseModel(data []byte, path string) (*Model, error) {
	var m Model
	if err := yaml.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(m.Weights) == 0 {
		return nil, fmt.Errorf("%s: no weights: expected a `weights:` mapping of feature names to numbers", path)
	}
	for name, w := range m.Weights {
		if math.IsNaN(w) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("%s: weight %s is not a finite number", path, name)
		}
	}
	return &m, nil
}

// LoadModel reads a model file written by `threads train` or by hand.
func LoadModel(path string) (*Model, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read model: %w", path, err)
	}
	return ParseModel(data, path)
}

// YAML renders the model with weights sorted by name, for `threads train`.
func (m *Model) YAML(comment string) []byte {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(comment), "\n") {
		b.WriteString("# " + line + "\n")
	}
	fmt.Fprintf(&b, "name: %s\ngate: %v\nweights:\n", m.Name, m.Gate)
	names := make([]string, 0, len(m.Weights))
	for n := range m.Weights {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(&b, "  %s: %.4g\n", n, m.Weights[n])
	}
	return []byte(b.String())
}
