# A second pattern of the same name in the same folder is a mistake.

pattern same.name
kind    test.duplicate
regex   b
