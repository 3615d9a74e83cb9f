package mention

import (
	"os"
	"slices"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/text"
)

func find(src string) *Set {
	return Find(text.Analyze(src, []whosaid.Span{{Start: 0, End: len(src)}}))
}

func TestNamesAndEntities(t *testing.T) {
	tests := []struct {
		src, mention, wantName string
		wantKind               whosaid.SpeakerKind
	}{
		{"Transport Minister Omar Haddad spoke. Later Haddad left.", "Haddad", "Omar Haddad", whosaid.Person},
		{"Harbour Authority CEO Kevin Marsh spoke. Marsh left.", "Marsh", "Kevin Marsh", whosaid.Person},
		{"Ms. Varga arrived. Elena Varga spoke.", "Varga", "Elena Varga", whosaid.Person},
		// A role before a given name and surname is no part of the name,
		// even after an organisation word ("House") or a byline.
		{"House Speaker Mark Dolan spoke. Dolan left.", "Dolan", "Mark Dolan", whosaid.Person},
		{"Harbour Press Staff Writer Maria Diaz reported it. Diaz left.", "Diaz", "Maria Diaz", whosaid.Person},
		{"Meanwhile Harbour Consulting Group said the plan was sound.", "Harbour Consulting Group", "Harbour Consulting Group", whosaid.Organization},
		{"Commuter Priya Nair was not happy. Nair said so.", "Nair", "Priya Nair", whosaid.Person},
		// A name listed with commas is one name when the article gives its
		// acronym, written as the source writes it.
		{"They wrote to Fisheries, Oceans and Coast Canada on Monday. FOCC replied.", "FOCC", "Fisheries, Oceans and Coast Canada", whosaid.Organization},
		{"Crews from Halifax, Truro and Sydney Mines arrived. Sydney Mines was hit.", "Sydney Mines", "Sydney Mines", whosaid.Unknown},
		{"The vote was reported by The Daily Ledger on Monday.", "The Daily Ledger", "The Daily Ledger", whosaid.Organization},
		{"The ministry was praised by the Harbour Workers Union.", "Harbour Workers Union", "the Harbour Workers Union", whosaid.Organization},
		// An organisation gives its full name at its first or second
		// mention; a longer name after that is something else.
		{"The Corvane refinery is shut. Corvane Energy said it was safe. Later Corvane closed it.", "Corvane", "Corvane Energy", whosaid.Organization},
	}
	for _, tt := range tests {
		s := find(tt.src)
		found := false
		for mi, m := range s.Mentions {
			if s.T.Src[m.Start:m.End] != tt.mention || m.Form != Name {
				continue
			}
			found = true
			r := s.Resolve(mi, Prev{Entity: -1, Mention: -1})
			if r.Name != tt.wantName || r.Kind != tt.wantKind {
				t.Errorf("%q: %q resolved to %q (%s), want %q (%s)", tt.src, tt.mention, r.Name, r.Kind, tt.wantName, tt.wantKind)
			}
		}
		if !found {
			t.Errorf("%q: no name mention %q", tt.src, tt.mention)
		}
	}
}

func TestDescriptions(t *testing.T) {
	tests := []struct{ src, want string }{
		{"Some residents were angry.", "Some residents"},
		{"Dozens of Harbour Democrats left.", "Dozens of Harbour Democrats"},
		{"The tall, soft-spoken professor smiled.", "The tall, soft-spoken professor"},
		{"A spokesperson declined to comment.", "A spokesperson"},
	}
	for _, tt := range tests {
		s := find(tt.src)
		if len(s.Mentions) == 0 || s.T.Src[s.Mentions[0].Start:s.Mentions[0].End] != tt.want {
			t.Errorf("%q: mentions %+v, want %q first", tt.src, s.Mentions, tt.want)
		}
	}
}

func TestPronounAgreement(t *testing.T) {
	s := find("Elena Varga met Omar Haddad. She said no.")
	for mi, m := range s.Mentions {
		if m.Form == Pronoun && m.Head == "she" {
			if r := s.Resolve(mi, Prev{Entity: -1, Mention: -1}); r.Name != "Elena Varga" {
				t.Errorf("she → %q, want Elena Varga", r.Name)
			}
			return
		}
	}
	t.Fatal("no pronoun mention")
}

func TestGenderFromPronouns(t *testing.T) {
	tests := []struct {
		src, name string
		want      Gender
	}{
		{"Kestrel Vane hid beneath her neighbour's porch. Later Vane left.", "Kestrel Vane", Female},
		{"Kestrel Vane sold his boat. Vane said no.", "Kestrel Vane", Male},
		// A pronoun before the name is someone else's.
		{"He told Kestrel Vane to wait in his car.", "Kestrel Vane", UnknownGender},
		// Two people named before the pronoun: it could be either.
		{"Kestrel Vane and Dorin Ashby sold her boat.", "Kestrel Vane", UnknownGender},
		// One vote a sentence; a tie leaves the gender open.
		{"Kestrel Vane sold her boat and his car. Vane sold his house.", "Kestrel Vane", UnknownGender},
		{"Kestrel Vane sold her boat. Vane drove her car. Vane met his aunt.", "Kestrel Vane", Female},
	}
	for _, tt := range tests {
		s := find(tt.src)
		got, found := UnknownGender, false
		for _, e := range s.Entities {
			if e.Name == tt.name {
				got, found = e.Gender, true
			}
		}
		if !found || got != tt.want {
			t.Errorf("%q: %s found %v gender %d, want %d", tt.src, tt.name, found, got, tt.want)
		}
	}
}

// TestPronounFollowsGender checks that a gender learnt from pronouns keeps
// a pronoun of the other gender off a person.
func TestPronounFollowsGender(t *testing.T) {
	s := find("Dorin Ashby found the porch empty. Kestrel Vane hid beneath her neighbour's car. He called the police.")
	for mi, m := range s.Mentions {
		if m.Form == Pronoun && m.Head == "he" {
			if r := s.Resolve(mi, Prev{Entity: -1, Mention: -1}); r.Name != "Dorin Ashby" {
				t.Errorf("he → %q (%s), want Dorin Ashby", r.Name, r.How)
			}
			return
		}
	}
	t.Fatal("no pronoun mention")
}

// TestPronounSalience checks the two signals beyond names: a person just
// introduced in full, and the person the last "he" was resolved to.
func TestPronounSalience(t *testing.T) {
	tests := []struct {
		name, src string
		prev      string // the previous speaker's name, "" for none
		want      string
	}{
		{
			name: "just introduced",
			src: "Omar Haddad said the plan was late. Omar Haddad said it again. Omar Haddad repeated it.\n" +
				"Councillor Peter Ashby went on the radio later. He said no.",
			prev: "Omar Haddad",
			want: "Peter Ashby",
		},
		{
			name: "as the last he",
			src: "Omar Haddad said the plan was late. Omar Haddad said it again. Omar Haddad repeated it.\n" +
				"Councillor Dorin Ashby spoke next. He said the plan was fine.\n" +
				"He also said the ferry was late.",
			prev: "",
			want: "Dorin Ashby",
		},
	}
	for _, tt := range tests {
		s := find(tt.src)
		prev := Prev{Entity: -1, Mention: -1}
		for e, ent := range s.Entities {
			if ent.Name == tt.prev {
				prev.Entity, prev.Paragraph = e, 0
			}
		}
		var got Resolution
		for mi, m := range s.Mentions {
			if m.Form == Pronoun && m.Head == "he" {
				got = s.Resolve(mi, prev) // in order: the last one counts
			}
		}
		if got.Name != tt.want {
			t.Errorf("%s: he → %q (%s), want %q", tt.name, got.Name, got.How, tt.want)
		}
	}
}

func TestLedeDescription(t *testing.T) {
	tests := []struct{ src, want string }{
		{"A Lakeside hockey coach says he is grateful.\nDorin Ashby said the video moved him.", "Dorin Ashby"},
		// Not a lede: the description comes late in the article.
		{"The ferry was late.\nThe harbour was full.\nA Lakeside hockey coach says he is grateful.\nDorin Ashby said the video moved him.", "A Lakeside hockey coach"},
		// The next sentence does not open with a new name.
		{"A Lakeside hockey coach says he is grateful.\nThe video was made by Dorin Ashby.", "A Lakeside hockey coach"},
	}
	for _, tt := range tests {
		s := find(tt.src)
		var got Resolution
		found := false
		for mi, m := range s.Mentions {
			if m.Form == Description && m.Head == "coach" {
				got, found = s.Resolve(mi, Prev{Entity: -1, Mention: -1}), true
				break
			}
		}
		if !found || got.Name != tt.want {
			t.Errorf("%q: coach → %q (%s), want %q", tt.src, got.Name, got.How, tt.want)
		}
	}
}

// TestLaterLongerName checks that a longer name after an organisation's
// first two mentions is another entity ("an app called Lumen Research").
func TestLaterLongerName(t *testing.T) {
	s := find("Lumen paid users. Lumen said so. Users installed an app called Lumen Research. Lumen said it ended.")
	var names []string
	for mi, m := range s.Mentions {
		if m.Form == Name && s.T.Src[m.Start:m.End] == "Lumen" {
			names = append(names, s.Resolve(mi, Prev{Entity: -1, Mention: -1}).Name)
		}
	}
	if len(names) != 3 || names[0] != "Lumen" || names[2] != "Lumen" {
		t.Errorf("Lumen resolves to %q, want Lumen each time", names)
	}
}

// BenchmarkFindAndResolve times finding the mentions of the sample
// article and resolving each of them.
func BenchmarkFindAndResolve(b *testing.B) {
	src, err := os.ReadFile("../testdata/sample.txt")
	if err != nil {
		b.Fatal(err)
	}
	t := text.Analyze(string(src), []whosaid.Span{{Start: 0, End: len(src)}})
	for b.Loop() {
		s := Find(t)
		for mi := range s.Mentions {
			s.Resolve(mi, Prev{Entity: -1, Mention: -1})
		}
	}
	b.ReportMetric(float64(len(t.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func TestPersonTitle(t *testing.T) {
	for w, want := range map[string]bool{
		"president": true, "sen": true, "gov": true, "mr": true, "ms": true, "dr": true, "secretary": true,
		// Words that also stand before organisations, or modify a title.
		"former": false, "executive": false, "state": false, "national": false, "house": false,
	} {
		if got := PersonTitle(w); got != want {
			t.Errorf("PersonTitle(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestOpeners(t *testing.T) {
	tests := []struct {
		name  string
		sets  []map[string]bool
		class uint8
	}{
		{"pronouns", []map[string]bool{speakerPronouns, malePronouns, femalePronouns, pluralPronouns, neuterPronouns}, pronounWord},
		{"description heads", []map[string]bool{groupNouns, personRoles, orgNouns, documentNouns}, descriptionHead},
	}
	for _, tt := range tests {
		in := map[string]bool{}
		for _, set := range tt.sets {
			for w := range set {
				in[w] = true
			}
		}
		for w, class := range openers {
			if got := class&tt.class != 0; got != in[w] {
				t.Errorf("%s: openers[%q] has the class %v, the lists say %v", tt.name, w, got, in[w])
			}
		}
		for w := range in {
			if openers[w]&tt.class == 0 {
				t.Errorf("%s: openers lacks %q", tt.name, w)
			}
		}
	}
	if openers["walked"] != 0 {
		t.Errorf(`openers["walked"] = %d, want 0`, openers["walked"])
	}
}

func TestNameModifier(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"Calgary-based", true},
		{"Angeles-area", true},
		{"Kremlin-backed", true},
		{"Jean-Pierre", false}, // a hyphenated given name
		{"al-Assad", false},
		{"Rolls-Royce", false},
		{"Post-", false},
		{"Ki-moon", false}, // a syllable, not a participle
		{"Twenty-four", false},
		{"Texas-style", true},
		{"Quorra", false},
		{"Ottawa-Carleton", false},
		{"Toronto-bound", true},
	}
	for _, tt := range tests {
		if got := nameModifier(tt.word); got != tt.want {
			t.Errorf("nameModifier(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

// A run that ends in a modifier made from a name ("a New Lisbon-based
// lawyer") is no name: a pronoun could take it for a person.
func TestModifierRunIsNoName(t *testing.T) {
	s := find("Ria Voss, a New Lisbon-based lawyer, spoke for the Ardent Group. It said little.")
	var names []string
	for _, m := range s.Mentions {
		if m.Form == Name {
			names = append(names, m.Name)
		}
	}
	if want := []string{"Ria Voss", "the Ardent Group"}; !slices.Equal(names, want) {
		t.Errorf("names %q, want %q", names, want)
	}
}
