package history

import "strings"

// Heads: what a weapon model counts as in briefings.Counts.
const (
	headDrone   = "drone"
	headMissile = "missile"
	headBomb    = "bomb"
)

// Missile classes, the by_type keys the attack reader uses.
const (
	classBallistic  = "ballistic"
	classCruise     = "cruise"
	classHypersonic = "hypersonic"
	classAntiShip   = "anti_ship"
	classAntiRadar  = "anti_radar"
	classGuidedBomb = "guided_bomb"
)

// weapon is what one model name of the data set means: its head (drone,
// missile, bomb), the type name the attack reader gives it ("" when the data
// set names no type, as for "Unknown UAV"), and the missile class.
type weapon struct {
	head  string
	name  string
	class string
}

// weapons maps the data set's model names, lower-cased, to weapons. The
// names are the data set's vocabulary (Latin "X-" for Kh- missiles, Latin
// "C-" for the S-300/S-400, a few drones written in Cyrillic); type names and
// classes follow the attack reader's lexicon so a chart or a trend counts a
// data-set row and a report read from text alike.
var weapons = map[string]weapon{
	// attack and decoy drones
	"shahed-136/131": {headDrone, "Shahed", ""},
	"unknown uav":    {headDrone, "", ""},
	"lancet":         {headDrone, "Lancet", ""},
	"молнія":         {headDrone, "Molniya", ""},
	"kub":            {headDrone, "KUB", ""},
	"granat-4":       {headDrone, "Granat-4", ""},
	"фенікс":         {headDrone, "Feniks", ""},
	// reconnaissance drones
	"reconnaissance uav": {headDrone, "", ""},
	"orlan-10":           {headDrone, "Orlan-10", ""},
	"orlan-30":           {headDrone, "Orlan-30", ""},
	"supercam":           {headDrone, "Supercam", ""},
	"zala":               {headDrone, "ZALA", ""},
	"merlin-vr":          {headDrone, "Merlin-VR", ""},
	"eleron":             {headDrone, "Eleron", ""},
	"картограф":          {headDrone, "Kartograf", ""},
	"привет-82":          {headDrone, "Privet-82", ""},
	"orion":              {headDrone, "Orion", ""},
	"forpost":            {headDrone, "Forpost", ""},
	"mohajer-6":          {headDrone, "Mohajer-6", ""},
	// ballistic missiles
	"iskander-m":                         {headMissile, "Iskander-M", classBallistic},
	"iskander-m/kn-23":                   {headMissile, "Iskander-M/KN-23", classBallistic},
	"kn-23":                              {headMissile, "KN-23", classBallistic},
	"c-300":                              {headMissile, "S-300", classBallistic},
	"c-400":                              {headMissile, "S-400", classBallistic},
	"c-300/c-400":                        {headMissile, "S-300/S-400", classBallistic},
	"ballistic missile":                  {headMissile, "", classBallistic},
	"intercontinental ballistic missile": {headMissile, "", classBallistic},
	// cruise missiles
	"x-101/x-555": {headMissile, "Kh-101/Kh-55", classCruise},
	"kalibr":      {headMissile, "Kalibr", classCruise},
	"iskander-k":  {headMissile, "Iskander-K", classCruise},
	"x-22":        {headMissile, "Kh-22", classCruise},
	"x-32":        {headMissile, "Kh-32", classCruise},
	"x-59":        {headMissile, "Kh-59/69", classCruise},
	"x-69":        {headMissile, "Kh-59/69", classCruise},
	"x-59/x-69":   {headMissile, "Kh-59/69", classCruise},
	"x-59mk2":     {headMissile, "Kh-59/69", classCruise},
	"banderol":    {headMissile, "Banderol", classCruise},
	// other missiles
	"x-47 kinzhal":    {headMissile, "Kinzhal", classHypersonic},
	"3m22 zircon":     {headMissile, "Zircon", classAntiShip},
	"p-800 oniks":     {headMissile, "Oniks", classAntiShip},
	"x-35":            {headMissile, "Kh-35", classAntiShip},
	"x-31":            {headMissile, "Kh-31", classAntiRadar},
	"x-31p":           {headMissile, "Kh-31", classAntiRadar},
	"x-31pd":          {headMissile, "Kh-31", classAntiRadar},
	"unknown missile": {headMissile, "", ""},
	// bombs: kept as a type, outside the drone and missile totals
	"gbu":         {headBomb, "", classGuidedBomb},
	"aerial bomb": {headBomb, "", classGuidedBomb},
}

// resolve maps a model cell to one weapon. A cell that joins models with
// " and " ("X-101/X-555 and Kalibr") counts them together: the result has the
// head they share and the class they share ("" when they differ), and no type
// name. ok is false when a part is unknown or the parts mix heads (a drone
// and a missile counted as one figure fits neither total).
func resolve(model string) (w weapon, ok bool) {
	for i, p := range strings.Split(model, " and ") {
		pw, found := weapons[strings.ToLower(strings.TrimSpace(p))]
		switch {
		case !found:
			return weapon{}, false
		case i == 0:
			w = pw
		case pw.head != w.head:
			return weapon{}, false
		default:
			if pw.class != w.class {
				w.class = ""
			}
			w.name = ""
		}
	}
	return w, w.head != ""
}
