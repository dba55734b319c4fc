package extract

// rule names one reading rule of the attack reader, so that a test can
// switch it off and see what it changes (TestRuleAblation). A rule earns its
// place by a pattern seen in at least two independent reports, or by a
// source's documented convention (the Air Force's report template).
type rule uint8

const (
	// figures (stage 1)
	ruleAllN           rule = iota // "all 29 drones", "all of the 35 drones": all, and a figure
	ruleCorrection                 // "had earlier said N" is superseded; "revised to N" replaces
	ruleRange                      // "40-50 drones", "between 40 and 50": at least the lower figure
	ruleNOfM                       // "N of M", "N out of (the) M", "N з M", "Of the M drones, N ...": M was launched
	ruleEllipsis                   // "27 over the Voronezh region": the class of the phrase before
	ruleUkSingular                 // "атакував балістичною ракетою": a singular noun counts one
	ruleDefiniteOne                // "destroyed the missile": a definite singular weapon counts one
	ruleLocationsAfter             // "падіння збитих (уламки) на 5.": the Air Force's locations, noun left out
	ruleDefiniteAll                // "Крилаті ракети Х-22 не досягли цілей": all of that kind launched
	// predicates (stage 2)
	ruleEitherOr     // "shot down or jammed", "збито, або подавлено": either
	ruleSingularVerb // "ракетою Х-31 не досягла цілі": a singular verb governs the phrase before it alone
	ruleInstrumental // "А також 168 ударними БпЛА": the instrumental case names what an attack used
	ruleOwnVerb      // "300 drones were stored there": a passive verb the reader does not count governs its figure
	ruleListHeader   // the Air Force's list: the header's predicate governs its items
	ruleParticiple   // "shot down 58 of 61 drones launched by Russia": launched describes
	ruleTypeSubset   // "over N of the drones were Shahed-type": a type's share
	ruleRate         // "each night", "N drones a night": a rate, cumulative
	ruleEveningStart // "з 18:00 16 вересня": a night that opens the evening before ends next day
	ruleReportTimes  // the Air Force's "станом на 08:00" and window "(з 18:00 ...)"
	ruleOngoing      // "Атака триває", "the attack is ongoing": provisional
	ruleDenial       // "denied that N missiles were downed": no figure
	ruleLaunchOrigin // "launched from Russian territory": Russia attacked
	ruleUnnumbered   // a list item naming a type without a count: class total is a lower bound
	ruleBreakdown    // "60 drones – 40 Shaheds and 20 decoys": a breakdown is counted once
	ruleIncident     // "a drone attacked a bus": a single weapon acting in one incident is no launch count
	ruleIrrealis     // "to shoot down N missiles, you need", "could intercept N", "if N drones": no count
	ruleEach         // "two each over the X and Y regions": each region's own figure
	// events (stage 3)
	ruleConflict         // another figure for a stated field, with its own time: another attack
	ruleRegionShare      // "20 over the Belgorod region": that region's share
	ruleFrontPlace       // "Над Київщиною збито 10 дронів": a place before the figures is all of theirs
	ruleSpecificSource   // "the military said ... the air force said": the body that counts wins
	ruleAdoptTime        // figures first, their night in a later sentence: one event
	ruleTemplateSource   // the Air Force's template (its window in brackets, night or day): the Air Force
	ruleAlertScene       // a city's alert ("the alert in Kyiv lasted N hours"), then its drones
	ruleCasualtyContext  // people hurt open no event unless the sentence names an attack
	ruleAsideRegions     // "the drones were destroyed over the X, Y and Z regions": the event's regions
	rulePendingSource    // "the Air Force reported it", before the figures: their source
	ruleRestate          // the same figures again (rounded, quoted, another time word): the same event
	ruleScope            // national needs a national source or the country as target; one region without them is that region's
	ruleMinistryRegions  // Russia's ministry: a region's figure with no national one beside it is the national claim
	ruleThirdCountry     // a third country's ministry, army or command (and a bare "the ministry" after it): no figures of the attack
	ruleHitsLocal        // only hits, no national source or cue: a strike on a place, not a national attack
	ruleWarScale         // a count larger than any one attack, with no time word: a total to date
	ruleIncluded         // "the figures included N ...": parts of the attack told before
	ruleAftermathRegions // "є поранені на Полтавщині": a region the attack reached, no evidence of scope
	ruleDefenceRegions   // "цілі збивали в небі над Київщиною": a region the attack reached, no evidence of scope
	// reports (stage 4)
	ruleAll    // "all were shot down": the launched figures
	ruleAllBut // "all but N were shot down": the launched figures less N
	ruleLone   // "a drone", "the missile" alone: one weapon of a story, no tally of Russia's attack
	ruleSplit  // "знешкоджено N: A збито, B локаційно втрачено": N is shot down or jammed
	// predicates (stage 2), continued
	ruleBothAnd // "збито та подавлено", "збити та подавити": the template's pair joined by "and" is either
	// events (stage 3), continued
	ruleLaunchAreas   // the Air Force's launch areas ("район пуску – X", "X – рф"): its tally, national
	ruleWrittenYear   // "у ніч на 18 березня 2024 року": the year written with the date dates the night
	ruleClosingDay    // "із 14.00 12 грудня по 10.00 13 грудня": a window into the next morning is that morning's night
	ruleCasualtyScene // "Drones attacked the city. Three people were hurt.": people hurt after the attack was named are its
	ruleLocalSource   // a governor's or mayor's sentence of its own just before or after people hurt is their source
	ruleSpeakerRegion // "у нашому небі збито 9": one regional head speaks, figures naming no place are his region's
	ruleRegionCount   // "збито 11 шахедів у 8 областях": a count of regions marks a tally of the country
	ruleNamedHead     // "начальник ОВА Сергій Тюрін ... за словами Тюріна": the surname speaks for the head's region
	ruleSpeakerAct    // "Ukraine said its air defence downed", "Russia said it fired": a state tells of its own act
	// figures (stage 1), continued
	ruleBracketShare // "over Kursk (12), Oryol (5)": a region's share in brackets after its name
	nRules
)

var ruleNames = [nRules]string{
	"all-N", "correction", "range", "N-of-M", "ellipsis", "uk-singular", "definite-one", "locations-after", "definite-all",
	"either-or", "singular-verb", "instrumental", "own-verb", "list-header", "participle", "type-subset", "rate", "evening-start",
	"report-times", "ongoing", "denial", "launch-origin", "unnumbered", "breakdown", "incident", "irrealis", "each",
	"conflict", "region-share", "front-place", "specific-source", "adopt-time", "template-source", "alert-scene", "casualty-context", "aside-regions", "pending-source", "restate", "scope", "ministry-regions",
	"third-country", "hits-local", "war-scale", "included", "aftermath-regions", "defence-regions",
	"all", "all-but", "lone", "split", "both-and", "launch-areas", "written-year", "closing-day", "casualty-scene", "local-source",
	"speaker-region", "region-count", "named-head", "speaker-act", "bracket-share",
}

func (r rule) String() string { return ruleNames[r] }

// ruleSet is the rules switched off; the zero value (and nil) has all on.
type ruleSet struct{ off uint64 }

func (rs *ruleSet) on(r rule) bool { return rs == nil || rs.off&(1<<r) == 0 }
