# sitrep developer tasks. `make test` is the one command that runs every test.
GO ?= go
EMULATOR_DIR := bot/telegram/testdata/emulator

.PHONY: test build run-demo bench vet emulator

# Installs the Telegram Bot API emulator (npm, pinned by package-lock.json) for
# the end-to-end tests, then runs the whole suite. PostgreSQL contract tests run
# when SITREP_TEST_POSTGRES_URL is set (CI sets it).
test: emulator
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 30m ./...

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
