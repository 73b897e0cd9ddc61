pattern unknown.key
kind    test.unknown
regexp  abc
