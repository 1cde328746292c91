package thread

import "testing"

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
		{"Could use some help with ESPHome, the board won't flash", true},
		{"Thoughts on the new release", true},
		{"help me get the tuner working", true},

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
		asksInEnglish(text) // must not panic
		textFeatures(text)
	}
}
