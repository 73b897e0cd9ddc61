# The user's folder of the override tests: replaces base.word by name and
# adds user.upper.

pattern base.word
kind    test.word
description Replaces the built-in base.word: a word in capitals.
regex   (?<word>\p{Lu}{2,})
example ÅRSREDOVISNING 2020
  word = ÅRSREDOVISNING
example Årsredovisning
  no match

pattern user.upper
kind    test.word
regex   (?<word>\p{Lu})
example ärligt Ödmjuk
  word = Ö
