package statement

import (
	"slices"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/mention"
	"github.com/whosaid/whosaid/syntax"
	"github.com/whosaid/whosaid/text"
)

// extractParsed runs the rules with the syntax stage, as the pipeline does.
func extractParsed(t *testing.T, src string) []whosaid.Statement {
	t.Helper()
	m, err := syntax.Default()
	if err != nil {
		t.Fatalf("syntax model: %v", err)
	}
	tx := text.Analyze(src, []whosaid.Span{{Start: 0, End: len(src)}})
	return Extract(tx, syntax.NewSentences(tx, m), mention.Find(tx), nil, Speech)
}

// TestLayoutsThatGeneralise covers the layouts that the rules missed or
// split wrongly on outlets they were not written on.
func TestLayoutsThatGeneralise(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"bare clause opening with a noun phrase",
			"He said the union plans to strike next week.",
			[]string{"indirect|He|-|say|the union plans to strike next week"}},
		{"bare clause with an apposition in its subject",
			"Authorities said the driver, 46, was arrested at the scene.",
			[]string{"indirect|Authorities|Authorities|say|the driver, 46, was arrested at the scene"}},
		{"a number after the cue is an object, not a clause",
			"The index added 0.4 per cent to 2,106 and the bond market rose.",
			nil},
		{"a quotation's speaker after an honorific and an age",
			"\"I have never been edited,\" Mr. Kong, 82, told reporters.",
			[]string{"direct|Mr. Kong|Kong|tell|\"I have never been edited,\""}},
		{"a quotation's speaker with a party label",
			"“The bridge will reopen in May,” Sen. Carl Brandt (D-N.Y.) said Tuesday.",
			[]string{"direct|Sen. Carl Brandt (D-N.Y.)|Carl Brandt|say|“The bridge will reopen in May,”"}},
		{"a participle after by completes the verb before it",
			"Dana Husk continued by saying, “The school will stay open.”",
			[]string{"direct|Dana Husk|Dana Husk|say|“The school will stay open.”"}},
		{"a cue and a colon introduce the quotation after them, not the phrase before them",
			"At the opening, the mayor declared:\n\n“This library belongs to every child in town.”",
			[]string{"direct|the mayor|the mayor|declare|“This library belongs to every child in town.”"}},
		{"a speech noun and a colon introduce the quotation after them",
			"Mayor Lena Voss delivered a short message to the council: “Fix the roads before winter.”",
			[]string{"direct|Mayor Lena Voss|Lena Voss|message|“Fix the roads before winter.”"}},
		{"a sentence that is only the attribution after a quotation ending in a full stop",
			"“The tickets sold out in an hour.” Voss said.",
			[]string{"direct|Voss|Voss|say|“The tickets sold out in an hour.”"}},
		{"a clause of reported speech that a quotation ends is mixed, whole",
			`Tired, Holm said he "cannot leave the house" without being stopped by fans.`,
			[]string{`mixed|Holm|Holm|say|he "cannot leave the house" without being stopped by fans`}},
		{"a clause after saying may open with a number",
			"Holm said 30 people were hurt in the crash.",
			[]string{"indirect|Holm|Holm|say|30 people were hurt in the crash"}},
		{"a past participle after a subject pronoun is a past tense",
			"The charity said it collected more toys this winter.",
			[]string{"indirect|The charity|The charity|say|it collected more toys this winter"}},
		{"an age and a description with a relative clause between the subject and its cue",
			"Mira Sand, 52, a retired nurse who now runs a bakery, said the council should act faster.",
			[]string{"indirect|Mira Sand|Mira Sand|say|the council should act faster"}},
		{"a clause set off by dashes between the subject and its cue",
			"Judge Ada Voss -- who had argued with the coach all week -- said she was sorry for the delay.",
			[]string{"indirect|Judge Ada Voss|Ada Voss|say|she was sorry for the delay"}},
		{"a relative clause on the cue's object is part of what was said, not all of it",
			"The club announced a plan that differs from last year's.",
			[]string{"indirect|The club|The club|announce|a plan that differs from last year's"}},
		{"a plural noun before a comma ends the phrase: the subject after it is its own",
			"The delay has cost the team fans in both towns, local officials said.",
			[]string{"indirect|local officials|local officials|say|The delay has cost the team fans in both towns"}},
		{"a participle's subject is the titled name that opens the sentence",
			"U.S. District Judge Jane Cass rejected the appeal, saying the evidence was clear.",
			[]string{"indirect|-|Jane Cass|say|the evidence was clear"}},
		{"a clause may open with a noun ending in -ing",
			"Parking fees are too high downtown, said Ann Wilcox.",
			[]string{"indirect|Ann Wilcox|Ann Wilcox|say|Parking fees are too high downtown"}},
		{"an inverted speaker's description may carry a relative clause",
			"Parking fees are too high downtown, said Ann Wilcox, a local teacher who opened two cafes.",
			[]string{"indirect|Ann Wilcox|Ann Wilcox|say|Parking fees are too high downtown"}},
		{"a verb after a name opens the content, whose that is its own",
			"Cass said Norway's Health Agency decided that the clinic would close.",
			[]string{"indirect|Cass|Cass|say|Norway's Health Agency decided that the clinic would close"}},
		{"people of social media speak: users, commenters, followers",
			`"The new logo looks like a sad fish," one user wrote.`,
			[]string{`direct|one user|one user|write|"The new logo looks like a sad fish,"`}},
		{"the object's possession is not the content",
			"Holm told Radio Ten’s “Morning Show” that he agrees the plan is too costly.",
			[]string{"indirect|Holm|Holm|tell|he agrees the plan is too costly", "indirect|he|Holm|agree|the plan is too costly"}},
		{"an inverted speaker's name after a role and its own titles",
			`"We will not change course," said Harbour Police spokesman Navy Capt. Jo Dale.`,
			[]string{`direct|Harbour Police spokesman Navy Capt. Jo Dale|Jo Dale|say|"We will not change course,"`}},
		{"a place in apposition ends a description of the subject",
			"Rina Holt, a nurse from Aldwick, Vermont, said the shifts were too long.",
			[]string{"indirect|Rina Holt|Rina Holt|say|the shifts were too long"}},
		{"a place after of belongs to the name before it",
			"Senator Dale Amos of Ohio, who toured the plant with her, said the factory needs new orders.",
			[]string{"indirect|Senator Dale Amos|Dale Amos|say|the factory needs new orders"}},
		{"parenthetical: the content is the predicate after it",
			"The lawmaker, she says, has never answered the question.",
			[]string{"indirect|she|-|say|has never answered the question"}},
		{"a clause set off inside the subject of a bare clause",
			"Smith said the company's profits, which rose 10 per cent last year, would fall. He said the plan, if approved, could save millions.",
			[]string{"indirect|Smith|Smith|say|the company's profits, which rose 10 per cent last year, would fall", "indirect|He|Smith|say|the plan, if approved, could save millions"}},
		{"a naming verb: the complement of its object",
			"Mr. Frey describes himself as the most left-leaning member of council. He now calls it a rookie mistake.",
			[]string{"indirect|Mr. Frey|Frey|describe|the most left-leaning member of council", "indirect|He|Frey|call|a rookie mistake"}},
		{"a naming verb with a noun phrase as its object, up to a comma",
			`The Harbour Institute called the program one of the biggest commitments in history, a report shows. A retiree who describes himself as a churchgoer, Dale Ford said he would vote against it.`,
			[]string{"indirect|The Harbour Institute|The Harbour Institute|call|one of the biggest commitments in history", "indirect|A retiree|A retiree|describe|a churchgoer", "indirect|Dale Ford|Dale Ford|say|he would vote against it"}},
		{"a naming verb's complement in quotation marks ends before a participle",
			`Critic Dev Patel dismissed the plan as "too little, too late," noting that rents have doubled.`,
			[]string{`direct|Critic Dev Patel|Dev Patel|dismiss|"too little, too late,"`}},
		{"a naming verb with no complement is no statement",
			"She called the police on Monday. He called her at home.",
			nil},
		{"a determiner after the adverbial opens the content",
			"The company said in a statement the recall affects 2,000 cars. Jones said last week the deal was off.",
			[]string{"indirect|The company|The company|say|the recall affects 2,000 cars", "indirect|Jones|Jones|say|the deal was off"}},
		{"a subheading in single quotation marks is no floating quote",
			"Premier Joan Wells said the province would send help.\n\n'A long road ahead'\n\nThe storm cut power to 40,000 homes.",
			[]string{"indirect|Premier Joan Wells|Joan Wells|say|the province would send help"}},
		{"a sentence in single quotation marks is a floating quote",
			"Premier Joan Wells said the province would send help.\n\n'We will rebuild this town together.'",
			[]string{"indirect|Premier Joan Wells|Joan Wells|say|the province would send help", "direct|-|Joan Wells|-|'We will rebuild this town together.'"}},
		{"according to between a subject and its verb: both sides",
			"Some of those concerns, according to security experts, include the firm's link to the state.",
			[]string{"indirect|security experts|security experts|according to|Some of those concerns", "indirect|security experts|security experts|according to|include the firm's link to the state"}},
		{"according to after an adverbial: the whole sentence",
			"Notably absent from the talks, according to members, was any mention of the budget.",
			[]string{"indirect|members|members|according to|Notably absent from the talks, according to members, was any mention of the budget"}},
		{"an unnamed source in a place or of an organisation in a place",
			"Officials in Harbourton said the road was closed. A spokesperson for the City of Harbourton said crews were on site.",
			[]string{"indirect|Officials in Harbourton|Officials in Harbourton|say|the road was closed", "indirect|A spokesperson for the City of Harbourton|A spokesperson for the City of Harbourton|say|crews were on site"}},
		{"two people named together are one speaker",
			"Premier Ray Tam and Mayor Joan Wells said the money would arrive next week.",
			[]string{"indirect|Premier Ray Tam and Mayor Joan Wells|Premier Ray Tam and Mayor Joan Wells|say|the money would arrive next week"}},
		{"an inverted parenthetical between a subject and its verb",
			"The new plan for the harbour, said Tom Quill, would take months to finish. The wharf, said Ana Ruiz, the union's president, was gone.",
			[]string{"indirect|Tom Quill|Tom Quill|say|The new plan for the harbour", "indirect|Tom Quill|Tom Quill|say|would take months to finish"}},
		{"a party and state label after the name",
			"Sen. Karen Whitfield, D-Ore., the bill's sponsor, said she was upset by the delay. Rep. Tom Ames, R-N.Y., said the vote would wait.",
			[]string{"indirect|Sen. Karen Whitfield|Karen Whitfield|say|she was upset by the delay", "indirect|Rep. Tom Ames|Tom Ames|say|the vote would wait"}},
		{"a relative clause after a weak cue's object is no content",
			"In an interview, she pointed to a new law that pays doctors to move. He noted on Friday that the law was popular.",
			[]string{"indirect|He|-|note|the law was popular"}},
		{"a pull quote signed on the next line",
			"The town voted on Monday.\n\n\"Winter is coming and we are not ready.\"\n— Ana Diaz, Halifax resident",
			[]string{`direct|Ana Diaz|Ana Diaz|dash|"Winter is coming and we are not ready."`}},
		{"parenthetical after a lone noun: the predicate after it",
			"Critics, he says, have missed the point entirely.",
			[]string{"indirect|he|-|say|have missed the point entirely"}},
		{"parenthetical after a long subject: both sides",
			"Nearly all of the new carbon revenue, they promise, will be returned to households.",
			[]string{"indirect|they|-|promise|Nearly all of the new carbon revenue", "indirect|they|-|promise|will be returned to households"}},
		{"parenthetical after an adverbial: the predicate after it",
			"In the long run, the economist said, prices for housing will fall.",
			[]string{"indirect|the economist|the economist|say|prices for housing will fall"}},
		{"parenthetical after an interjection: no statement",
			"Well, she said, that is the way it goes.",
			nil},
		{"parenthetical before a subordinate clause: both sides",
			"The toll rose to 80 on Monday, officials said, as rescuers dug through the rubble with their hands.",
			[]string{"indirect|officials|officials|say|The toll rose to 80 on Monday", "indirect|officials|officials|say|as rescuers dug through the rubble with their hands"}},
		{"parenthetical before a new clause: the content is the clause before it",
			"The offer was rejected on Friday, sources said, and the talks are over.",
			[]string{"indirect|sources|sources|say|The offer was rejected on Friday"}},
		{"a quotation that closes reported speech makes it mixed",
			`The audit found a "serious gap" in the records of 2015, when the firm signed the deal "without a tender," Holt said.`,
			[]string{`mixed|Holt|Holt|say|The audit found a "serious gap" in the records of 2015, when the firm signed the deal "without a tender,"`}},
		{"an unnamed source speaks for its organisation, and is not it",
			"A spokeswoman for Harbour Hydro said power would be restored by noon.",
			[]string{"indirect|A spokeswoman for Harbour Hydro|A spokeswoman for Harbour Hydro|say|power would be restored by noon"}},
		{"a group of an organisation",
			"Officials at Harbour Hydro said the outage was unavoidable.",
			[]string{"indirect|Officials at Harbour Hydro|Officials at Harbour Hydro|say|the outage was unavoidable"}},
		{"a lower-case role before a name after the cue",
			`"We lost everything," said resident Ann Holt.`,
			[]string{`direct|resident Ann Holt|Ann Holt|say|"We lost everything,"`}},
		{"a role word opening the sentence is not part of the name",
			"Singer Lena Park told fans that the concert was cancelled.",
			[]string{"indirect|Singer Lena Park|Lena Park|tell|the concert was cancelled"}},
		{"a name in apposition to a possessive description, before a clause",
			"Ann Holt's husband, Rob Holt, said the basement flooded.",
			[]string{"indirect|Rob Holt|Rob Holt|say|the basement flooded"}},
		{"an ampersand joins an organisation's name",
			"Harlow & Finch said sales fell in the quarter.",
			[]string{"indirect|Harlow & Finch|Harlow & Finch|say|sales fell in the quarter"}},
		{"a pull quote signed after its full stop",
			"“We will rebuild, stronger than before.” — Mayor Ann Holt, in a post on Twitter",
			[]string{"direct|Mayor Ann Holt|Ann Holt|dash|“We will rebuild, stronger than before.”"}},
		{"a pull quote signed by an organisation",
			"“Nobody should drive on the coast road tonight,” — Harbourton Police",
			[]string{"direct|Harbourton Police|Harbourton Police|dash|“Nobody should drive on the coast road tonight,”"}},
		{"an embedded post signed with a handle and a date",
			"We are sending crews to Harbourton tonight. Stay safe everyone. — Dale Ford (@DaleFordMPP) December 3, 2026",
			[]string{"indirect|Dale Ford|Dale Ford|dash|We are sending crews to Harbourton tonight. Stay safe everyone."}},
		{"a dash that goes on as a sentence is no signature",
			"The crews arrived at midnight and worked until dawn — Dale Ford watched them from the pier.",
			nil},
		{"a cue and an adverbial before a quotation",
			"Rival candidate Ben Hale joked in his turn to reply to the panel, “It was a sketch on a napkin back then.”",
			[]string{"direct|Rival candidate Ben Hale|Ben Hale|joke|“It was a sketch on a napkin back then.”"}},
		{"an inverted cue with a role phrase before the quotation",
			"Seated across from each other, asks policy editor Jon Ditch, “has anyone ever considered another design?”",
			[]string{"direct|editor Jon Ditch|Jon Ditch|ask|“has anyone ever considered another design?”"}},
		{"a named possessor opens the speaker phrase",
			"The plan falls short of the targets that the Coastal Nations’ fisheries panel says are needed.",
			[]string{"indirect|the Coastal Nations’ fisheries panel|the Coastal Nations’ fisheries panel|say|are needed"}},
		{"a role phrase between an inverted cue and the name",
			`"The ability to work matters," said lead author Dr. Alan Garr, a specialist at the university.`,
			[]string{`direct|author Dr. Alan Garr|Alan Garr|say|"The ability to work matters,"`}},
		{"a coordinated verb after a cue is no content",
			"The first time he screamed and banged the wall until the neighbours came.",
			nil},
		{"write with a plain object is no statement",
			"Several of the clubs are now writing Harbourton City Council as it prepares its budget.",
			nil},
		{"write with that reports",
			"Several of the clubs wrote that the figures were wrong.",
			[]string{"indirect|Several of the clubs|Several of the clubs|write|the figures were wrong"}},
		{"a cue word used as a noun inside the content ends nothing",
			"Dana Dorrwadi, a district commander, said personnel and volunteers had been briefed.",
			[]string{"indirect|Dana Dorrwadi|Dana Dorrwadi|say|personnel and volunteers had been briefed"}},
		{"an unnamed group in apposition with its organisation",
			"The government needs ten more votes, but their allies, members of the Harbour Unionist Party (HUP), have said they will back the government.",
			[]string{"indirect|members of the Harbour Unionist Party (HUP)|members of the Harbour Unionist Party (HUP)|say|they will back the government"}},
		{"a verb between commas is no apposition",
			"But lower costs, and lower lengths, could be part of the plan to sell it, said Telford.",
			[]string{"indirect|Telford|Telford|say|But lower costs, and lower lengths, could be part of the plan to sell it"}},
		{"a photo credit run into the next name",
			"KATE MORROW/Harbour Press Photos Dana Dorrwadi, a commander, said the crews had been briefed.",
			[]string{"indirect|Dana Dorrwadi|Dana Dorrwadi|say|the crews had been briefed"}},
		{"a document speaks for its named owner",
			"According to Harbour Transit’s public database, most of the reporting gaps have been filled.",
			[]string{"indirect|Harbour Transit’s public database|Harbour Transit|according to|most of the reporting gaps have been filled"}},
		{"people named together in apposition speak together",
			"His lawyers, Carla Glenn and Ricky Jonas, have said they might seek a change of venue.",
			[]string{"indirect|Carla Glenn and Ricky Jonas|Carla Glenn and Ricky Jonas|say|they might seek a change of venue"}},
		{"the parts of a listed organisation are not people named together",
			"Innovation, Science and Economic Development Minister Navin Bains said the talks were broad.",
			[]string{"indirect|Economic Development Minister Navin Bains|Navin Bains|say|the talks were broad"}},
		{"data show things but say nothing",
			"The survey data suggests consumers are less confident this year.",
			nil},
		{"records are no speaker",
			"City financial records from December indicated the debt load was then $267 million.",
			nil},
		{"an indirect question is no statement",
			"During the practice round, Dale Prent asked Ana Voss how long she had played the island course.",
			nil},
		{"a request is no statement",
			"The firm asked its lawyers not to mention the merger to reporters.",
			nil},
		{"asking with a quotation is",
			`Lina Cole asked, "Are there prizes for this?"`,
			[]string{`direct|Lina Cole|Lina Cole|ask|"Are there prizes for this?"`}},
		{"an organisation suggesting makes an inference",
			"In its budget, the Harbour Transit Authority suggested the fare would rise next year.",
			nil},
		{"a person suggesting speaks",
			"Ana Gill suggested she might run again next year.",
			[]string{"indirect|Ana Gill|Ana Gill|suggest|she might run again next year"}},
		{"a participle phrase between the speaker and the cue",
			"The team posted a clip on Friday. “Please keep our rink open,” team members dressed in jerseys say in the clip.",
			[]string{"direct|team members|team members|say|“Please keep our rink open,”"}},
		{"a person of an organisation after a quotation",
			`"The worries surround the tariffs," Jing Pan of Harbour Capital said in a market commentary.`,
			[]string{`direct|Jing Pan|Jing Pan|say|"The worries surround the tariffs,"`}},
		{"a person of an organisation before a clause",
			"Jing Pan of Harbour Capital said the tariffs would stay.",
			[]string{"indirect|Jing Pan|Jing Pan|say|the tariffs would stay"}},
		{"a quotation opening its sentence stays direct",
			`"The deal was a clear breach," Holt said.`,
			[]string{`direct|Holt|Holt|say|"The deal was a clear breach,"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range extractParsed(t, tt.src) {
				got = append(got, brief(s))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s\n got %q\nwant %q", tt.src, got, tt.want)
			}
		})
	}
}

// TestPronounsAfterIntroductions checks that a pronoun speaker goes to the
// person the article has just introduced, even one whose name says nothing
// of kind or gender, and that a wrong "she" does not make the previous
// speaker a woman for the "he" after it.
func TestPronounsAfterIntroductions(t *testing.T) {
	src := "Storm Hits Coast\n\n" +
		`"The plan is sound," Premier Dale Ford said on Monday.` + "\n\n" +
		`Opposition critic Sam Reyes disagreed. "It is a disaster," he said.` + "\n\n" +
		`Marta Quill runs a bakery near Salt Harbour. "We lost power for two days," she said.` + "\n\n" +
		"The storm moved east on Tuesday. Ford visited the area. He said help was coming.\n"
	var names []string
	for _, s := range extractParsed(t, src) {
		names = append(names, *s.SpeakerName)
	}
	want := []string{"Dale Ford", "Sam Reyes", "Marta Quill", "Dale Ford"}
	if !slices.Equal(names, want) {
		t.Errorf("speakers %q, want %q", names, want)
	}
}

// TestPronounAfterANewSubject checks that "he" after a sentence that
// introduces a man as its subject is that man, not the previous speaker,
// and that a sentence opening with a preposition does not glue it to the
// name after it.
func TestPronounAfterANewSubject(t *testing.T) {
	tests := []speakerCase{
		{"Storm Closes Schools\n\nCoach Dan Smith said the team played well on Friday. Goalie Mark Jones made 30 saves in the win. \"I just tried to stay focused,\" he said.",
			[]string{"Dan Smith", "Mark Jones"}},
		{"Storm Closes Schools\n\nCoach Dan Smith said the team played well on Friday. The win was the third in a row for Jones. \"We kept it simple,\" he said.",
			[]string{"Dan Smith", "Dan Smith"}},
		{"Storm Closes Schools\n\nDana Woods spoke on Monday.\n\nRegarding Mills's remarks at the rally, Woods shared her view that none of it was wrong. \"The way I see it, he was fine,\" she said.",
			[]string{"Dana Woods"}},
	}
	checkSpeakers(t, tests)
}

// TestPronounAfterUnnamedSpeaker checks that "she" after an unnamed
// speaker is that speaker, not a woman named earlier, unless a woman is
// named in between.
func TestPronounAfterUnnamedSpeaker(t *testing.T) {
	tests := []speakerCase{
		{"Councillor Maria Delgado said the budget would be cut.\n\n" +
			`A spokeswoman for Northwind Energy said the outage was caused by a storm. "Crews are working around the clock," she said.`,
			[]string{"Maria Delgado", "A spokeswoman for Northwind Energy", "A spokeswoman for Northwind Energy"}},
		{"Councillor Maria Delgado said the budget would be cut.\n\n" +
			`A spokesman for Northwind Energy said the outage was caused by a storm. "Crews are working around the clock," she said.`,
			[]string{"Maria Delgado", "A spokesman for Northwind Energy", "Maria Delgado"}},
		{"Councillor Maria Delgado said the budget would be cut.\n\nThe storm hit on Monday.\n\n" +
			`A spokeswoman for Northwind Energy said the outage was caused by a storm. Mayor Ana Ruiz visited the site. "Crews are working around the clock," she said.`,
			[]string{"Maria Delgado", "A spokeswoman for Northwind Energy", "Ana Ruiz"}},
	}
	checkSpeakers(t, tests)
}

// TestCompanyContinuesTheOrganisationJustNamed checks that "the company"
// or "the agency" takes the one organisation named just before it, not a
// place, a name inside a quotation or one of two organisations.
func TestCompanyContinuesTheOrganisationJustNamed(t *testing.T) {
	tests := []speakerCase{
		{"Fares Rise Again\n\nThe mayor said a study had been done by Harbour Transit. The agency said it had done no such study.",
			[]string{"The mayor", "Harbour Transit"}},
		{"Fares Rise Again\n\nIn Canada, ad sales will fall 3 per cent next year, according to research firm Dataview. Print revenue fell by a fifth, the company said.",
			[]string{"research firm Dataview", "Dataview"}},
		{"Fares Rise Again\n\nLumen Corp. said on Monday that sales rose. \"We are working with Corvane Energy on a fix,\" the company said.",
			[]string{"Lumen Corp.", "Lumen Corp."}},
		{"Fares Rise Again\n\nHarbour Power, the province's largest utility, cut its rates on Monday. The utility said customers would save $40 a year.",
			[]string{"Harbour Power"}},
		{"Fares Rise Again\n\nCorvane Energy and Lumen Corp. signed a deal on Monday. The company said it would hire 200 workers.",
			[]string{"The company"}},
	}
	checkSpeakers(t, tests)
}

// TestFloatingQuoteAfterAnIntroduction checks that a floating quotation
// continues a person the article introduces after the previous statement,
// and the previous speaker when the sentence between is about someone
// already named.
func TestFloatingQuoteAfterAnIntroduction(t *testing.T) {
	tests := []speakerCase{
		{`"The plan is sound," Premier Dale Ford said. Opposition critic Sam Reyes disagreed. "It is a disaster for the coast."`,
			[]string{"Dale Ford", "Sam Reyes"}},
		{`Sam Reyes leads the opposition. "The plan is sound," Premier Dale Ford said. Reyes disagreed last week. "It will pass in the spring."`,
			[]string{"Dale Ford", "Dale Ford"}},
		{`"The plan is sound," Premier Dale Ford said. Reyes and Mona Tate disagreed. "It will pass in the spring."`,
			[]string{"Dale Ford", "Dale Ford"}},
	}
	checkSpeakers(t, tests)
}

// TestFloatingQuoteAfterNarrative checks that a quotation with no
// statement before it takes the person the sentence before it is about.
func TestFloatingQuoteAfterNarrative(t *testing.T) {
	src := "Stroke Survivors\n\nMarta Quill runs a bakery in Harbourton.\n\n" +
		"She had to give up her career after the stroke.\n\n" +
		`"It took me a year to accept that I could not go back to the bakery."` + "\n"
	st := extractParsed(t, src)
	if len(st) != 1 || st[0].SpeakerName == nil || *st[0].SpeakerName != "Marta Quill" || st[0].SpeakerKind != whosaid.Person {
		t.Fatalf("statements %+v, want one by Marta Quill, a person", st)
	}
}

// TestDocumentOfAPerson checks that a statement said by "her statement"
// is the statement of the woman the pronoun refers to, and that the
// quotation after it continues her.
func TestDocumentOfAPerson(t *testing.T) {
	src := "Minister Posts Statement\n\nAna Gill posted a statement on her website on Tuesday.\n\n" +
		"“Justice must be free from interference,” her statement said. “As such, the minister must be non-partisan.”\n"
	var names []string
	for _, s := range extractParsed(t, src) {
		names = append(names, *s.SpeakerName)
	}
	if want := []string{"Ana Gill", "Ana Gill"}; !slices.Equal(names, want) {
		t.Errorf("speakers %q, want %q", names, want)
	}
}

// TestDocumentSpeaksForItsAuthor checks that a document said to speak is
// resolved to whoever issued it earlier in the article, by the parse.
func TestDocumentSpeaksForItsAuthor(t *testing.T) {
	src := "Juice Rules\n\nThe Harbour Growers Association said in a statement that juice is a source of vitamins.\n\n" +
		"The statement also said that cutting juice from school menus would hurt growers.\n"
	var names []string
	for _, s := range extractParsed(t, src) {
		names = append(names, *s.SpeakerName)
	}
	if want := []string{"The Harbour Growers Association", "The Harbour Growers Association"}; !slices.Equal(names, want) {
		t.Errorf("speakers %q, want %q", names, want)
	}
}

// TestDescriptionsOfNamedPeople checks a description that the article
// ties to a name in apposition.
func TestDescriptionsOfNamedPeople(t *testing.T) {
	tests := []struct{ src, want string }{
		{`The crowd watched Amanda Nunez, the relentless striker who calls herself "The Storm of Rio."`, "Amanda Nunez"},
	}
	for _, tt := range tests {
		st := extractParsed(t, tt.src)
		if len(st) == 0 || st[0].SpeakerName == nil || *st[0].SpeakerName != tt.want {
			t.Errorf("%q: statements %+v, want the first by %s", tt.src, st, tt.want)
		}
	}
}

// TestReportOfItsAuthor checks that a report speaks for the person who
// wrote it, and that a denied report is not the denier's.
func TestReportOfItsAuthor(t *testing.T) {
	tests := []struct{ src, want string }{
		{"Spending\n\nEconomist Phil Crossan wrote in a recent report for the Harbour Institute that spending had stalled.\n\n" +
			"Since 2016, spending has increased only 8.7 per cent, the report said.\n", "Phil Crossan"},
		{"Talks\n\nLarry Kadlow denied reports by several newspapers that the talks had failed.\n\n" +
			"The reports said the meetings were meant to prepare a summit.\n", "The reports"},
		{"Rents\n\nA new report from the Fenwick Centre looked at rents.\n\nThe report said rents rose 12 per cent last year.\n", "the Fenwick Centre"},
		{"Rents\n\nThe Harbour Institute released a study on Tuesday. The study said most drivers ignore the limit.\n", "The Harbour Institute"},
		{"Rents\n\nA report by the Harbour Institute's auditor came out on Monday.\n\nThe report said the bridge was unsafe.\n", "The report"},
	}
	for _, tt := range tests {
		st := extractParsed(t, tt.src)
		if len(st) == 0 || *st[len(st)-1].SpeakerName != tt.want {
			t.Errorf("%q: statements %+v, want the last by %s", tt.src, st, tt.want)
		}
	}
}

// speakerCase is an article and the canonical speakers of its statements,
// in order.
type speakerCase struct {
	src  string
	want []string
}

// checkSpeakers extracts each case with the syntax stage and compares the
// speakers' canonical names.
func checkSpeakers(t *testing.T, tests []speakerCase) {
	t.Helper()
	for _, tt := range tests {
		var names []string
		for _, s := range extractParsed(t, tt.src) {
			names = append(names, *s.SpeakerName)
		}
		if !slices.Equal(names, tt.want) {
			t.Errorf("%s\n speakers %q, want %q", tt.src, names, tt.want)
		}
	}
}
