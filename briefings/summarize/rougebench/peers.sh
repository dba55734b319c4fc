#!/bin/sh
# Lays out the two peer summarizers' sources under /tmp/sitrep-rougebench-peers,
# outside the work tree, so that go.mod's replace directives find them. The module proxy does not serve them here, so
# they come from git snapshots of their public repositories:
#   github.com/DavidBelicza/TextRank (v2) and github.com/didasy/tldr.
# PEERS_MIRROR names a folder holding <owner>+<name>/repo git directories
# (default /work/.mirror).
set -eu
cd "$(dirname "$0")"
mirror=${PEERS_MIRROR:-/work/.mirror}
for pair in "DavidBelicza+TextRank:TextRank" "didasy+tldr:tldr"; do
	src=${pair%%:*}
	dst=/tmp/sitrep-rougebench-peers/${pair#*:}
	git_dir=$mirror/$src/repo
	if [ ! -d "$git_dir" ]; then
		echo "peers.sh: $git_dir missing: fetch the repository snapshot first" >&2
		exit 1
	fi
	rm -rf "$dst"
	mkdir -p "$dst"
	git --git-dir="$git_dir" archive HEAD | tar -x -C "$dst"
	echo "peers.sh: $dst from $(git --git-dir="$git_dir" rev-parse HEAD)"
done
