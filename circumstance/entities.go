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
	named    map[string]int // name → the first entity with it
	nameAt   []int32        // token → the name mention over it, -1 when none
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
		es.evidence = append(es.evidence, ms.GenderOf(e))
	}
	groups := map[string]int{}
	for mi, m := range ms.Mentions {
		switch {
		case m.Form == mention.Name && m.Entity >= 0 && es.ofCluster[m.Entity] >= 0:
			e := es.ofCluster[m.Entity]
			es.all[e].Mentions = append(es.all[e].Mentions, whosaid.NewSpan(t.Src, m.Start, m.End))
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
	return es
}

// kept says whether a name cluster is a person, organisation or group:
// one of unknown kind that never speaks is more often a place ("Russia"),
// and a known place is one even when it speaks ("North Korea said").
func kept(ent mention.Entity) bool {
	return (ent.Kind != whosaid.Unknown || ent.Spoke) && !isPlace(ent.Name)
}

// groupHead returns the capitalised head word of a group description
// ("Democrats" in "Dozens of Congressional Democrats"), -1 when it is
// lower case ("officials") or only capitalised as a sentence's first word.
func (es *entities) groupHead(m mention.Mention) int {
	for i := m.Last - 1; i >= m.First; i-- {
		if strings.ToLower(es.t.Str(i)) == m.Head {
			// A capital opening a sentence or a quotation says nothing
			// ("Officials said", "“Drivers are worried"), nor one in
			// an organisation's name ("Guild of Pilots").
			if !es.t.Tokens[i].Upper || es.t.Sentences[es.t.SentenceOf(i)].First == i || es.t.Tokens[i-1].Kind == text.Quote {
				return -1
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

// ofMention returns the entity of mention m, or -1.
func (es *entities) ofMention(m int) int {
	mm := es.ms.Mentions[m]
	if mm.Form == mention.Name && mm.Entity >= 0 {
		return es.ofCluster[mm.Entity]
	}
	if e, ok := es.ofGroup[m]; ok {
		return e
	}
	return -1
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
