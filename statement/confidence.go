package statement

// ruleAccuracy is how often a statement found by each rule is right, end
// to end (its content matches a gold statement and its speaker is right),
// when its speaker has a canonical name. The figures were measured on the
// development sets, the rules' on GGT dev and the learned model's on
// PolNeAR dev, with the calibration tables of
//
//	whosaid eval ggt ../shared/data/ggt-dev/ggt_dev.jsonl
//	whosaid eval polnear ../shared/data/polnear/polnear-dev.jsonl
//
// and rounded, so that a confidence means what it says: among statements
// given 0.9, about nine in ten are right.
var ruleAccuracy = map[string]float64{
	"quote, speaker cue":        0.95,
	"quote, cue speaker":        0.96,
	"quote, titled speaker cue": 0.96,
	"quote ― speaker":           0.9,
	// Signed posts occur once in the development sets (PolNeAR dev, right
	// but not annotated): no measured accuracy, so no claim either way.
	"post ― speaker":                0.5,
	"floating quote":                0.95,
	"speaker cue: quote":            0.9,
	"clause, speaker cue":           0.87,
	"speaker cue clause":            0.89,
	"transcript turn":               0.6,
	"learned attribution":           0.73,
	"parenthetical speaker cue":     0.6,
	"participle or coordinated cue": 0.75,
	"according to":                  0.6,
}

const (
	// unnamedAccuracy is the accuracy of statements whose speaker has no
	// canonical name: they are rarely right.
	unnamedAccuracy = 0.12
	// unnamedLearnedAccuracy is the same for the learned model's
	// statements, whose speakers are more often descriptions the gold
	// source spans match ("officials", "the campaign").
	unnamedLearnedAccuracy = 0.2
	// overruledFactor scales a rule statement that the learned model,
	// asked for every attribution, found nothing at: in the all scope only
	// half as many of them are right.
	overruledFactor = 0.6
)

// confidence is the calibrated probability that statement f is right.
func (e *extractor) confidence(f found, named bool) float64 {
	if !named && f.rule == learnedRule {
		return unnamedLearnedAccuracy
	}
	if !named {
		return unnamedAccuracy
	}
	c, ok := ruleAccuracy[f.rule]
	if !ok {
		c = 0.5
	}
	if e.scope == All && f.rule != learnedRule {
		c *= overruledFactor
	}
	return c
}
