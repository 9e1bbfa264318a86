#!/usr/bin/env bash
# Are the runtime's modules still the ones the app uses? jdeps lists the JDK modules that the app's jars and
# libraries need (and JavaFX modules whose internals a library uses; the JavaFX modules themselves are the app's
# javafx-* dependencies); every one must be in installer.modules (installer/pom.xml), or the packaged app fails at
# run time with a NoClassDefFoundError that no test on the full JDK would see.
# Run after `mvn -Pinstaller package` (it reads installer/target/input and installer/target/javafx); CI runs it.
set -euo pipefail
cd "$(dirname "$0")"
jdeps="${JAVA_HOME:?set JAVA_HOME to a JDK 25}/bin/jdeps"
[ -d target/input ] && [ -d target/javafx ] || { echo "check-modules: run mvn -Pinstaller package first" >&2; exit 2; }

# libraries and JavaFX as modules (automatic ones for plain jars); our jars on the class path (their automatic
# names would hold the keyword "import")
libs="$(mktemp -d)"
trap 'rm -rf "$libs"' EXIT
for j in target/input/*.jar target/javafx/*.jar; do
  case "$(basename "$j")" in flightdeck-*) ;; *) ln -s "$PWD/$j" "$libs/" ;; esac
done
ours=(target/input/flightdeck-*.jar)
used="$("$jdeps" --multi-release 25 --ignore-missing-deps --list-deps --module-path "$libs" \
          --add-modules ALL-MODULE-PATH --class-path "$(IFS=:; echo "${ours[*]}")" "${ours[@]}" \
        | sed 's/^ *//; s|/.*||' | grep -E '^(java|jdk|javafx)\.' | sort -u)"
linked="$(sed -n 's|.*<installer.modules>\(.*\)</installer.modules>.*|\1|p' pom.xml | tr ',' '\n' | sort -u)"
missing="$(comm -23 <(echo "$used") <(echo "$linked"))"
if [ -n "$missing" ]; then
  echo "check-modules: the app uses modules the runtime does not link; add them to installer.modules in installer/pom.xml:" >&2
  echo "$missing" | sed 's/^/  /' >&2
  exit 1
fi
echo "check-modules: the runtime links all $(echo "$used" | wc -l) modules the app uses ($(echo "$used" | paste -sd, -))"
