package extract

// The attack reader works in four stages, one file each, run by attacks.go:
//
//	mentions.go   find the figure mentions of a sentence: a number and the phrase
//	              it counts ("112 strike and decoy drones", "both missiles", "58 out
//	              of 59", "двома балістичними ракетами")
//	counts.go     decide what each counts: launched, intercepted, jammed, either,
//	              not reached, hit (cues.go holds the predicates that say it)
//	attach.go     attach the counted figures to attack events: who attacked whom,
//	              the night or day and its window, the time of the count, national,
//	              regional or cumulative scope, the source
//	reconcile.go  turn each event's figures into a briefings.AttackReport: a header
//	              total and the breakdown under it counted once, class totals from
//	              types, lower bounds where a type is named without a count
//
// This file names the vocabulary the stages share.

// outcome is what a figure counts: what happened to the weapons, or to people.
type outcome uint8

const (
	outNone        outcome = iota
	outLaunched            // launched, fired, used, detected
	outIntercepted         // shot down, destroyed
	outJammed              // lost to electronic warfare, "locationally lost"
	outCombined            // shot down or jammed, not told apart ("збито/подавлено")
	outHit                 // hit their targets
	outDebris              // debris fell (locations)
	outNotReached          // did not reach their targets
	outIgnored             // a predicate that counts none of these ("failed to stop")
	outKilled
	outInjured
)

// people reports whether the outcome counts people.
func (o outcome) people() bool { return o == outKilled || o == outInjured }

// class is the class of the thing a phrase counts, from its head noun.
type class uint8

const (
	classNone     class = iota
	classDrone          // drones, UAVs, БпЛА, Shaheds
	classMissile        // missiles, rockets, ракети
	classMixed          // "means of air attack", "targets", "aerial weapons"
	classBomb           // guided bombs
	classLocation       // "at 6 locations"
	classPerson         // casualties
)

// weapon reports whether the class counts weapons.
func (c class) weapon() bool {
	return c == classDrone || c == classMissile || c == classMixed || c == classBomb
}

// missileClass is a missile class; its values are by_type keys of the JSON.
type missileClass string

const (
	mBallistic  missileClass = "ballistic"
	mCruise     missileClass = "cruise"
	mHypersonic missileClass = "hypersonic"
	mAntiShip   missileClass = "anti_ship"
	mAntiRadar  missileClass = "anti_radar"
	mGuided     missileClass = "guided" // the Air Force's "керовані авіаційні ракети"
	mAntiAir    missileClass = "anti_aircraft"
	mRocket     missileClass = "rocket"
)

// missileClasses in the order their figures are summed into a missile total.
var missileClasses = [...]missileClass{mBallistic, mCruise, mHypersonic, mAntiShip, mAntiRadar, mGuided, mAntiAir, mRocket}

// qualifier says how exact a figure is; its values are those of the JSON's
// qualifiers map.
type qualifier string

const (
	qNone     qualifier = ""
	qMoreThan qualifier = "more_than"
	qAtLeast  qualifier = "at_least"
	qAtMost   qualifier = "at_most"
	qUpTo     qualifier = "up_to"
	qLessThan qualifier = "less_than"
	qAbout    qualifier = "about"
	qNearly   qualifier = "nearly"
)

// lowerBound reports whether the true figure may be larger than the one stated.
func (q qualifier) lowerBound() bool { return q == qMoreThan || q == qAtLeast }

// period is when an attack took place; its values are the JSON's.
type period string

const (
	periodNone       period = ""
	periodOvernight  period = "overnight"
	periodDay        period = "day"
	period24h        period = "24h"
	periodCumulative period = "cumulative"
)

// side is who attacked: Russia or Ukraine, as the JSON codes them.
type side string

const (
	sideNone side = ""
	sideRU   side = "RU"
	sideUA   side = "UA"
)

// other is the side attacked.
func (s side) other() side {
	if s == sideUA {
		return sideRU
	}
	return sideUA
}

// source is who gave the figures; its values are the JSON's.
type source string

const (
	srcNone     source = ""
	srcAirForce source = "Ukraine's Air Force"
	srcRUMoD    source = "Russia's Defence Ministry"
	srcGenStaff source = "Ukraine's General Staff"
	srcMilitary source = "Ukraine's military"
	srcGovernor source = "regional governor"
	srcMayor    source = "mayor"
	srcOfficial source = "Ukrainian officials"
	// srcThird is a third country's authorities (a neighbour's ministry,
	// army or command): never a source of the attack's figures.
	srcThird source = "a third country's authorities"
)

// regional reports whether the source speaks for one region.
func (s source) regional() bool { return s == srcGovernor || s == srcMayor }
