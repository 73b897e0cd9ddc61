pattern no.regex
kind    test.none
example abc

pattern next.one
kind    test.none
regex   abc
