# A term (kind term) used by a pattern written after it: {{NAME}} stands
# for the term's expression, in the term's own flags.
pattern terms.number
kind    term
regex   \d+(?:,\d+)?
example 8,5
example abc
  no match

pattern terms.unit
kind    term
flags   i
regex   procent|%
example 5 PROCENT

pattern terms.level
kind    test.level
regex   (?<name>\p{Lu}\p{Ll}+)\h+var\h+(?<value>{{terms.number}})\h*(?<unit>{{terms.unit}})(?:\h+\((?<previous>{{terms.number}})\h*(?<unit>{{terms.unit}})\))?
example Sjukfrånvaron var 6,4 Procent (6,9 %)
  name = Sjukfrånvaron
  value = 6,4
  unit = Procent
  previous = 6,9
example Sjukfrånvaron var hög
  no match
