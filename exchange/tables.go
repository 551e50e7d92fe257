package exchange

// flow says which way a synchronised table's records travel.
type flow int

const (
	fromWard   flow = iota + 1 // a ward sends the records it owns to its office
	fromOffice                 // the office sends its records to every ward
	toWard                     // the office's records for one ward: they travel to that ward only
	held                       // does not travel yet (why says why)
)

// tableFlows decides, for every table the store's registry marks as
// exchanged, which way its records travel. A ward sends the records it
// owns and wrote; the office sends its calendar to every ward, its
// notices and transfer orders to the wards they name, and the ward-owned
// records it wrote itself (a person handed over by a transfer, or created
// with a notice for the ward) to the ward that owns them. A table added to the registry
// without an entry here fails TestEveryExchangedTableHasAFlow, so that no
// synchronised table is forgotten by sync.
var tableFlows = map[string]struct {
	flow flow
	why  string
}{
	"mentor":           {fromWard, ""},
	"person":           {fromWard, ""},
	"reception":        {fromWard, ""},
	"assignment":       {fromWard, ""},
	"visit":            {fromWard, ""},
	"classification":   {fromWard, ""},
	"recidivism":       {fromWard, ""},
	"case_end":         {fromWard, ""},
	"support":          {fromWard, ""},
	"business":         {fromWard, ""},
	"loan":             {fromWard, ""},
	"model":            {fromWard, ""},
	"model_member":     {fromWard, ""},
	"model_link":       {fromWard, ""},
	"exemplary":        {fromWard, ""},
	"holiday":          {fromOffice, ""},
	"setting":          {held, "the settings are this installation's own (language, the ward's hamlets)"},
	"notice":           {toWard, ""}, // the office's notices, each to the ward it names
	"transfer":         {toWard, ""}, // the office's orders, to the old and the new ward
	"transfer_release": {fromWard, ""},
}
