package store

import (
	"context"
	"testing"

	"hoanhap/caseload"
)

// TestBatchesRefuseDeletedPerson: every batch writer refuses a record
// about a deleted person (a tombstone is not a live person), names its
// position, and writes nothing, not even the valid record before it.
func TestBatchesRefuseDeletedPerson(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	live := svManaged(t, s, "Nguyễn Văn An", caseload.D(2026, 6, 1))
	gone := svManaged(t, s, "Trần Văn Bảo", caseload.D(2026, 6, 1))
	m := svMentor(t, s, "Chị Lý Thị Hạnh")
	if err := s.DeletePerson(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	// For SavePeople: an update of the deleted person at its tombstone's version.
	tomb := clonePerson(gone)
	tomb.Ver = svCount(t, s, `SELECT ver FROM person WHERE id = ?`, gone.ID)
	tomb.Notes = "sửa người đã xóa"

	rec := func(p caseload.Person) caseload.Reception {
		return caseload.Reception{PersonID: p.ID, SessionDate: caseload.D(2026, 6, 5), Officer: "Thượng úy Lê Văn Hải",
			CounsellingDone: true}
	}
	asg := func(p caseload.Person) caseload.Assignment {
		return caseload.Assignment{PersonID: p.ID, MentorID: m.ID, From: caseload.D(2026, 6, 6),
			Decision: caseload.Decision{Number: "12/QĐ-UBND", Date: caseload.D(2026, 6, 6)}}
	}
	note := func(p caseload.Person) caseload.Notice {
		return caseload.Notice{PersonID: p.ID, Sender: "Trại giam Ba Sao", NoticeDate: caseload.D(2026, 6, 1),
			ExpectedRelease: caseload.D(2026, 8, 1)}
	}
	cl := func(p caseload.Person) caseload.Classification {
		return caseload.Classification{PersonID: p.ID, Quarter: "2026-Q2", Group: caseload.GroupB, Reason: "chấp hành tốt",
			On: caseload.D(2026, 7, 6)}
	}
	sup := func(p caseload.Person) caseload.Support {
		return caseload.Support{PersonID: p.ID, Kind: caseload.SupportCounselling, Date: caseload.D(2026, 6, 10), Provider: "Hội Phụ nữ"}
	}
	loan := func(p caseload.Person) caseload.Loan {
		return caseload.Loan{BorrowerKind: caseload.BorrowerPerson, PersonID: p.ID, Purpose: caseload.PurposeBusiness,
			Amount: 50_000_000, RequestedOn: caseload.D(2026, 7, 1), TermMonths: 36, Status: caseload.LoanRequested}
	}
	fresh := testPerson("Phạm Văn Cường", caseload.Male, 1980, "")

	for _, c := range []struct {
		name string
		pos  string
		want func(error) bool
		run  func() error
	}{
		{"SavePeople", "person 2", isErr(ErrNotFound), func() error {
			return s.SavePeople(ctx, []caseload.Person{fresh, tomb})
		}},
		{"RecordReceptions", "reception 2", isErr(ErrNotFound), func() error {
			return s.RecordReceptions(ctx, []caseload.Reception{rec(live), rec(gone)})
		}},
		{"AssignMany", "assignment 2", isErr(ErrNotFound), func() error {
			return s.AssignMany(ctx, []caseload.Assignment{asg(live), asg(gone)})
		}},
		{"AddNotices", "notice 2", isErr(ErrNotFound), func() error {
			return s.AddNotices(ctx, []caseload.Notice{note(live), note(gone)})
		}},
		{"AddVisits", "visit 2", isErr(ErrNotFound), func() error {
			return s.AddVisits(ctx, []caseload.Visit{svVisit(live, caseload.D(2026, 7, 1), caseload.VisitHome),
				svVisit(gone, caseload.D(2026, 7, 1), caseload.VisitHome)})
		}},
		{"ClassifyMany", "classification 2", isErr(ErrNotFound), func() error {
			return s.ClassifyMany(ctx, []caseload.Classification{cl(live), cl(gone)})
		}},
		{"SaveSupports", "support 2", isValidation, func() error {
			return s.SaveSupports(ctx, []caseload.Support{sup(live), sup(gone)})
		}},
		{"SaveLoans", "loan 2", isValidation, func() error {
			return s.SaveLoans(ctx, []caseload.Loan{loan(live), loan(gone)})
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := batchSnapshot(t, s)
			checkAborted(t, s, c.run(), c.pos, c.want, before)
			if p, err := s.Person(ctx, live.ID); err != nil || p.Ver != live.Ver || p.Group != "" {
				t.Errorf("live person changed: %+v, %v", p.Meta, err)
			}
			if n := svCount(t, s, `SELECT ver FROM person WHERE id = ?`, gone.ID); n != tomb.Ver {
				t.Errorf("deleted person's version %d, want %d", n, tomb.Ver)
			}
			if n := svCount(t, s, `SELECT deleted FROM person WHERE id = ?`, gone.ID); n != 1 {
				t.Errorf("deleted person brought back")
			}
		})
	}
}
