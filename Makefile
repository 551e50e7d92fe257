# Hòa Nhập — build, run and test.
#   make run            build and start the app (installs missing apt packages first)
#   make run DEMO=1     start with the demo ward
#   make test           vet + all tests, headless (no display, no cgo)
#   make windows        cross-build hoanhap.exe and hoanhap-cli.exe with mingw-w64
#   make installer      bin/HoaNhap-<version>.msi (wixl; signed when HOANHAP_SIGN_* is set)
#   make wine-test      install the .msi under Wine and run the Windows CLI scenarios
#   make wine-gui       the .exe under Wine + Xvfb: smoke test, screenshot, Vietnamese typing
#   make screenshots    run the real GUI under Xvfb and save PNGs to docs/screenshots/
#   make bench          the office-scale benchmarks recorded in BENCHMARKS.md

GO      ?= $(shell command -v go || echo "$$(sh scripts/install-go.sh)/go")
VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -X main.Version=$(VERSION)
TAGS    := migrated_fynedo
BIN     := bin
ARGS    ?=
ifdef DEMO
ARGS += --demo
endif
ifdef DATA
ARGS += --data "$(DATA)"
endif

.PHONY: all run deps build cli test vet windows installer wine-test wine-gui screenshots smoke bench clean

all: build cli

deps:
	@sh scripts/install-deps.sh

build: deps
	CGO_ENABLED=1 $(GO) build -tags $(TAGS) -trimpath -ldflags "$(LDFLAGS)" -o $(BIN)/hoanhap ./cmd/hoanhap

cli:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "$(LDFLAGS)" -o $(BIN)/hoanhap-cli ./cmd/hoanhap-cli

run: build
	./$(BIN)/hoanhap $(ARGS)

vet:
	@unformatted=$$(gofmt -l .); if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	CGO_ENABLED=0 $(GO) vet -tags ci,$(TAGS) ./...
	CGO_ENABLED=0 GOOS=windows $(GO) vet ./tools/typetest/ ./ui/typing/

test: vet
	CGO_ENABLED=0 LANG=C.UTF-8 $(GO) test -tags ci,$(TAGS) -count=1 ./...

# The Windows resource (icon, version, manifest) is generated into the main
# package as a .syso, which the Go linker picks up for GOOS=windows only.
WINENV := CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc
windows:
	@sh scripts/install-deps.sh all
	$(GO) run github.com/josephspurrier/goversioninfo/cmd/goversioninfo@v1.5.0 -64 \
		-icon=assets/icon.ico -manifest=assets/windows/hoanhap.manifest \
		-product-version=$(VERSION) -ver-major=0 \
		-o cmd/hoanhap/rsrc_windows_amd64.syso assets/windows/versioninfo.json
	$(WINENV) $(GO) build -tags $(TAGS) -trimpath -ldflags "$(LDFLAGS) -H=windowsgui -s -w" -o $(BIN)/hoanhap.exe ./cmd/hoanhap
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build -trimpath -ldflags "$(LDFLAGS) -s -w" -o $(BIN)/hoanhap-cli.exe ./cmd/hoanhap-cli

# The installer and the Wine tests: see docs/TESTING.md.
installer: windows
	sh scripts/installer.sh $(VERSION)

wine-test: installer cli
	sh scripts/wine-test.sh

wine-gui: installer
	GO="$(GO)" sh scripts/wine-gui.sh

screenshots: build cli
	@sh scripts/install-deps.sh all
	GO="$(GO)" sh scripts/screenshots.sh

smoke: build
	@sh scripts/install-deps.sh all
	sh scripts/smoke.sh

bench:
	CGO_ENABLED=0 $(GO) test -tags ci,$(TAGS) -run '^$$' -bench . -benchtime 20x -timeout 60m ./store/ ./caseload/ ./i18n/

clean:
	rm -rf $(BIN) cmd/hoanhap/*.syso
