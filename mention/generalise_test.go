package mention

import "testing"

// resolveLast resolves the last mention written as mention in src, with
// the earlier name mentions marked as speakers when spoke is set, as the
// statement stage does in document order.
func resolveLast(t *testing.T, src, mention string, spoke bool) Resolution {
	t.Helper()
	s := find(src)
	last := -1
	for mi, m := range s.Mentions {
		if s.T.Src[m.Start:m.End] == mention {
			last = mi
		}
	}
	if last < 0 {
		t.Fatalf("%q: no mention %q", src, mention)
	}
	if spoke {
		for mi := range last {
			s.MarkSpeaker(mi)
		}
	}
	return s.Resolve(last, Prev{Entity: -1, Mention: -1})
}

func TestResolutionsThatGeneralise(t *testing.T) {
	tests := []struct {
		name, src, mention string
		spoke              bool
		want               string
	}{
		{"a lone name that spoke is a person a pronoun can take",
			"Orvo flooded overnight. Tomas said the water came fast. He said the road was gone.", "He", true, "Tomas"},
		{"a lone name that did not speak is more often a place",
			"Orvo flooded overnight near Tomas. He said the road was gone.", "He", false, ""},
		{"an organisation keeps the article it is written with",
			"The Quillon printed the story. Later the Quillon said it stood by it.", "Quillon", false, "the Quillon"},
		{"an office is named with its article",
			"The Harbour Budget Officer published a forecast. Later the Harbour Budget Officer said costs would rise.", "Harbour Budget Officer", false, "the Harbour Budget Officer"},
		{"a place-derived modifier is not part of the name",
			"The deal paid Calgary-based Corvane Energy a fee. Corvane declined to comment.", "Corvane", false, "Corvane Energy"},
		{"a modifier made from a name is cut wherever it stands in the run",
			"Volunteers cheered. Dana Voss organised the march. Later Port Ellery-area Voss said it had gone well.", "Voss", false, "Dana Voss"},
		{"a word alone is a surname before it is the first word of a place's name",
			"Mara Quell spoke first. The talks were held at the Quell Harbour Hotel. Quell said they went well.", "Quell", false, "Mara Quell"},
		{"a word alone that is only the first word of a longer name still takes it",
			"The Quell Harbour Hotel opened in May. Quell said it was fully booked.", "Quell", false, "Quell Harbour Hotel"},
		{"an imperative of the page is not part of the name after it",
			"The writer Imara Vessa went to the fair.\n\n(See Vessa's photos below.)\n\nVessa said the crowd was calm.", "Vessa", false, "Imara Vessa"},
		{"a title inside the run splits off the place before it",
			"Ontario Gov. Lena Park spoke first. Park said the plan would pass.", "Park", false, "Lena Park"},
		{"a military rank inside a run splits off what precedes it",
			"Retired Army Col. Ivo Brandt spoke first. Brandt said the base would close.", "Brandt", false, "Ivo Brandt"},
		{"a chief of staff is not named Staff",
			"The chief of staff, Chief of Staff Dario Venn, arrived late. Venn said the talks were over.", "Venn", false, "Dario Venn"},
		{"a plural title is not part of the name",
			"Senators Holm and Dray wrote the bill. Holm said it would pass.", "Holm", false, "Holm"},
		{"after an honorific a title word is a surname",
			"Lara King chaired the panel. Later Ms. King said the vote was close.", "King", false, "Lara King"},
		{"a place holds no role of a person",
			"Lara Venn campaigned in Ohio, the president's home state. The president said the race was close.", "The president", false, "The president"},
		{"a middle initial does not end a name",
			"Marta E. Sollen, a lawyer, filed the case. Sollen said the fee was unfair.", "Sollen", false, "Marta E. Sollen"},
		{"a corporate suffix completes an established short name",
			"Corvane won. Corvane hired staff. Then Corvane Energy said it would expand. Corvane declined to comment.", "Corvane", false, "Corvane Energy"},
		{"it continues the organisation that opens the sentence before",
			"Harbour Trust Bank lent the money. HTB declined to answer questions about the Corvane Corp. policy. It said the files were private.", "It", false, "Harbour Trust Bank"},
		{"a capitalised group keeps its article",
			"Voters are tired. The Conservatives held a rally on Monday. They say the tax will cost jobs.", "They", false, "The Conservatives"},
		{"a name used as a modifier does not take the article",
			"Many people use the Quorra app. Quorra said it was safe. Quorra later left.", "Quorra", false, "Quorra"},
		{"the council is the organisation named before it with council in its name",
			"Harbourton City Council met Pell Marine on Monday. The mayor was absent. The council said costs would rise.", "The council", false, "Harbourton City Council"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if r := resolveLast(t, tt.src, tt.mention, tt.spoke); r.Name != tt.want {
				t.Errorf("%q: %q → %q (%s), want %q", tt.src, tt.mention, r.Name, r.How, tt.want)
			}
		})
	}
}
