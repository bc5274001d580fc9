$JX audit -q tests/data/audit/区教育局/01-correct.yaml tests/data/no-such-directory; echo "status $?"; $JX audit -q --fail-on error tests/data/no-such-directory >/dev/null; echo "status $?"
