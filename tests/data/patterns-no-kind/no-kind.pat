pattern no.kind
regex   abc
example abc
