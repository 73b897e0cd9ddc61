pattern unknown.group
kind    test.group
regex   (?<word>\p{L}+)
example ord
  word = ord
  wrod = ord
