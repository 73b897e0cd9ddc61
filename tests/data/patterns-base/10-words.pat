# The built-in set of the override tests (test_pattern.c), first file.

pattern base.word
kind    test.word
description A capitalised word.
regex   (?<word>\p{Lu}\p{Ll}+)
example Årsredovisning
  word = Årsredovisning

pattern base.number
kind    test.number
regex   (?<number>\d+)
example 2020
  number = 2020
