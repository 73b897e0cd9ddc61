# Second file: read after 10-words.pat (files load in sorted name order).
# Its groups are in this order on purpose: pattern_exec lists them by group
# number, not by name.

pattern base.utf8
kind    test.word
regex   (?<first>\p{Lu}\p{Ll}*)\h+(?<second>\p{Ll}+)(?:\h+(?<missing>\d+))?
example Å Ärlig ögonsten
  first = Ärlig
  second = ögonsten
  missing =
