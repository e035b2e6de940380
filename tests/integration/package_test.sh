#!/usr/bin/env bash
# The Debian package: cpack builds ttsgen_<version>_amd64.deb from this build tree; its control
# fields and contents are what docs/packaging.md says; unpacked into a temporary root (dpkg-deb -x)
# the installed binary runs and renders the same bytes as the build; lintian reports no error and
# no warning (findings we keep are overridden in the package, each justified in docs/packaging.md).
# Usage: package_test.sh BUILD_DIR
set -uo pipefail
build="$(realpath "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
ok() { echo "ok   $1"; }
fail() { echo "FAIL: $1"; failures=$((failures + 1)); }

cpack --config "$build/CPackConfig.cmake" -B "$work/out" > "$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; echo "FAIL: cpack"; exit 1; }
version="$("$build/ttsgen" --version | awk '{print $2}')"
deb="$work/out/ttsgen_${version}_amd64.deb"
[ -f "$deb" ] && ok "cpack wrote $(basename "$deb") ($(stat -c %s "$deb") bytes)" || { ls "$work/out"; fail "no $deb"; exit 1; }

info="$(dpkg-deb -f "$deb")"
echo "$info" | sed 's/^/     /'
depends="$(dpkg-deb -f "$deb" Depends)"
# Debian 12's runtime packages of the libraries the binary links (dpkg-shlibdeps).
names="$(sed 's/ *([^)]*)//g; s/, */\n/g' <<<"$depends")"
for lib in libc6 libstdc++6 libgcc-s1 libyaml-cpp0.7 libyaml-0-2 libfmt9 libspdlog1.10-fmt9; do
  grep -qxF "$lib" <<<"$names" && ok "depends on $lib" || fail "Depends lacks $lib: $depends"
done
extra="$(grep -vxF -e libc6 -e libstdc++6 -e libgcc-s1 -e libyaml-cpp0.7 -e libyaml-0-2 -e libfmt9 -e libspdlog1.10-fmt9 <<<"$names")"
[ -z "$extra" ] && ok "depends on nothing else" || fail "unexpected dependencies: $extra"
[ "$(dpkg-deb -f "$deb" Architecture)" = amd64 ] && ok "architecture amd64" || fail "architecture"

contents="$(dpkg-deb -c "$deb" | awk '{print $6}')"
for f in ./usr/bin/ttsgen ./usr/share/man/man1/ttsgen.1.gz ./usr/share/bash-completion/completions/ttsgen \
         ./usr/share/zsh/vendor-completions/_ttsgen ./usr/share/doc/ttsgen/copyright ./usr/share/doc/ttsgen/changelog.gz \
         ./usr/share/doc/ttsgen/README.md ./usr/share/doc/ttsgen/cli.md ./usr/share/doc/ttsgen/ci.md ./usr/share/doc/ttsgen/CFN-LINT-NOTICE; do
  grep -qxF "$f" <<<"$contents" && ok "installs $f" || fail "does not install $f"
done

root="$work/root"
dpkg-deb -x "$deb" "$root"
installed="$root/usr/bin/ttsgen"
# Run from an unrelated folder: the installed binary needs nothing from the source or build tree.
cd "$work"
[ "$("$installed" --version)" = "$("$build/ttsgen" --version)" ] && ok "installed ttsgen --version: $("$installed" --version)" \
  || fail "installed --version differs"
if "$installed" render --out "$work/r1" -q && "$build/ttsgen" render --out "$work/r2" -q && diff -r "$work/r1" "$work/r2" >/dev/null; then
  ok "the installed binary renders the same bytes as the build"
else
  fail "the installed binary's render differs or failed"
fi
"$installed" validate -q > /dev/null && ok "the installed binary validates the newest release" || fail "installed validate"
zcat "$root/usr/share/man/man1/ttsgen.1.gz" | cmp -s - <("$installed" man) && ok "the packaged man page is the binary's" || fail "man page"
cmp -s "$root/usr/share/bash-completion/completions/ttsgen" <("$installed" completion bash) && ok "the packaged bash completion is the binary's" \
  || fail "bash completion"

if command -v lintian >/dev/null; then
  lintian --display-info --fail-on error,warning "$deb" > "$work/lintian.log" 2>&1
  status=$?
  sed 's/^/     lintian: /' "$work/lintian.log"
  [ $status -eq 0 ] && ok "lintian: no error, no warning" || fail "lintian (exit $status)"
else
  fail "lintian is not installed (scripts/install-deps.sh installs it)"
fi
echo "$failures failed"
[ "$failures" -eq 0 ]
