package thread

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestEnglishQuestion checks which English messages without a question
// mark ask: a wh-word with its auxiliary, an auxiliary before its subject
// or a request for help, after a greeting, a name or an announcement; not
// an imperative, a statement without its subject, an exclamation, a
// subordinate or a relative clause.
func TestEnglishQuestion(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		// A greeting, a name or an announcement leads into the question.
		{"Hi all, how do I reset the coordinator without losing devices", true},
		{"Hey everyone, quick question: how do I reset the coordinator", true},
		{"Good morning folks how do I reset the coordinator", true},
		{"Quick q - is the 2024.1 update safe to install", true},
		{"Bob: how did you flash it", true},
		{"bob, how did you flash it", true},
		{"@Bob how did you flash it", true},
		{"So how do you all handle backups", true},
		{"how do I reset the coordinator", true},
		// wh-words, with their contractions.
		{"What's the best way to back up the config", true},
		{"Where's the setting for the default dashboard", true},
		{"How’s the new dashboard working for everyone", true}, // a curly apostrophe
		{"whats the command to check your kernel", true},
		{"Who has experience with Z-Wave JS UI", true},
		{"how long does a full backup take", true},
		{"which version should I install", true},
		{"what port does the web UI use", true},
		{"which kind of stick should I get", true},
		{"how to change the port of the web UI", true},
		{"why not use the add-on instead", true},
		// An auxiliary before its subject.
		{"does anybody have a good guide for MQTT", true},
		{"Does anyone here use Zigbee2MQTT with a Sonoff dongle", true},
		{"Has anyone tried the new Matter bridge yet", true},
		{"Can someone explain the difference between a template sensor and a helper", true},
		{"Is there a way to export my automations to YAML", true},
		{"Is it possible to run HA on a Pi 5", true},
		{"Does this work with Google Home", true},
		{"Does Zigbee2MQTT support the new stick", true}, // a name as subject
		{"I rebooted twice, is that normal", true},       // a later clause asks
		{"If I restart, will it keep the pairing", true}, // the main clause after a subordinate one asks
		{"isn't there a newer release", true},
		// Anyone…, and requests for help.
		{"anyone know if the SkyConnect supports Thread", true},
		{"Anybody know if the SkyConnect supports Thread", true},
		{"Anyone using the Aqara FP2 presence sensor with HomeKit", true},
		{"any one here used the ppc version", true},
		{"I'm trying to get my plugs to report power but nothing shows up. Any ideas", true},
		{"Any recommendations for a cheap temperature sensor", true},
		{"Need help with my Shelly setup, it keeps disconnecting", true},
		{"Not sure how to set up the energy dashboard, any pointers", true},
		{"idk how to fix this, can someone help", true},
		{"I was wondering if anyone has tried the new Matter bridge", true},
		{"Looking for advice on Zigbee channel selection", true},
		{"I'm wondering if the machines didnt come with intel chipsets but rather realtek", true},
		{"hey guys, i was wondering if anyone could help me get my soundcard to work... i tried googling but no help :(", true},
		{"Could use some help with ESPHome, the board won't flash", true},
		{"Thoughts on the new release", true},
		{"help me get the tuner working", true},
		// A measure and what it counts, have after anyone, a name in what
		// is asked about, do before any of you.
		{"How many devices do you have", true},
		{"How much RAM does it need", true},
		{"how much power does it use", true},
		{"How many of you are coming tomorrow", true},
		{"how many partitions do you have", true},
		{"anyone have a spare usb cable", true},
		{"anybody has the link", true},
		{"anyone have the 32 bit chroot link", true},
		{"anybody have high power 3d without an nv or ati", true},
		{"What version of HA are you on", true},
		{"What Zigbee channel are you on", true},
		{"what OS are you running it on", true},
		{"which HA version fixed that", true},
		{"Do any of you use Frigate", true},
		{"Do all of you use docker", true},

		// Statements that open like questions.
		{"Have a great weekend everyone!", false},
		{"When I restart HA the automations run twice, so I disabled them.", false},
		{"Where I live the power goes out a lot so I run it on a UPS.", false},
		{"What a great release this is, well done team!", false},
		{"How cool is that, it just works now", false},
		{"Which is why I moved everything to a second stick.", false},
		{"Do not flash the beta firmware on the old sticks.", false},
		{"do NOT format that space before booting", false}, // capitals for stress are no name
		{"Why not, I'll give it a try tomorrow.", false},
		{"Can confirm, the update fixed it for me too.", false},
		{"Will do, thanks for the help everyone!", false},
		{"Any time, glad it worked out", false},
		{"Should be fixed in the next release according to the changelog.", false},
		{"Who cares, it works fine now lol", false},
		{"I don't know why it works but it does.", false},
		{"Have a look at the logs first", false},
		{"do it from another user", false},
		{"did a manual upgrade from gutsy to heron", false},
		{"Is a known bug in that release", false},
		{"should work from windows too", false},
		{"could be a MAX setting in the kernel", false},
		{"what worked for me was a full reinstall", false},
		{"X.Org is the display server, and is the part that draws the screen", false}, // a shared subject
		{"Put it in your config (which is above the other sections) and restart", false},
		{"it comes with the package, which is fine by me", false},
		{"if anyone knows the answer they will reply", false},
		{"the package manager could not help me either", false},
		{"google for how to mount nfs or something like it", false},
		{"for RAN in $(ls); do RANCID=$RAN; done", false}, // code is no name
		{"anyone can do it", false},
		{"anyone has to sign the form first", false},
		{"I was wondering if it was the update but it wasn't", false}, // settled by the clause after it
		{"Not sure how but it works now", false},
		{"not sure how, but it works now", false},
		{"What Bob is doing is fine by me", false},
		{"what Seveas said is most logical", false},
		{"what L3top just linked is correct", false},
		{"what gets installed by default is OpenJDK", false},
		{"Which at least allowed me to use dual head", false},
		{"how much I love this release", false},
		{"Do all the updates first", false},
		{"Hi all", false},
		{"quick question", false},
	}
	for _, tt := range tests {
		if got := textFeatures(tt.text).question; got != tt.want {
			t.Errorf("question(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestEnglishSentencesOddInput checks that the English cues take any text:
// marks alone, unclosed parentheses, lone names and apostrophes.
func TestEnglishSentencesOddInput(t *testing.T) {
	for _, text := range []string{"", " ", ",", "...", "(", ")", "((a", "a)b", "'", "any", "any one", "any of",
		"anyone", "help", "what", "how", "is", "Bob:", "Bob: ,", "- - -", "hi hi hi", "quick question quick q",
		"which", "when I", "if", "a, b, c", "why not", "thoughts on", "what's", "’s"} {
		asksInEnglish(englishSentences(text)) // must not panic
		textFeatures(text)
	}
}

// TestEnglishOpener checks which English questions open a matter of their
// own, as 请问, 各位 and 有没有人 do: one put to the whole group, after a
// greeting to the group or an announcement, a plea, or a how-to that does
// not refer back to what was just said.
func TestEnglishOpener(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Anyone using the Aqara FP2 presence sensor with HomeKit?", true},
		{"Does anyone know how to exclude a sensor from the recorder?", true},
		{"has anybody tried the new Matter bridge yet", true},
		{"Can someone explain the difference between a template sensor and a helper", true},
		{"is there a good guide for MQTT, any of you have a link?", true},
		{"How do I change the port of the web UI?", true},
		{"Is there a way to export my automations to YAML", true},
		{"What's the best way to back up the config?", true},
		{"Hi all, what port does the web UI use?", true}, // a greeting to the group
		{"Quick question: is the 2024.1 update safe to install?", true},
		{"Need help with my Shelly setup, it keeps disconnecting", true},
		{"Bob: how do I flash the new firmware", true}, // addressed: the link rules weigh that

		{"How do I do that?", false}, // refers back to what was just said
		{"how do I get there", false},
		{"Anyone else seeing this?", false}, // joins someone's problem
		{"where exactly, at the top level?", false},
		{"does it work with Google Home?", false},
		{"Hi there, what port does the web UI use?", false}, // greets one person
		{"Anyone here?", false},                             // a call, no question
		{"Have a great weekend everyone!", false},           // no question
	}
	for _, tt := range tests {
		if got := textFeatures(tt.text).opener; got != tt.want {
			t.Errorf("opener(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestEnglishAnnounce checks that a message that only announces a question
// to come (Hi all, quick question:; I have a question) asks nothing itself
// and opens a topic, as 问个问题： does, and that a call to the group
// (anyone?) asks nothing, as 有人吗？ does not.
func TestEnglishAnnounce(t *testing.T) {
	tests := []struct {
		text           string
		announce, asks bool
	}{
		{"Hi all, quick question:", true, false},
		{"I have a question", true, false},
		{"I've got a quick question for you guys", true, false},
		{"can I ask a question?", true, false},
		{"quick q", true, false},
		{"I have a question about the recorder, does it purge daily?", false, true},
		{"Quick question: is the 2024.1 update safe to install", false, true},
		{"anyone?", false, false},
		{"anybody here??", false, false},
		{"hello?", false, false},
		{"anyone know?", false, true},
		{"I have a spare stick", false, false},
	}
	for _, tt := range tests {
		f := textFeatures(tt.text)
		if f.announce != tt.announce || f.question != tt.asks {
			t.Errorf("%q: announce %v, question %v; want %v, %v", tt.text, f.announce, f.question, tt.announce, tt.asks)
		}
		if tt.announce && !f.opener {
			t.Errorf("%q announces a question but opens no topic", tt.text)
		}
	}
}

// TestEnglishWithdrawn checks that a question its asker withdraws later in
// the message asks nothing, and that a withdrawal before a question does
// not stop it asking.
func TestEnglishWithdrawn(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Is anyone else seeing this? Never mind, found it, it was my router.", false},
		{"where's the recorder setting? nvm", false},
		{"how do I flash the stick? ok figured it out", false},
		{"nevermind its 10.04, anyone know how i can update to the latest one?", true},
		{"found it, should I set it to 0,0 or 0,1?", true},
		{"Is anyone else seeing this? It started after the update.", true},
	}
	for _, tt := range tests {
		if got := textFeatures(tt.text).question; got != tt.want {
			t.Errorf("question(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestReadEnWord checks readEnWord, which reads a word's bytes once,
// against strings.ToLower and the name rule on the word's runes.
func TestReadEnWord(t *testing.T) {
	for _, w := range []string{"a", "I", "i'm", "I'd", "HA", "Zigbee2MQTT", "2024.1", "NOT", "Never", "Bob", "bob",
		"RANCID=$RAN", "x_y", "a/b", "c++", "#tag", "été", "Été", "ÉCOLE", "İstanbul", "ǅemal", "ΣΑΣ", "ß", "Ⅻ", "٣", "x\uFFFDy"} {
		for _, first := range []bool{false, true} {
			lower := strings.ToLower(w)
			name := !strings.ContainsFunc(w, notNameRune) && (strings.ContainsFunc(w, unicode.IsDigit) ||
				!first && strings.ContainsFunc(w, unicode.IsUpper) && !isOneOf(lower, englishEmphasised) && lower != "i" && !strings.HasPrefix(lower, "i'"))
			if got := readEnWord([]byte(w), first); got != (enWord{lower, name}) {
				t.Errorf("readEnWord(%q, %v) = %+v, want %+v", w, first, got, enWord{lower, name})
			}
		}
	}
}

// TestPhraseIndexOpening checks that a phrase index finds the phrase a
// clause opens with that trying the list in order finds first.
func TestPhraseIndexOpening(t *testing.T) {
	lists := [][][]string{englishHelp, englishIndirect, englishAnnouncements, englishGroupAsk}
	for _, list := range lists {
		x := indexPhrases(list)
		for _, p := range list {
			for _, words := range [][]string{p, p[:1], append(slices.Clone(p), "more"), append([]string{"so"}, p...)} {
				var c []enWord
				for _, w := range words {
					c = append(c, enWord{w: w})
				}
				var want []string
				for _, q := range list {
					if opensWith(c, q...) {
						want = q
						break
					}
				}
				if got, ok := x.opening(c); !slices.Equal(got, want) || ok != (want != nil) {
					t.Errorf("opening(%v) = %v, %v; want %v", words, got, ok, want)
				}
			}
		}
	}
}
