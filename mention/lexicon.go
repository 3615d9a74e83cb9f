package mention

// Word lists for finding mentions. They describe English news style, not
// any one article: titles that precede names, nouns for people's roles and
// for organisations, and capitalised words that never start a name.

// titles precede a name and are not part of it ("Attorney General Jeff
// Sessions"). Multi-word titles are matched word by word through
// titleWords; each entry is lower case without its period.
var titleWords = set(
	"president", "vice", "prime", "minister", "premier", "attorney", "general", "secretary",
	"sen", "senator", "rep", "representative", "gov", "governor", "mayor", "councillor",
	"sens", "senators", "reps", "representatives", "govs", "governors", "staff",
	"councilor", "councilman", "councilwoman", "alderman", "mr", "mrs", "ms", "miss", "dr",
	"prof", "professor", "judge", "justice", "chief", "coach", "manager", "gen", "lt", "col",
	"sgt", "capt", "cpl", "maj", "adm", "officer", "constable", "cst", "det", "detective",
	"insp", "inspector", "supt", "superintendent", "sheriff", "commissioner", "chancellor",
	"pope", "king", "queen", "prince", "princess", "sir", "dame", "lord", "lady", "rev",
	"reverend", "father", "sister", "rabbi", "imam", "bishop", "cardinal", "ambassador",
	"leader", "speaker", "chair", "chairman", "chairwoman", "ceo", "md", "mp", "mpp", "mla",
	"mna", "congressman", "congresswoman", "deputy", "foreign", "finance", "defence", "defense",
	"health", "justice", "public", "safety", "security", "national", "treasury", "interior",
	"environment", "immigration", "trade", "transport", "transportation", "education", "labour",
	"labor", "energy", "agriculture", "state", "house", "senate", "majority", "minority",
	"opposition", "former", "interim", "acting", "then", "lieutenant", "attorney-general",
	"president-elect", "vice-president", "director", "executive", "founder", "editor", "host",
	"spokesperson", "spokesman", "spokeswoman", "commander", "captain", "sergeant", "corporal",
	"private", "admiral", "general", "marshal", "dean", "principal", "provost", "auditor",
	"comptroller", "mayor-elect", "premier-elect", "crown", "counsel", "parliamentary",
	"associate", "assistant", "senior", "regional", "federal", "provincial", "municipal", "city",
	"county", "district", "u.s", "canadian", "british", "russian", "chinese", "american",
	"conservative", "liberal", "democratic", "republican", "green", "labour", "ndp", "gop",
)

// innerTitles split a capitalised run into an organisation or place and
// the titled name after it.
var innerTitles = set(
	"ceo", "president", "minister", "leader", "chair", "chairman", "chairwoman", "director",
	"spokesperson", "spokesman", "spokeswoman", "secretary", "mayor", "premier", "governor",
	"senator", "coach", "manager", "chief", "commissioner", "ambassador", "founder", "editor",
	"professor", "justice", "judge", "officer", "mp", "mpp", "mla", "councillor", "sen", "rep",
	"attorney", "analyst", "economist", "strategist", "adviser", "advisor", "producer",
	"gov", "congressman", "congresswoman", "representative", "speaker", "sheriff", "chancellor",
	"sens", "reps", "senators", "staff", "col", "gen", "lt", "maj", "capt", "sgt", "adm", "cmdr",
	"colonel", "lieutenant", "admiral", "commander", "sergeant",
)

// PersonTitle says whether w, in lower case and without its period, is a
// title that only a person bears before their name: "President Varga",
// "Sen. Reilly", "Dr. Okafor".
func PersonTitle(w string) bool {
	return innerTitles[w] || maleHonorifics[w] || femaleHonorifics[w] || officeTitles[w]
}

// officeTitles are abbreviated and other titles of people not among the
// innerTitles.
var officeTitles = set("gov", "dr", "prof", "rev", "reverend", "gen", "lt", "col", "sgt", "capt", "adm", "det",
	"insp", "rabbi", "imam", "bishop", "pope", "representative")

// honorifics carry gender.
var maleHonorifics = set("mr", "sir", "lord", "king", "prince", "father", "congressman", "councilman", "chairman", "spokesman", "brother")
var femaleHonorifics = set("mrs", "ms", "miss", "dame", "lady", "queen", "princess", "sister", "congresswoman", "councilwoman", "chairwoman", "spokeswoman")

// personRoles are nouns for a person's role; a definite description such
// as "the president" or "the tall professor" refers to a person.
var personRoles = set(
	"president", "minister", "premier", "senator", "mayor", "governor", "leader", "spokesperson",
	"spokesman", "spokeswoman", "official", "adviser", "advisor", "aide", "ambassador",
	"secretary", "chancellor", "judge", "justice", "lawyer", "attorney", "prosecutor", "counsel",
	"professor", "researcher", "scientist", "economist", "analyst", "expert", "strategist",
	"director", "chair", "chairman", "chairwoman", "chief", "executive", "ceo", "founder",
	"owner", "manager", "coach", "player", "captain", "golfer", "fighter", "champion", "star",
	"actor", "actress", "singer", "author", "writer", "journalist", "reporter", "columnist",
	"editor", "host", "candidate", "nominee", "incumbent", "challenger", "councillor",
	"councilor", "mp", "mpp", "mla", "congressman", "congresswoman", "lawmaker", "legislator",
	"politician", "diplomat", "envoy", "commissioner", "officer", "detective", "sheriff",
	"inspector", "superintendent", "sergeant", "constable", "general", "commander", "soldier",
	"veteran", "doctor", "physician", "nurse", "surgeon", "pediatrician", "psychologist",
	"teacher", "principal", "student", "parent", "mother", "father", "son", "daughter", "wife",
	"husband", "brother", "sister", "woman", "man", "girl", "boy", "resident", "neighbour",
	"neighbor", "witness", "victim", "survivor", "patient", "driver", "farmer", "worker",
	"employee", "activist", "organizer", "organiser", "advocate", "critic", "supporter",
	"opponent", "member", "representative", "delegate", "negotiator", "mediator", "source",
	"insider", "observer", "historian", "pollster", "consultant", "investor", "trader",
	"entrepreneur", "businessman", "businesswoman", "banker", "architect", "engineer",
	"planner", "designer", "developer", "caddie", "mom", "dad", "friend", "partner",
	"colleague", "deputy", "auditor", "regulator", "ombudsman", "minister-designate",
	"premier-elect", "president-elect", "pope", "king", "queen", "prince", "princess",
	"bishop", "priest", "pastor", "rabbi", "imam", "chef", "athlete", "skater", "skier",
	"boxer", "referee", "umpire", "pitcher", "quarterback", "goaltender", "goalie",
	"forward", "defenceman", "defender", "striker", "midfielder", "officer", "trustee",
	"speaker", "whip", "secretary-general", "prosecutors", "assistant", "associate", "dean",
	"provost", "scholar", "epidemiologist", "specialist", "agent", "broker", "landlord",
	"tenant", "owner", "operator", "fan", "voter", "citizen", "protester", "demonstrator",
	"commuter", "passenger", "motorist", "shopper", "customer", "tourist", "visitor", "homeowner",
	"renter", "retiree", "pensioner", "firefighter", "paramedic", "fisherman", "miner", "trucker",
	"cyclist", "pedestrian", "bystander", "spectator", "volunteer", "shopkeeper", "restaurateur",
	"musician", "artist", "photographer", "filmmaker", "novelist", "poet", "comedian", "dancer",
	"rapper", "drummer", "guitarist", "designer", "programmer", "accountant", "pharmacist",
	"dentist", "veterinarian", "electrician", "plumber", "carpenter", "mechanic", "cashier",
	"janitor", "caregiver", "babysitter", "landowner", "rancher", "borrower", "donor",
	"inmate", "prisoner", "suspect", "defendant",
	"plaintiff", "juror", "refugee", "immigrant", "migrant", "teenager", "grandmother",
	"grandfather", "uncle", "aunt", "cousin", "nephew", "niece", "fiancee", "fiance", "widow",
	"user", "commenter", "reader", "viewer", "follower", "blogger", "listener", "caller", "subscriber",
)

// groupNouns are plural nouns for groups of people ("officials said").
var groupNouns = set(
	"officials", "sources", "experts", "analysts", "critics", "residents", "voters",
	"observers", "researchers", "scientists", "economists", "lawmakers", "legislators",
	"politicians", "police", "authorities", "investigators", "prosecutors", "lawyers",
	"attorneys", "officers", "doctors", "parents", "students", "teachers", "workers",
	"employees", "members", "leaders", "activists", "advocates", "supporters", "opponents",
	"protesters", "demonstrators", "witnesses", "neighbours", "neighbors", "people",
	"organizers", "organisers", "executives", "people", "democrats", "republicans",
	"liberals", "conservatives", "players", "fans", "citizens", "americans", "canadians",
	"reports", "studies", "polls", "surveys", "documents", "records", "data", "figures",
	"diplomats", "aides", "advisers", "advisors", "staff", "staffers", "insiders",
	"strategists", "pollsters", "historians", "scholars", "specialists", "economists",
	"investors", "traders", "banks", "companies", "firms", "groups", "unions", "agencies",
	"governments", "councillors", "councilors", "mps", "senators", "ministers", "judges",
	"officers", "soldiers", "troops", "families", "relatives", "friends", "colleagues",
	"residents", "victims", "survivors", "patients", "nurses", "physicians", "farmers",
	"drivers", "owners", "operators", "managers", "coaches", "owners", "others", "many",
	"some", "negotiators", "regulators", "trustees", "delegates", "candidates", "voters",
	"environmentalists", "ngos", "campaigners", "academics", "commentators", "pundits",
	"users", "commenters", "readers", "viewers", "followers", "bloggers", "netizens", "listeners",
	"callers", "subscribers",
	"journalists", "reporters", "representatives", "spokespeople", "spokespersons",
	"backers", "proponents", "defenders", "skeptics", "sceptics", "forecasters", "nominators",
)

// orgNouns mark a capitalised run, or a definite description, as an
// organisation ("the company", "Surrey City Council").
var orgNouns = set(
	"party", "association", "inc", "corp", "corporation", "ltd", "llc", "co", "company",
	"university", "college", "school", "ministry", "department", "agency", "commission",
	"council", "committee", "court", "bank", "police", "service", "services", "group",
	"institute", "foundation", "post", "times", "news", "press", "journal", "network",
	"authority", "board", "union", "federation", "league", "club", "office", "government",
	"parliament", "senate", "congress", "house", "assembly", "legislature", "administration",
	"campaign", "coalition", "alliance", "organization", "organisation", "society", "centre",
	"center", "hospital", "fund", "trust", "airlines", "airways", "motors", "industries",
	"holdings", "partners", "capital", "media", "broadcasting", "radio", "television", "tv",
	"magazine", "herald", "tribune", "gazette", "telegraph", "guardian", "globe", "star",
	"ledger", "chronicle", "examiner", "courier", "inquirer", "dispatch", "sentinel", "bulletin",
	"sun", "mail", "reuters", "bloomberg", "army", "navy", "force", "forces", "regime",
	"cabinet", "caucus", "firm", "network", "channel", "studio", "studios", "team",
	"federal", "statistics", "bureau", "command", "secretariat", "tribunal", "exchange",
	"fbi", "cia", "nato", "un", "eu", "who", "imf", "rcmp", "opec", "cbc", "ctv", "bbc", "cnn",
	"nbc", "abc", "cbs", "ap", "afp", "translink", "facebook", "google", "apple", "amazon",
	"twitter", "microsoft", "infrastructure", "development", "energy", "health", "transit",
	"hydro", "power", "resources", "oil", "gas", "mining", "communications", "entertainment",
	"technologies", "technology", "systems", "solutions", "pharmaceuticals", "labs",
	"insurance", "investments", "securities", "financial", "railway", "rail", "canada",
)

// stopCaps are capitalised words that do not start or belong to a name:
// sentence-initial function words, days and months.
var stopCaps = set(
	"the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i",
	"you", "but", "and", "or", "nor", "in", "on", "at", "for", "with", "as", "if", "when",
	"while", "after", "before", "since", "although", "though", "because", "so", "still",
	"yet", "also", "meanwhile", "however", "his", "her", "their", "its", "our", "my",
	"your", "some", "many", "most", "all", "both", "each", "every", "no", "not", "there",
	"here", "what", "who", "whom", "whose", "why", "how", "where", "which", "to", "of", "by",
	"from", "into", "about", "over", "under", "then", "now", "one", "two", "three",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
	"sept", "sep", "oct", "nov", "dec", "today", "yesterday", "tomorrow", "last", "next",
	"according", "asked", "said", "says", "told", "like", "unlike", "despite", "during",
	"regarding", "concerning", "following", "amid", "among", "against", "without", "within",
	"through", "throughout", "toward", "towards", "upon", "beyond", "besides", "via",
	"even", "just", "only", "instead", "indeed", "perhaps", "maybe", "yes", "oh", "well",
	"do", "does", "did", "is", "are", "was", "were", "be", "been", "have", "has", "had",
	"will", "would", "can", "could", "should", "may", "might", "must", "let", "please",
	"thank", "thanks", "dear", "hello", "hi", "other", "another", "such", "more", "less",
	"few", "several", "any", "either", "neither", "again", "once", "twice", "first",
	"second", "third", "old", "former", "late", "early", "later", "earlier",
	"among", "between", "through", "throughout", "within", "without", "against", "toward",
	"towards", "upon", "around", "because", "whether", "unless", "until", "where",
	"whatever", "whoever", "everyone", "everything", "nothing", "someone", "something",
	"anyone", "anything", "nobody", "everybody", "somebody", "image", "photo", "related",
	"email", "twitter", "file", "video", "watch", "read", "see", "click", "listen", "follow",
	"subscribe", "note", "editor's", "update",
	"updated", "story", "advertisement",
)

var (
	malePronouns    = set("he", "him", "his", "himself")
	femalePronouns  = set("she", "her", "hers", "herself")
	pluralPronouns  = set("they", "them", "their", "theirs", "themselves", "we", "us", "our")
	neuterPronouns  = set("it", "its", "itself")
	speakerPronouns = set("he", "she", "they", "it", "we", "i", "you")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// IsRole says whether a lower-case word names a person's role ("editor",
// "spokesperson").
func IsRole(w string) bool { return personRoles[w] || innerTitles[w] }

// IsPossessive says whether token w marks a possessor: "union's",
// "Nations’".
func IsPossessive(w string) bool { return w == "'s" || w == "’s" || w == "'" || w == "’" }

// IsOrgNoun says whether w marks an organisation's name ("agency",
// "council", "bank").
func IsOrgNoun(w string) bool { return orgNouns[w] }

// IsDocument says whether w is a noun for a document ("report",
// "statement"), which speaks for its author.
func IsDocument(w string) bool { return documentNouns[w] }

// IsRoleModifier says whether lower-case word w may open a role phrase
// before a name: "policy editor Jan Ditch", "senior adviser".
func IsRoleModifier(w string) bool { return roleModifiers[w] }
