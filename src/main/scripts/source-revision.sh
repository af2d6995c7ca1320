#!/usr/bin/env bash
# Writes the source revision the build was made from (第9章1(4) handover: the next contractor must know which
# commit the running jar came from). Usage: source-revision.sh <output .properties file> <project directory>.
# Without git or outside a repository (a source archive) the revision is written as "unknown", never a failed build.
set -u
out="$1"
dir="$2"
mkdir -p "$(dirname "$out")"
commit=unknown; branch=unknown; committed=unknown; dirty=unknown; describe=unknown
if command -v git >/dev/null 2>&1 && git -C "$dir" rev-parse --git-dir >/dev/null 2>&1; then
  commit=$(git -C "$dir" rev-parse HEAD 2>/dev/null || echo unknown)
  branch=$(git -C "$dir" rev-parse --abbrev-ref HEAD 2>/dev/null || echo unknown)
  committed=$(git -C "$dir" log -1 --format=%cI 2>/dev/null || echo unknown)
  describe=$(git -C "$dir" describe --always --tags 2>/dev/null || echo unknown)
  if git -C "$dir" diff --quiet HEAD -- 2>/dev/null; then dirty=false; else dirty=true; fi
fi
{
  echo "# Source revision of this build (written by src/main/scripts/source-revision.sh)"
  echo "git.commit.id=$commit"
  echo "git.branch=$branch"
  echo "git.commit.time=$committed"
  echo "git.describe=$describe"
  echo "git.dirty=$dirty"
  echo "build.time=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
} > "$out"
