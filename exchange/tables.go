package exchange

// flow says which way a synchronised table's records travel.
type flow int

const (
	fromWard   flow = iota + 1 // a ward sends the records it owns to its office
	fromOffice                 // the office sends its records to every ward
	held                       // does not travel yet (why says why)
)

// tableFlows decides, for every table the store's registry marks as
// exchanged, which way its records travel. A table added to the registry
// without an entry here fails TestEveryExchangedTableHasAFlow, so that no
// synchronised table is forgotten by sync.
var tableFlows = map[string]struct {
	flow flow
	why  string
}{
	"mentor":         {fromWard, ""},
	"person":         {fromWard, ""},
	"reception":      {fromWard, ""},
	"assignment":     {fromWard, ""},
	"visit":          {fromWard, ""},
	"classification": {fromWard, ""},
	"recidivism":     {fromWard, ""},
	"case_end":       {fromWard, ""},
	"support":        {fromWard, ""},
	"business":       {fromWard, ""},
	"loan":           {fromWard, ""},
	"model":          {fromWard, ""},
	"model_member":   {fromWard, ""},
	"model_link":     {fromWard, ""},
	"exemplary":      {fromWard, ""},
	"holiday":        {fromOffice, ""},
	"setting":        {held, "the settings are this installation's own (language, the ward's hamlets)"},
	"notice":         {held, "a prison notice must go to one ward only; it travels once notices name their ward"},
}
