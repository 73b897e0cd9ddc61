# Examples that fail in every way the report knows (and one that passes);
# test_pattern.c compares the report line by line.

pattern failing.word
kind    test.failing
regex   (?<word>\p{L}+)(?:\h+(?<number>\d+))?
example Åsa
  word = Åsa
example Åsa
  word = Åke
example 123
example Örjan
  no match
example Åsa Öberg
  match 2
  word = Öst
  match 3
  word = Öst
example Åsa 12
  number =
example Åsa
  number = 7
