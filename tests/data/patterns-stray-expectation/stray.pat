pattern stray.expectation
kind    test.stray
regex   (?<word>abc)
example abc
  word = abc
description An expectation must follow its example directly.
  word = abc
