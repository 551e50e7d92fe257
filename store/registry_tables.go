package store

import (
	"fmt"

	"hoanhap/caseload"
)

// The synchronised tables, in load order (a table after those its records
// refer to). Columns marked personal hold names, numbers, addresses or
// free text about a person.
var registry = []*Table{
	define(Table{Name: "node", SQL: "node", Key: "id", Owner: OwnerLocal,
		Columns: []Column{col("id"), col("unit_name"), col("unit_kind"), localCol("created_at")}},
		codec[Node]{scan: scanNode}), // not loadable: every installation keeps its own identity
	define(Table{Name: "setting", SQL: "setting", Key: "key", Owner: OwnerKey, Columns: settingColumns},
		codec[settingRecord]{scan: scanSetting, args: settingArgs, keep: func(r *settingRecord) bool {
			return r.Key != settingHolidaySeed && !secretSetting(r.Key)
		}}),
	define(Table{Name: "holiday", SQL: "holiday", Key: "date", Owner: OwnerKey, Where: "source = 'user'", Columns: holidayColumns},
		codec[holidayRecord]{scan: scanHoliday, args: holidayArgs, local: []localValue{{"source", "user", true}}}),
	define(Table{Name: "mentor", SQL: "mentor", Key: "id", Owner: OwnerCreator, Columns: withMeta(mentorColumns)},
		codec[caseload.Mentor]{scan: scanMentor, args: mentorArgs}),
	define(Table{Name: "user", SQL: "app_user", Key: "id", Owner: OwnerLocal, Columns: withMeta(userColumns)},
		codec[caseload.User]{scan: scanUser, args: userArgs, local: []localValue{{"password_hash", "", false}}}),
	define(Table{Name: "person", SQL: "person", Key: "id", Owner: OwnerCreator, Columns: withMeta(personColumns)},
		codec[caseload.Person]{scan: scanPerson, args: personRowArgs}),
	define(Table{Name: "notice", SQL: "notice", Key: "id", Owner: OwnerOffice, Columns: withMeta(noticeColumns)},
		codec[caseload.Notice]{scan: scanNotice, args: errless(noticeArgs)}),
	define(Table{Name: "reception", SQL: "reception", Key: "id", Owner: OwnerCreator, Columns: withMeta(receptionColumns)},
		codec[caseload.Reception]{scan: scanReception, args: errless(receptionArgs)}),
	define(Table{Name: "assignment", SQL: "assignment", Key: "id", Owner: OwnerCreator, Columns: withMeta(assignmentColumns)},
		codec[caseload.Assignment]{scan: scanAssignment, args: errless(assignmentArgs)}),
	define(Table{Name: "visit", SQL: "visit", Key: "id", Owner: OwnerCreator, AppendOnly: true, Columns: withMeta(visitColumns)},
		codec[caseload.Visit]{scan: scanVisit, args: errless(visitArgs)}),
	define(Table{Name: "classification", SQL: "classification", Key: "id", Owner: OwnerCreator, Columns: withMeta(classificationColumns)},
		codec[caseload.Classification]{scan: scanClassification, args: errless(classificationArgs)}),
	define(Table{Name: "recidivism", SQL: "recidivism", Key: "id", Owner: OwnerCreator, Columns: withMeta(recidivismColumns)},
		codec[caseload.Recidivism]{scan: scanRecidivism, args: errless(recidivismArgs)}),
	define(Table{Name: "case_end", SQL: "case_end", Key: "id", Owner: OwnerCreator, Columns: withMeta(caseEndColumns)},
		codec[caseload.CaseEnd]{scan: scanCaseEnd, args: errless(caseEndArgs)}),
	define(Table{Name: "support", SQL: "support", Key: "id", Owner: OwnerCreator, Columns: withMeta(supportColumns)}, supCodec(supportTable)),
	define(Table{Name: "business", SQL: "business", Key: "id", Owner: OwnerCreator, Columns: withMeta(businessColumns)}, supCodec(businessTable)),
	define(Table{Name: "loan", SQL: "loan", Key: "id", Owner: OwnerCreator, Columns: withMeta(loanColumns)}, supCodec(loanTable)),
	define(Table{Name: "model", SQL: "model", Key: "id", Owner: OwnerCreator, Columns: withMeta(modelColumns)}, supCodec(modelTable)),
	define(Table{Name: "model_member", SQL: "model_member", Key: "id", Owner: OwnerCreator, Columns: withMeta(memberColumns)}, supCodec(memberTable)),
	define(Table{Name: "model_link", SQL: "model_link", Key: "id", Owner: OwnerCreator, Columns: withMeta(linkColumns)}, supCodec(linkTable)),
	define(Table{Name: "exemplary", SQL: "exemplary", Key: "id", Owner: OwnerCreator, Columns: withMeta(exemplaryColumns)}, supCodec(exemplaryTable)),
	// Transfer orders (the office's) and the old ward's release, after
	// every table of a person's case: a file carries the final state
	// before the release that names it.
	define(Table{Name: "transfer", SQL: "transfer", Key: "id", Owner: OwnerOffice, Columns: withMeta(transferColumns)},
		codec[caseload.Transfer]{scan: scanTransfer, args: errless(transferArgs)}),
	define(Table{Name: "transfer_release", SQL: "transfer_release", Key: "id", Owner: OwnerCreator, Columns: withMeta(releaseColumns)},
		codec[caseload.TransferRelease]{scan: scanRelease, args: errless(releaseArgs)}),
	// A locked report is this installation's record of the figures it sent.
	define(Table{Name: "report_lock", SQL: "report_lock", Key: "id", Owner: OwnerLocal, Columns: withMeta(reportLockColumns)},
		codec[ReportLock]{scan: scanReportLock, args: errless(reportLockArgs)}),
}

// Data columns (after the sync fields) of each table, in record order.
var (
	personColumns = []Column{
		pcol("full_name"), pcol("other_names"), col("gender"), pcol("birth_date"), pcol("citizen_id"), col("ethnicity"),
		pcol("phone"), col("hamlet"), pcol("address"), col("education"), col("occupation"), col("employed_before"),
		col("offense"), col("criminal_code_articles"), col("offense_chapter"), col("offense_severity"), col("negligent"),
		col("juvenile"), col("age_at_offense"),
		{Name: "judgment_number", JSON: "judgment.number", Personal: true}, jcol("judgment_date", "judgment.date"),
		jcol("judgment_court", "judgment.court"), col("sentence_kind"), col("sentence_months"),
		col("supplementary"), jcol("civil_amount", "civil_obligations.amount"), jcol("civil_none", "civil_obligations.none"),
		jcol("civil_settled_on", "civil_obligations.settled_on"),
		col("facility"), col("release_kind"), pcol("certificate_no"), col("completed_on"), col("returned_on"), col("reported_on"),
		col("status"), col("end_reason"), jcol("end_decision_number", "end_decision.number"),
		jcol("end_decision_date", "end_decision.date"), jcol("grp", "group"),
		col("expunged_on"), col("expunge_method"), col("court_refusals"), col("new_conviction_on"), pcol("notes"),
	}
	noticeColumns = []Column{
		col("person_id"), col("sender"), col("number"), col("notice_date"), col("expected_release"), col("report_by"),
		col("address_check"), col("address_checked_on"), pcol("new_address"), col("sender_answered_on"),
		col("family_checked_on"), pcol("family_check_note"), col("upward_report_on"), pcol("notes"), col("ward"),
	}
	receptionColumns = []Column{
		col("person_id"), col("session_date"), col("officer"), col("minutes_done"), col("info_sheet_done"),
		col("counselling_done"), col("guidance"), col("file_opened_on"), pcol("notes"),
	}
	mentorColumns = []Column{
		col("kind"), pcol("name"), col("organisation"), col("position"), pcol("phone"), pcol("address"), col("active"), pcol("notes"),
	}
	assignmentColumns = []Column{
		col("person_id"), col("mentor_id"), jcol("decision_number", "decision.number"), jcol("decision_date", "decision.date"),
		jcol("from_date", "from"), jcol("to_date", "to"), col("change_reason"), pcol("handover"),
	}
	visitColumns = []Column{
		col("person_id"), col("date"), col("author_kind"), col("author_name"), col("mentor_id"), col("kind"),
		pcol("employment"), pcol("income"), pcol("family"), pcol("health"), pcol("attitude"), pcol("risks"),
		pcol("help_needed"), pcol("help_given"), col("next_planned"), col("supersedes"), pcol("notes"),
	}
	classificationColumns = []Column{
		col("person_id"), col("quarter"), jcol("grp", "group"), pcol("reason"), jcol("classified_by", "by"), jcol("classified_on", "on"),
	}
	recidivismColumns = []Column{
		col("person_id"), col("date"), col("offense"), {Name: "judgment_number", JSON: "judgment.number", Personal: true},
		jcol("judgment_date", "judgment.date"), jcol("judgment_court", "judgment.court"), pcol("notes"), col("offense_on"),
	}
	caseEndColumns = []Column{
		col("person_id"), col("reason"), jcol("proposal_number", "proposal.number"), jcol("proposal_date", "proposal.date"),
		jcol("decision_number", "decision.number"), jcol("decision_date", "decision.date"), pcol("destination"), pcol("notes"),
	}
	// userColumns: the password hash never leaves the store.
	userColumns = []Column{
		col("name"), col("display_name"), col("role"), col("mentor_id"), col("active"), localCol("password_hash"),
	}
	supportColumns = []Column{
		col("person_id"), col("kind"), col("date"), col("provider"), pcol("outcome"), col("amount"), col("employer"),
		col("income"), col("ended_on"), pcol("notes"),
	}
	businessColumns = []Column{
		col("name"), col("address"), pcol("representative"), pcol("phone"), col("workers"), col("returnee_workers"),
		col("income_notes"), col("notes"),
	}
	loanColumns = []Column{
		col("borrower_kind"), col("person_id"), col("business_id"), col("amount"), col("purpose"), col("training_months"),
		col("bank_branch"), col("requested_on"), col("list_date"), col("disbursed_on"), col("term_months"), col("status"), pcol("notes"),
	}
	modelColumns = []Column{
		col("name"), col("type"), col("lead_org"), jcol("decision_number", "decision.number"), jcol("decision_date", "decision.date"),
		col("started_on"), col("status"), col("recognized_by"), col("recognized_on"), col("notes"),
	}
	memberColumns = []Column{
		col("model_id"), pcol("name"), col("role"), col("organisation"), pcol("phone"),
	}
	linkColumns = []Column{
		col("kind"), col("from_id"), col("to_id"), col("since"), pcol("notes"),
	}
	exemplaryColumns = []Column{
		col("person_id"), col("recognition"), col("recognized_by"), col("recognized_on"), pcol("story"),
	}
	reportLockColumns = []Column{
		col("kind"), col("period_from"), col("period_to"), col("figures"), col("hash"), col("locked_on"),
	}
	// settingColumns: the key is the record id, in the place of id.
	settingColumns = []Column{
		col("key"), col("owner"), col("ver"), col("updated_at"), col("updated_by"), col("hlc"), col("deleted"), col("value"),
	}
	// holidayColumns: the date is the record id; source tells the
	// built-in calendar from the user's rows (only these are records).
	holidayColumns = []Column{
		col("date"), col("owner"), col("ver"), col("updated_at"), col("updated_by"), col("hlc"), col("deleted"),
		col("name"), col("kind"), localCol("source"),
	}
)

// errless adapts an args function that cannot fail.
func errless[T any](f func(*T) []any) func(*T) ([]any, error) {
	return func(r *T) ([]any, error) { return f(r), nil }
}

// supCodec is the codec of a table described by a supTable.
func supCodec[T any](t supTable[T]) codec[T] {
	return codec[T]{
		scan: func(r rowScanner) (T, error) { return t.scan(r) },
		args: func(r *T) ([]any, error) { return append(metaArgs(*t.meta(r)), t.args(r)...), nil },
	}
}

func scanNode(r rowScanner) (Node, error) {
	var n Node
	err := r.Scan(&n.ID, &n.UnitName, &n.UnitKind)
	return n, err
}

// personRowArgs returns the values of every person column (sync fields
// first).
func personRowArgs(p *caseload.Person) ([]any, error) {
	data, err := personArgs(p)
	if err != nil {
		return nil, err
	}
	return append(metaArgs(p.Meta), data...), nil
}

func mentorArgs(m *caseload.Mentor) ([]any, error) {
	return append(metaArgs(m.Meta), string(m.Kind), m.Name, string(m.Organisation), m.Position,
		m.Phone, m.Address, m.Active, m.Notes), nil
}

func userArgs(u *caseload.User) ([]any, error) {
	return append(metaArgs(u.Meta), u.Name, u.DisplayName, string(u.Role), u.MentorID, u.Active), nil
}

func assignmentArgs(a *caseload.Assignment) []any {
	return append(metaArgs(a.Meta), a.PersonID, a.MentorID, a.Decision.Number, a.Decision.Date.String(),
		a.From.String(), a.To.String(), a.ChangeReason, a.Handover)
}

func visitArgs(q *caseload.Visit) []any {
	return append(metaArgs(q.Meta), q.PersonID, q.Date.String(), string(q.AuthorKind), q.AuthorName, q.MentorID,
		string(q.Kind), q.Employment, q.Income, q.Family, q.Health, q.Attitude, q.Risks, q.HelpNeeded,
		q.HelpGiven, q.NextPlanned.String(), q.Supersedes, q.Notes)
}

func classificationArgs(q *caseload.Classification) []any {
	return append(metaArgs(q.Meta), q.PersonID, q.Quarter, string(q.Group), q.Reason, q.By, q.On.String())
}

func recidivismArgs(q *caseload.Recidivism) []any {
	return append(metaArgs(q.Meta), q.PersonID, q.Date.String(), q.Offense, q.Judgment.Number,
		q.Judgment.Date.String(), q.Judgment.Court, q.Notes, q.OffenseOn.String())
}

func caseEndArgs(c *caseload.CaseEnd) []any {
	return append(metaArgs(c.Meta), c.PersonID, string(c.Reason), c.Proposal.Number, c.Proposal.Date.String(),
		c.Decision.Number, c.Decision.Date.String(), c.Destination, c.Notes)
}

func reportLockArgs(l *ReportLock) []any {
	return append(metaArgs(l.Meta), l.Kind, l.From.String(), l.To.String(), l.Figures, l.Hash, l.LockedOn.String())
}

// settingRecord is one setting as a record: its key is also its id.
type settingRecord struct {
	caseload.Meta
	Key   string `json:"key"`
	Value string `json:"value"`
}

func scanSetting(r rowScanner) (settingRecord, error) {
	var x settingRecord
	dst, after := metaScan(&x.Meta)
	err := r.Scan(append(dst, &x.Value)...)
	after()
	x.Key = x.ID
	return x, err
}

func settingArgs(x *settingRecord) ([]any, error) {
	m := x.Meta
	m.ID = keyOr(x.Key, m.ID)
	return append(metaArgs(m), x.Value), nil
}

// holidayRecord is one user-edited holiday row as a record: its date is
// also its id; a built-in holiday the user removed is a deleted record.
type holidayRecord struct {
	caseload.Meta
	Date string `json:"date"`
	Name string `json:"name"`
	Kind string `json:"kind"`
}

func scanHoliday(r rowScanner) (holidayRecord, error) {
	var h holidayRecord
	dst, after := metaScan(&h.Meta)
	err := r.Scan(append(dst, &h.Name, &h.Kind)...)
	after()
	h.Date = h.ID
	return h, err
}

func holidayArgs(h *holidayRecord) ([]any, error) {
	m := h.Meta
	m.ID = keyOr(h.Date, m.ID)
	if _, err := caseload.ParseDate(m.ID); err != nil || m.ID == "" {
		return nil, fmt.Errorf("holiday date %q is not a date", m.ID)
	}
	return append(metaArgs(m), h.Name, h.Kind), nil
}

// keyOr returns the natural key of a record, else its id.
func keyOr(key, id string) string {
	if key != "" {
		return key
	}
	return id
}
