package circumstance

import (
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/text"
)

// entities are the article's people, organisations and groups: the
// mention stage's name clusters, and the groups it describes with a
// capitalised plural ("Democrats", "Congressional Democrats"), one entity
// per head word.
type entities struct {
	t         *text.Text
	ms        *mention.Set
	all       []whosaid.Entity
	ofCluster []int            // mention-stage entity → index in all, -1 when left out
	ofGroup   map[int]int      // description mention → index in all
	gender    []mention.Gender // as the mention stage resolved pronouns with
	// evidence is each person's gender weighed from all the article's
	// evidence once the statements are resolved (output).
	evidence []mention.GenderEvidence
	unsure   []bool             // a person whose kind no name mention shows by itself
	opener   []int32            // for an unsure person, a name of its opening a sentence, -1 when none
	surnamed map[string]*family // lower-case surname → the people whose name of two words or more ends with it
	named    map[string]int     // name → the first entity with it
	nameAt   []int32            // token → the name mention over it, -1 when none
}

func newEntities(t *text.Text, ms *mention.Set, ix *index) entities {
	es := entities{t: t, ms: ms, ofCluster: make([]int, len(ms.Entities)), ofGroup: map[int]int{}, nameAt: ix.nameAt}
	for e, ent := range ms.Entities {
		es.ofCluster[e] = -1
		if !kept(ent) {
			continue
		}
		es.ofCluster[e] = len(es.all)
		es.all = append(es.all, whosaid.Entity{Name: ent.Name, Kind: ent.Kind, Mentions: []whosaid.Span{}})
		es.gender = append(es.gender, ent.Gender)
		es.unsure = append(es.unsure, ent.Kind == whosaid.Person)
		es.opener = append(es.opener, -1)
		es.evidence = append(es.evidence, ms.GenderOf(e))
	}
	groups := map[string]int{}
	for mi, m := range ms.Mentions {
		switch {
		case m.Form == mention.Name && m.Entity >= 0 && es.ofCluster[m.Entity] >= 0:
			e := es.ofCluster[m.Entity]
			es.all[e].Mentions = append(es.all[e].Mentions, whosaid.NewSpan(t.Src, m.Start, m.End))
			switch es.personEvidence(m) {
			case shown:
				es.unsure[e] = false
			case opening:
				if es.opener[e] < 0 {
					es.opener[e] = int32(mi)
				}
			}
		case m.Form == mention.Description && m.Kind == whosaid.Group:
			head := es.groupHead(m)
			if head < 0 {
				continue
			}
			from := head
			if k := head - 1; k >= m.First && t.Tokens[k].Upper && demonym(t.Str(k)) {
				from = k // "African Americans" are not all Americans
			}
			name := t.Src[t.Tokens[from].Start:t.Tokens[head].End]
			e, ok := groups[name]
			if !ok {
				e = len(es.all)
				groups[name] = e
				es.all = append(es.all, whosaid.Entity{Name: name, Kind: whosaid.Group})
				es.gender = append(es.gender, mention.UnknownGender)
				es.unsure = append(es.unsure, false)
				es.opener = append(es.opener, -1)
				es.evidence = append(es.evidence, mention.GenderEvidence{})
			}
			es.ofGroup[mi] = e
			es.all[e].Mentions = append(es.all[e].Mentions, whosaid.NewSpan(t.Src, t.Tokens[from].Start, t.Tokens[head].End))
		}
	}
	es.named = make(map[string]int, len(es.all))
	for e := len(es.all) - 1; e >= 0; e-- {
		es.named[es.all[e].Name] = e
	}
	es.surnamed = map[string]*family{}
	for e, ent := range es.all {
		last := surname(ent)
		if last == "" {
			continue
		}
		f, ok := es.surnamed[last]
		if !ok {
			f = &family{first: [3]int{-1, -1, -1}}
			es.surnamed[last] = f
		}
		f.people++
		for _, g := range [2]mention.Gender{mention.UnknownGender, es.gender[e]} {
			if f.first[g] < 0 {
				f.first[g] = e
			}
		}
	}
	return es
}

// kept says whether a name cluster is a person, organisation or group:
// one of unknown kind that never speaks is more often a place ("Russia"),
// and a known place is one even when it speaks ("North Korea said").
func kept(ent mention.Entity) bool {
	return (ent.Kind != whosaid.Unknown || ent.Spoke) && !mention.IsPlace(ent.Name) && !notNames[strings.ToLower(ent.Name)]
}

// notNames are capitalised words the mention stage may take for a name
// that never name a person, an organisation or a group: adjectives of
// parties, peoples and faiths ("a Democratic aide", "Mexican trucks")
// and abbreviations of things ("a TV host", "the AIDS crisis").
var notNames = setOf(`democratic republican american mexican german russian chinese british french canadian
european african asian jewish catholic hispanic latino israeli iranian iraqi syrian afghan pakistani indian
japanese korean saudi palestinian cuban italian spanish irish english scottish australian ukrainian turkish arab
arabic islamic muslim christian conservative liberal socialist libertarian progressive presidential congressional
federal national
tv aids hiv lgbt lgbtq gdp ceo id dna gps iq phd ok atm suv pc ai it pr hr vip faq dvd cd usb sms wifi`)

// writings are the plural nouns the mention stage takes for groups because
// they speak ("reports say") that are no people: "dismissed those
// reports".
var writings = setOf(`reports studies polls surveys documents records data figures`)

// groupHead returns the capitalised head word of a group description
// ("Democrats" in "Dozens of Congressional Democrats"), -1 when it is
// lower case ("officials") or only capitalised as a sentence's first word.
func (es *entities) groupHead(m mention.Mention) int {
	for i := m.Last - 1; i >= m.First; i-- {
		if es.t.Lower(i) == m.Head {
			// A capital opening a sentence or a quotation says nothing
			// ("Officials said", "“Drivers are worried"), nor one in
			// an organisation's name ("Guild of Pilots").
			if !es.t.Tokens[i].Upper || es.t.Sentences[es.t.SentenceOf(i)].First == i || es.t.Tokens[i-1].Kind == text.Quote {
				return -1
			}
			if writings[m.Head] || es.t.Str(i-1) == "-" && !es.t.Tokens[i-1].SpaceBefore {
				return -1 // "Harbour Studies", a compound broken at its hyphen ("Pacific- Islanders")
			}
			if i >= 2 && es.t.Str(i-1) == "of" && es.t.Tokens[i-2].Upper {
				return -1 // "the Harbour Guild of Pilots"
			}
			if n := es.nameAt[i]; n >= 0 && es.ms.Mentions[n].Form == mention.Name {
				return -1
			}
			return i
		}
	}
	return -1
}

// evidence is what a name mention shows of its entity being a person.
type evidence uint8

const (
	none    evidence = iota
	shown            // a person's name
	opening          // a name of two words opening a sentence: a person's when its first word is a proper noun
)

// personEvidence says whether name mention m shows by itself that it
// names a person: a given name or a title that tells the gender ("Anna
// Varga", "Mr. Reilly"), a person's title before it or in it ("Sen.
// Reilly", "Harbour Gov. Tom Reilly"), or a name of two words or more not
// ending with a place's or a thing's noun ("Harbour Tower", "the Clean
// Water Act"). Opening a sentence, two capitalised words may be another
// word and a name ("Outside Harbour Coal"). A cluster made a person only
// by a pronoun, a speech verb or a modifier ("former Harbour employees"),
// with no such mention, is as often a company or a place ("Harbour Coal
// ... he said").
func (es *entities) personEvidence(m mention.Mention) evidence {
	if m.Kind == whosaid.Person && m.Gender != mention.UnknownGender {
		return shown
	}
	for k := m.First - 1; k < m.Last-1; k++ {
		if k >= 0 && (k >= m.First || m.Kind == whosaid.Person) && mention.PersonTitle(strings.TrimSuffix(es.t.Lower(k), ".")) {
			return shown
		}
	}
	if m.Kind == whosaid.Organization || m.Last-m.First < 2 || thingNouns[es.t.Lower(m.Last-1)] {
		return none
	}
	if k := m.First - 1; k < 0 || es.t.Sentences[es.t.SentenceOf(m.First)].First == m.First || es.t.Tokens[k].Kind == text.Quote {
		return opening
	}
	return shown
}

// thingNouns end the names of places, buildings, laws and events, which
// the mention stage may take for people's: "Harbour Tower", "Clean Water
// Act", "Civil War".
var thingNouns = setOf(`tower towers city act park hall war state states report grill hotel bridge street avenue road
square building plaza river lake mountain county island islands airport station stadium arena church mall bill
law amendment treaty plan method survey day beach valley heights casino resort restaurant republic kingdom coast
province region highway boulevard museum library prison jail memorial monument festival awards prize
mine mill plant factory farm quarry refinery shipyard`)

// ofMention returns the entity of mention m, or -1.
func (es *entities) ofMention(m int) int {
	mm := es.ms.Mentions[m]
	if mm.Form == mention.Name && mm.Entity >= 0 {
		if e := es.ofCluster[mm.Entity]; e < 0 || len(es.surnamed) == 0 || mm.Last-mm.First != 1 {
			return e
		}
		return es.ofSurname(mm, es.ofCluster[mm.Entity])
	}
	if e, ok := es.ofGroup[m]; ok {
		return e
	}
	return -1
}

// family is the people of an article who share a surname.
type family struct {
	people int
	first  [3]int // by gender, unknown first: the first named of it, -1 when none
}

// surname returns the lower-case last word of person ent's name of two
// words or more, "" for anything else.
func surname(ent whosaid.Entity) string {
	k := strings.LastIndexByte(ent.Name, ' ')
	if ent.Kind != whosaid.Person || k < 0 {
		return ""
	}
	return strings.ToLower(ent.Name[k+1:])
}

// ofSurname returns whom a surname alone names when the mention stage
// linked it to something else than the one person of that name ("Varga"
// taken into "the Harbour Gazette Varga", a run of capitals), or when the
// article names two people or more with it ("Anna Varga", later "her son
// Tom Varga", then "Varga"): the mention stage links it to the one named
// last, but news writing keeps the surname alone for the one it
// introduced first and calls the others by their full or given names; of
// the gender its title tells ("Mrs. Varga").
func (es *entities) ofSurname(mm mention.Mention, linked int) int {
	w := es.t.Str(mm.First)
	f, ok := es.surnamed[strings.ToLower(w)]
	switch {
	case !ok:
		return linked
	case es.all[linked].Kind != whosaid.Person:
		if !strings.HasSuffix(es.all[linked].Name, " "+w) || strings.ToUpper(w) == w {
			return linked // "Varga" may be a company's short name, "GOP" no one's surname
		}
	case f.people < 2 || !strings.EqualFold(surname(es.all[linked]), w):
		return linked
	}
	if e := f.first[mm.Gender]; e >= 0 {
		return e
	}
	return linked
}

// byName returns the entity named name, or -1.
func (es *entities) byName(name string) int {
	if e, ok := es.named[name]; ok {
		return e
	}
	return -1
}

// list returns the entities for the record, with the gender of people.
func (es *entities) list() []whosaid.Entity {
	for e := range es.all {
		if es.all[e].Kind == whosaid.Person {
			es.all[e].Gender = es.evidence[e].Gender.String()
		}
	}
	return es.all
}

// speakerGender is the gender of statement st's speaker when a person:
// their entity's, or for an unnamed one the gender its description
// shows ("a spokeswoman").
func (es *entities) speakerGender(st whosaid.Statement) mention.GenderEvidence {
	if e := es.byName(*st.SpeakerName); e >= 0 && es.all[e].Kind == whosaid.Person {
		return es.evidence[e]
	}
	return mention.DescriptionGender(*st.SpeakerName)
}

// partial says whether name mention m is one word of an organisation's
// longer name other than its last, and no acronym: "Republican" in
// "Labour leadership candidate" is not the Labour Party.
func (es *entities) partial(m int) bool {
	mm := es.ms.Mentions[m]
	e := es.ofMention(m)
	if mm.Form != mention.Name || e < 0 || es.all[e].Kind != whosaid.Organization || mm.Last-mm.First != 1 {
		return false
	}
	w := es.t.Str(mm.First)
	words := strings.Fields(es.all[e].Name)
	return len(words) > 1 && w != words[len(words)-1] && strings.ToUpper(w) != w
}

// demonym says whether w names a people or a place's people ("African",
// "Irish", "Chinese"), which makes a group of its own with the plural
// after it.
func demonym(w string) bool {
	return strings.HasSuffix(w, "an") || strings.HasSuffix(w, "ish") || strings.HasSuffix(w, "ese")
}
