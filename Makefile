# sitrep developer tasks. `make test` is the one command that runs every test.
GO ?= go
EMULATOR_DIR := bot/telegram/testdata/emulator

STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: test build run-demo bench vet tidy-check staticcheck emulator

# Installs the Telegram Bot API emulator (npm, pinned by package-lock.json) for
# the end-to-end tests, checks go.mod and go.sum are tidy, vets, runs
# staticcheck, then runs the whole suite. PostgreSQL contract tests run when
# SITREP_TEST_POSTGRES_URL is set (CI sets it).
test: emulator tidy-check staticcheck
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 30m ./...

# Fails (printing the difference) when `go mod tidy` would change go.mod or go.sum.
tidy-check:
	$(GO) mod tidy -diff

# staticcheck at a pinned version, fetched by the Go toolchain through the
# module proxy (nothing to install by hand).
staticcheck:
	$(GO) run $(STATICCHECK) ./...

emulator:
	npm ci --prefix $(EMULATOR_DIR) --no-audit --no-fund --loglevel=error

build:
	$(GO) build -o bin/sitrep ./cmd/sitrep

run-demo:
	$(GO) run ./cmd/sitrep run --demo

vet:
	$(GO) vet ./...

# Benchmarks (figures in the issue notes come from these).
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
