# A regex that names a term nobody defined.
pattern unknown.level
kind    test.level
regex   (?<value>{{no.such.term}})
