package mention

// More given names by gender, read only when a person's gender is weighed
// for the output (GenderOf), after every speaker is resolved: maleNames and
// femaleNames, which also guide pronoun resolution, stay as they are so
// that the speakers found do not change.
//
// No package on the module proxy ships a public-domain table of given
// names by gender (github.com/brianvoe/gofakeit/v7 lists first names
// without gender), so this list is written by hand for the project: given
// names common in English-language news across the English-speaking
// world, French Canada, Europe, the Middle East and South Asia, each of
// which is given almost only to one sex. Names given to both ("Jordan",
// "Kim", "Jean", "Andrea" in Italy, "Sasha", the Punjabi "-jeet" and
// "-preet" names, most Chinese given names) are left out: their gender
// must come from the article.
var moreMaleNames = set(
	// English-speaking countries
	"abraham", "adrian", "alan", "alastair", "alasdair", "alec", "alfred", "allan", "allen",
	"alistair", "alvin", "ambrose", "angus", "archibald", "archie", "arnold", "austin", "barry",
	"bart", "basil", "benedict", "bert", "bertrand", "bobby", "boyd", "bradley", "brendan",
	"brent", "brock", "bruno", "byron", "caleb", "calvin", "cecil", "chad", "chester",
	"christian", "clarence", "clark", "claude", "clayton", "clifford", "clint", "clinton", "clive",
	"cody", "conor", "connor", "conrad", "cory", "corey", "curtis", "cyril", "cyrus",
	"damian", "damien", "damon", "darrell", "darryl", "declan", "desmond", "dominic", "duncan",
	"dustin", "dwayne", "dwight", "earl", "edgar", "edmund", "edwin", "elijah", "elliot", "elliott",
	"elmer", "emmett", "ernest", "ernie", "ethan", "eugene", "everett", "ewan", "felix", "fergus",
	"floyd", "francis", "franklin", "freddie", "frederick", "gabriel", "garrett", "garry", "gene",
	"geoff", "geoffrey", "gerard", "gilbert", "giles", "gordie", "grant", "gus", "guy", "hamish",
	"harvey", "hector", "herbert", "herman", "homer", "horace", "hubert", "humphrey", "isaac",
	"jackson", "jay", "jeremiah", "jesus", "jimmie", "jock", "johnathan", "jonah", "jonathon",
	"julian", "julius", "kirk", "kurt", "lance", "lawrence", "leonard", "leroy",
	"lester", "lewis", "liam", "lionel", "lloyd", "lorne", "lucas", "luther", "lyle", "malcolm",
	"marcus", "marshall", "marvin", "maurice", "melvin", "merv", "miles", "milton", "mitchell",
	"morris", "murray", "nathaniel", "ned", "neville", "norman", "oscar", "owen", "percy", "perry",
	"preston", "quentin", "randall", "reginald", "rhys", "richie", "robbie", "roderick",
	"rodney", "roland", "rory", "rupert", "rusty", "salvatore", "seamus", "sebastian", "sheldon",
	"spencer", "stanley", "sterling", "stewart", "terrence", "thaddeus", "theodore",
	"tobias", "toby", "troy", "vaughn", "vernon", "wade", "wallace", "warren", "wesley", "wilfred",
	"willie", "winston", "woody", "zach", "zack",
	// French, Italian, Spanish, Portuguese and German
	"alain", "alphonse", "antoine", "armand", "bertrand", "christophe", "denis", "emile",
	"etienne", "fabien", "florent", "gaston", "gilles", "guillaume", "gustave",
	"henri", "hugo", "jean-francois", "jean-marc", "jean-pierre", "jean-paul", "jean-claude",
	"jean-guy", "jerome", "laurent", "lucien", "marcel", "mathieu", "maxime", "normand",
	"olivier", "pascal", "regis", "remi", "rene", "rejean", "serge", "sylvain",
	"thierry", "yves", "alberto", "alessandro", "alfonso", "angelo", "carlo", "enrico",
	"enzo", "fabio", "federico", "francesco", "franco", "giorgio", "giovanni", "giuseppe",
	"luca", "luigi", "marcello", "massimo", "matteo", "mauro", "paolo", "pietro", "roberto",
	"salvador", "sergio", "silvio", "stefano", "vittorio", "alejandro", "andres", "diego",
	"eduardo", "emilio", "enrique", "ernesto", "esteban", "felipe", "fernando", "francisco",
	"gonzalo", "guillermo", "ignacio", "javier", "joaquin", "jorge", "juan-carlos",
	"julio", "luis", "manuel", "miguel", "nicolas", "pablo", "pedro", "rafael", "ramon",
	"raul", "ricardo", "rodrigo", "santiago", "joao", "jair", "dietrich", "dieter", "frank-walter",
	"friedrich", "gerhard", "gunter", "heinrich", "heinz", "helmut", "horst", "jurgen", "karl",
	"lars", "ludwig", "markus", "matthias", "olaf", "otto", "rainer", "rolf", "sven", "thorsten",
	"ulrich", "uwe", "werner", "wolfgang", "anders", "bjorn", "henrik", "jens", "magnus",
	"nils", "stig", "jan-erik",
	// Slavic and Eastern European
	"aleksandr", "alexandr", "anatoly", "andrei", "andrey", "arkady", "bogdan", "dmitri",
	"dmitriy", "gennady", "grigory", "igor", "konstantin", "leonid", "mikhail", "nikolai",
	"nikolay", "oleg", "pavel", "petro", "pyotr", "ruslan", "stanislav", "vadim", "valery",
	"vasily", "viktor", "vitaly", "volodymyr", "vyacheslav", "yevgeny", "yuri", "yury",
	"zbigniew", "tomasz", "piotr", "krzysztof", "andrzej", "jaroslaw", "lech", "miroslav",
	"zoran", "goran", "dragan", "milan", "slobodan", "radovan",
	// Arabic, Persian, Turkish and Hebrew
	"abdul", "abdullah", "abdel", "ahmad", "ahmed", "akbar", "amir", "ashraf", "bashar",
	"fadi", "faisal", "farid", "hamid", "hamza", "hassan", "hussein", "husain", "ibrahim",
	"ismail", "jamal", "karim", "khaled", "khalid", "mahmoud", "majid", "mehdi", "mohamed",
	"mohammad", "mostafa", "mustafa", "nabil", "nasser", "osama", "rashid",
	"reza", "saeed", "salah", "salman", "sami", "tariq", "walid", "yasser", "yousef",
	"youssef", "yusuf", "zayed", "recep", "mehmet", "ahmet", "emre", "hakan", "avi",
	"binyamin", "ehud", "eli", "moshe", "naftali", "shimon", "yitzhak", "yair",
	// South and South-East Asian, Japanese, Korean, African
	"amit", "anand", "arjun", "arvind", "ashok", "deepak", "ganesh", "gaurav",
	"jawaharlal", "krishna", "manmohan", "mukesh", "narendra", "navdeep", "rahul",
	"rajesh", "rakesh", "ramesh", "ravi", "sanjay", "sunil", "suresh", "vijay", "vikram",
	"vinod", "imran", "nawaz", "shahid", "asif", "ferdinand", "hiroshi", "takeshi",
	"kenji", "shinzo", "taro", "yoshihide", "fumio", "jae-in", "kwame", "kofi", "nelson",
	"thabo", "uhuru", "olusegun", "goodluck", "muhammadu", "abiy",
)

var moreFemaleNames = set(
	// English-speaking countries
	"ada", "adele", "agnes", "aileen", "aimee", "alexandra", "alicia", "alma",
	"amelia", "anita", "annabelle", "annette", "antoinette", "arlene", "audrey",
	"ava", "barb", "beatrice", "belinda", "bella", "bernadette", "bernice", "bethany", "bette",
	"beverley", "bianca", "bonnie", "bridget", "brooke", "camilla", "candace", "cara", "carla",
	"carly", "carmen", "carole", "cassandra", "cecilia", "celeste", "celia", "charlene",
	"chelsea", "cherie", "chrissy", "clara", "colleen", "constance", "cora", "corinne", "crystal",
	"daisy", "daphne", "darlene", "dawn", "debbie", "delia", "della", "dolores", "doreen",
	"doris", "edith", "edna", "eileen", "eleanor", "elisa", "elise", "eliza", "ella", "ellie",
	"eloise", "elsie", "emilie", "emilia", "erica", "erika", "esther", "ethel", "eugenia",
	"eunice", "faith", "felicity", "flora", "florence", "gabrielle", "gail", "gemma", "georgia",
	"geraldine", "gertrude", "gillian", "gina", "ginny", "gladys", "glenda", "greta",
	"gwendolyn", "harriet", "hazel", "heidi", "helena", "henrietta", "hilda", "ida", "imogen",
	"irene", "iris", "isabel", "isabella", "ivy", "jacqueline", "jeanette", "jeanne",
	"jenna", "jenny", "joanna", "joanne", "jocelyn", "jodie", "josephine", "joy", "juanita",
	"judi", "julianne", "juliet", "kara", "karla", "katharine", "katrina",
	"kay", "kelli", "kendra", "kimberley", "kristina", "kristine", "krystal",
	"leah", "leanne", "leila", "lena", "leona", "lila", "lillian", "lily",
	"lois", "lorna", "lorraine", "lucille", "lydia", "lynda", "lynne", "mabel",
	"madeleine", "madeline", "maggie", "mandy", "marcia", "margo", "marguerite",
	"marian", "marjorie", "marla", "marsha", "maureen", "mavis", "maxine",
	"meghan", "melinda", "mercedes", "meredith", "mia", "mildred", "millie", "miranda", "miriam",
	"molly", "muriel", "myra", "nadia", "naomi", "natasha", "nell", "nellie", "nina", "nora",
	"norma", "olive", "paige", "pam", "patsy", "pauline", "pearl", "peggy", "penelope", "penny",
	"phoebe", "phyllis", "polly", "priscilla", "rachael", "ramona", "regina", "renee", "rhonda",
	"rita", "roberta", "robyn", "rochelle", "rosa", "rosalind", "rosemary", "roxanne", "ruby",
	"sabrina", "sally", "samantha", "savannah", "selena", "serena", "shauna", "sheryl",
	"shelley", "sienna", "silvia", "simone", "sonia", "sonya", "sophia", "stella", "sue", "susie",
	"suzanne", "sylvia", "tabitha", "tammy", "tara", "tess", "tessa", "thelma", "tiffany", "trudy",
	"ursula", "vera", "vicki", "vickie", "viola", "violet", "vivian", "wanda", "wilma", "yvonne",
	"zoe",
	// French, Italian, Spanish, Portuguese and German
	"amelie", "annick", "brigitte", "camille", "cecile", "celine", "chantale", "christiane",
	"claudette", "colette", "delphine", "eliane", "francine",
	"francoise", "ginette", "helene", "huguette", "jacinthe", "josee", "josiane", "lise",
	"lucie", "manon", "marie-claude", "marie-eve", "marie-france", "marie-josee",
	"martine", "micheline", "monique", "nathalie", "rachelle",
	"solange", "suzette", "sylvie", "therese", "veronique", "yolande", "alessandra",
	"antonella", "chiara", "elisabetta", "federica", "francesca", "giorgia", "giovanna",
	"giulia", "lucia", "paola", "raffaella", "rosanna", "silvana", "valentina",
	"alejandra", "beatriz", "carolina", "catalina", "consuelo", "esperanza",
	"gabriela", "guadalupe", "isabela", "lourdes", "luisa", "marisol", "mariana",
	"pilar", "rocio", "soledad", "ximena", "dilma", "anneliese", "annegret", "birgit", "gisela",
	"heike", "ingrid", "ilse", "karin", "katarina", "liesl", "petra", "renate",
	"sabine", "ulrike", "astrid", "britt", "helle", "kirsti", "sigrid", "solveig",
	// Slavic and Eastern European
	"alla", "anastasia", "galina", "irina", "katerina", "ksenia", "lyudmila", "ludmila", "marina",
	"nadezhda", "natalia", "natalya", "oksana", "olga", "svetlana", "tatyana",
	"yelena", "yulia", "yuliya", "zoya", "agnieszka", "beata", "katarzyna", "malgorzata",
	"jelena", "milena", "vesna",
	// Arabic, Persian, Turkish and Hebrew
	"aisha", "amal", "amina", "dalia", "fatima", "fatma", "farah", "hanan", "hoda", "huda",
	"iman", "jamila", "khadija", "layla", "leyla", "mariam", "maryam", "mona",
	"nour", "rania", "salma", "samira", "soraya", "yasmin", "yasmine", "zahra", "zainab",
	"zeynep", "ayelet", "golda", "tzipi", "shira", "yael",
	// South and South-East Asian, Japanese, Korean, African
	"aishwarya", "anjali", "deepa", "indira", "kavita", "lakshmi", "meena", "nirmala",
	"pooja", "priya", "priyanka", "radha", "rekha", "shanti", "sita", "sunita",
	"usha", "benazir", "malala", "akiko", "keiko", "mariko", "naoko", "sachiko",
	"yoko", "yuko", "yumiko", "yuriko", "chimamanda", "ngozi", "winnie",
)
