pattern same.name
kind    test.duplicate
regex   a
