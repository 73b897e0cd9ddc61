# Catastrophic backtracking: (a+)+ tries every way to split the run of a's
# before it gives up at the b. The match limit must stop it.

pattern limit.backtrack
kind    test.limit
regex   (?<run>(a+)+)$
example aaaa
  run = aaaa
example aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab
  no match
