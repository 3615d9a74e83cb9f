package mention

// Common English given names by gender. A name run that starts with one is
// a person, and its gender guides pronoun resolution; the article's own
// pronouns and honorifics take precedence. Names given to both sexes
// ("Lee", "Jordan", "Kim", "Jean") are left out: their gender comes from
// the article.
var maleNames = set(
	"aaron", "adam", "alan", "albert", "alexander", "alexei", "andrew", "andy", "anthony",
	"antonio", "arthur", "ben", "benjamin", "bernie", "bill", "billy", "bob", "boris", "brad",
	"brandon", "brett", "brian", "bruce", "bryan", "carl", "carlos", "charles", "charlie",
	"christopher", "chuck", "colin", "craig", "dan", "daniel", "danny", "darren", "dave", "david",
	"dean", "dennis", "derek", "dmitry", "don", "donald", "doug", "douglas", "dylan", "ed",
	"eddie", "edward", "emmanuel", "eric", "erik", "evan", "frank", "fred", "gary", "gavin",
	"george", "gerald", "glen", "glenn", "gordon", "graham", "greg", "gregory",
	"harold", "harry", "henry", "howard", "hugh", "ian", "ivan", "jack", "jacob",
	"jake", "james", "jared", "jason", "jeff", "jeffrey", "jeremy", "jerry",
	"jim", "jimmy", "joe", "joel", "john", "johnny", "jon", "jonathan", "jose",
	"joseph", "josh", "joshua", "juan", "justin", "keith", "ken", "kenneth", "kevin", "kyle",
	"larry", "leo", "louis", "luke", "marc", "marco", "mario", "mark", "martin", "marty",
	"matt", "matthew", "max", "michael", "mike", "mitch", "mohammed", "muhammad", "nathan",
	"neil", "nick", "nicholas", "nigel", "noah", "oliver", "omar", "patrick", "paul", "pete",
	"peter", "phil", "philip", "phillip", "pierre", "ralph", "randy", "ray", "raymond", "richard",
	"rick", "rob", "robert", "roger", "ron", "ronald", "ross", "roy", "russell", "ryan",
	"samuel", "scott", "sean", "sergey", "sergei", "seth", "shane", "simon", "stephen", "steve",
	"steven", "stuart", "ted", "thomas", "tim", "timothy", "todd", "tom", "tony",
	"travis", "trevor", "tyler", "victor", "vince", "vincent", "vladimir", "walter", "wayne",
	"will", "william", "xi", "zachary", "justin", "stephane", "francois", "jacques", "andre", "michel", "luc", "rex", "tiger", "elon", "mitt", "barack",
	"jake", "marco", "mike",
	"jeremy", "mark", "bernard", "hans", "klaus", "stefan",
	"jim", "mitch", "chuck", "ted", "marco", "rudy",
)

var femaleNames = set(
	"abigail", "alice", "alison", "allison", "amanda", "amber", "amy", "andrea", "angela", "ann",
	"anna", "anne", "annie", "ashley", "barbara", "betty", "beverly", "brenda", "brittany",
	"carol", "caroline", "carolyn", "catherine", "cathy", "charlotte", "cheryl", "chloe",
	"christina", "christine", "cindy", "claire", "claudia", "cynthia",
	"danielle", "deborah", "debra", "denise", "diana", "diane", "donna", "dorothy", "elaine",
	"elizabeth", "ellen", "emily", "emma", "erin", "eva", "evelyn", "fiona", "frances", "gloria",
	"grace", "hannah", "heather", "helen", "hillary", "holly", "jane", "janet", "janice",
	"jennifer", "jessica", "jill", "joan", "joyce", "judith", "judy", "julia", "julie",
	"karen", "kate", "katherine", "kathleen", "kathryn", "kathy", "katie",
	"kimberly", "kristen", "laura", "lauren", "linda", "lisa", "liz", "lori", "louise", "lucy", "margaret", "maria", "marie", "marilyn", "martha", "mary", "megan", "melanie",
	"melissa", "michelle", "monica", "nancy", "natalie", "nicole", "olivia", "pamela", "patricia",
	"paula", "rachel", "rebecca", "rose", "ruth", "sandra", "sara", "sarah", "sharon", "sheila",
	"shirley", "sophie", "stephanie", "susan", "tamara", "tanya", "tatiana", "teresa", "theresa",
	"tina", "valerie", "victoria", "virginia", "wendy", "ivanka", "melania", "nancy",
	"angela", "theresa", "catherine", "elena", "ana", "stacy", "stacey", "katy",
	"kristin", "kirsten", "courtney", "kayla", "kaitlyn", "caitlin", "madison",
	"jasmine", "vanessa", "veronica", "yolanda", "gwen", "nikki",
	"elaine", "adrienne", "rachel", "brittany", "andrea",
	"jennifer", "jessica", "nancy", "hillary", "sarah", "sara",
	"christine", "justine", "jill", "marianne", "diane", "isabelle", "genevieve", "chantal",
)
