$JX validate examples/karamay-2024/project.yaml >/dev/full; echo "status $?"; $JX validate -q examples/karamay-2024/project.yaml >/dev/full; echo "status $?"
