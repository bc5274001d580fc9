cat examples/ahp/karamay-2024.yaml | $JX ahp - --apply -
