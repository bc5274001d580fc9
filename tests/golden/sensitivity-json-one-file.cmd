$JX sensitivity --samples 500 -f json examples/karamay-2024/project.yaml | python3 -c 'import sys, json; f = json.load(sys.stdin)["files"][0]; print(sorted(f), f["ranks"])'
