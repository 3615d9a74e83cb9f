package mention

import "strings"

// places are countries, U.S. states and large cities, which this stage may take
// for a person or an organisation when they act in a sentence ("North
// Korea said", "Virginia voted"). A statement about a place is not about
// a person, organisation or group.
var places = fields(`
afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain bangladesh
belarus belgium bolivia bosnia brazil britain bulgaria burma cambodia cameroon canada chile china
colombia congo croatia cuba cyprus czechia denmark ecuador egypt england estonia ethiopia finland
france georgia germany ghana greece guatemala haiti honduras hungary iceland india indonesia iran
iraq ireland israel italy jamaica japan jordan kazakhstan kenya korea kosovo kuwait laos latvia
lebanon libya lithuania luxembourg malaysia mali malta mexico moldova mongolia montenegro morocco
mozambique myanmar nepal netherlands nicaragua niger nigeria norway oman pakistan palestine panama
paraguay peru philippines poland portugal qatar romania russia rwanda scotland senegal serbia
singapore slovakia slovenia somalia spain sudan sweden switzerland syria taiwan tajikistan tanzania
thailand tunisia turkey turkmenistan uganda ukraine uruguay uzbekistan venezuela vietnam wales
yemen zambia zimbabwe europe africa asia america
u.s. u.k. usa
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho
illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas
utah vermont virginia washington wisconsin wyoming
chicago boston philadelphia charlotte atlanta houston dallas denver phoenix seattle miami detroit cleveland
baltimore pittsburgh milwaukee minneapolis nashville memphis orlando tampa portland sacramento cincinnati
london paris berlin moscow beijing tokyo rome madrid brussels jerusalem baghdad kabul damascus tehran cairo
istanbul ankara havana toronto ottawa montreal vancouver dublin geneva vienna warsaw kiev kyiv athens aleppo
mosul benghazi tripoli beirut riyadh seoul pyongyang manila delhi mumbai islamabad sydney`)

// multiWordPlaces are places of several words.
var multiWordPlaces = strings.Split("north korea,south korea,south africa,saudi arabia,new zealand,united states,"+
	"united kingdom,united arab emirates,czech republic,sri lanka,el salvador,costa rica,dominican republic,"+
	"new hampshire,new jersey,new mexico,new york,north carolina,north dakota,rhode island,south carolina,"+
	"south dakota,west virginia,los angeles,san francisco,san diego,las vegas,new orleans,salt lake city,"+
	"st. louis,kansas city,mexico city,hong kong,tel aviv,new delhi", ",")

func init() {
	for _, p := range multiWordPlaces {
		places[p] = true
	}
}

// IsPlace says whether a name is a country, a state or a large city.
func IsPlace(name string) bool {
	return places[strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(name, "the "), "The "))]
}

func fields(words string) map[string]bool {
	return set(strings.Fields(words)...)
}
