package mention

import (
	"strings"
	"testing"
)

// entityNamed returns the entity of s whose canonical name is name.
func entityNamed(t *testing.T, s *Set, name string) int {
	t.Helper()
	for e, ent := range s.Entities {
		if ent.Name == name {
			return e
		}
	}
	t.Fatalf("no entity %q among %v", name, s.Entities)
	return -1
}

func TestGenderOf(t *testing.T) {
	tests := []struct {
		name, src, person string
		want              Gender
		why               string // a part of the evidence
	}{
		{"honorific",
			"The shop opened in May. Ms. Dana Orrin cut the ribbon.", "Dana Orrin", Female, "honorific Ms."},
		{"honorific over the given name",
			"Mr. Margaret Vasko chaired the meeting.", "Margaret Vasko", Male, "given name margaret is female"},
		{"role noun before the name",
			"The plant will close, spokeswoman Rina Vale said.", "Rina Vale", Female, "role spokeswoman"},
		{"role noun in an apposition",
			"Tarin Olds, a mother of three, thinks the school is too far.", "Tarin Olds", Female, "apposition mother"},
		{"an honorific after the comma is someone else's",
			"Tarin Olds, Mr. Pell thinks, is too far.", "Tarin Olds", UnknownGender, "no evidence"},
		{"an honorific with the surname alone does not overrule the given name",
			"Margaret Vasko ran. Mr. Vasko was tired.", "Margaret Vasko", UnknownGender, "conflicting: given name margaret is female vs honorific Mr."},
		{"an honorific with the surname alone decides without a given name",
			"Tarin Olds ran. Mr. Olds was tired.", "Tarin Olds", Male, "honorific Mr."},
		{"a possessor in the apposition is someone else",
			"Tarin Olds, the girl's coach, thinks the school is too far.", "Tarin Olds", UnknownGender, "no evidence"},
		{"pronouns after the name",
			"Tarin Olds opened the bakery in May. Olds says she saved for years. Olds hopes her sons will run it.", "Tarin Olds", Female, "pronouns she ×2"},
		{"given name alone",
			"Margaret Hollis thinks the vote will be close.", "Margaret Hollis", Female, "given name margaret is female"},
		{"no evidence",
			"Tarin Olds thinks the vote will be close.", "Tarin Olds", UnknownGender, "no evidence"},
		{"pronouns against the given name are a conflict",
			"Margaret Vasko ran. Vasko said he was tired. Vasko added that his legs hurt.", "Margaret Vasko", UnknownGender, "conflicting: given name margaret is female vs pronouns he ×2"},
		{"pronouns that agree with the given name",
			"Margaret Vasko ran. Vasko said she was tired.", "Margaret Vasko", Female, "pronouns she ×1; given name margaret is female"},
		{"a role noun overrules the given name, with pronouns that agree",
			"Margaret Vasko, a father of two, ran. Vasko said he was tired.", "Margaret Vasko", Male, "apposition father; pronouns he ×1"},
		{"honorific against pronouns is a conflict",
			"Mr. Tarin Olds ran. Olds said she was tired. Olds added that her legs hurt.", "Tarin Olds", UnknownGender, "conflicting: honorific Mr. vs pronouns she ×2"},
		{"mixed pronouns are a conflict",
			"Tarin Olds ran. Olds said she was tired. Olds said he would rest.", "Tarin Olds", UnknownGender, "conflicting"},
		{"a pronoun before the name votes for no one",
			"He said Tarin Olds would win.", "Tarin Olds", UnknownGender, "no evidence"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := find(tt.src)
			got := s.GenderOf(entityNamed(t, s, tt.person))
			if got.Gender != tt.want || !strings.Contains(got.Why, tt.why) {
				t.Errorf("%q: %s (%s), want %s (%s)", tt.src, got.Gender, got.Why, tt.want, tt.why)
			}
		})
	}
}

// TestGenderOfResolvedPronoun counts a speaker pronoun the statement stage
// resolved to the person.
func TestGenderOfResolvedPronoun(t *testing.T) {
	s := find("Tarin Olds won the race. “It was hard,” she said.")
	for mi, m := range s.Mentions {
		if m.Form == Pronoun && m.Head == "she" {
			s.Resolve(mi, Prev{Entity: -1, Mention: -1})
		}
	}
	got := s.GenderOf(entityNamed(t, s, "Tarin Olds"))
	if got.Gender != Female || got.Why != "pronouns she ×1" {
		t.Errorf("got %s (%s), want female from the resolved pronoun", got.Gender, got.Why)
	}
}

func TestGenderOfOrganisation(t *testing.T) {
	s := find("Mr. Jon Pell spoke for the Harbour Growers Association. The Harbour Growers Association said he was right.")
	if got := s.GenderOf(entityNamed(t, s, "the Harbour Growers Association")); got != (GenderEvidence{}) {
		t.Errorf("an organisation got %+v", got)
	}
}

func TestDescriptionGender(t *testing.T) {
	tests := map[string]Gender{
		"a Navy spokeswoman":          Female,
		"the mayor's wife":            Female,
		"the wife of the mayor":       Female,
		"a spokesperson for the city": UnknownGender,
		"a spokesman for the mother":  Male,
		"the official":                UnknownGender,
	}
	for desc, want := range tests {
		if got := DescriptionGender(desc); got.Gender != want {
			t.Errorf("%q: %s (%s), want %s", desc, got.Gender, got.Why, want)
		}
	}
}
