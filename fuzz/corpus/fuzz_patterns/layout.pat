# Layout: what the layout engine recognises by its words.
# A page number stands alone in the top or bottom margin of a page; the
# whole block must match.

pattern layout.page-number.plain
kind    layout.page-number
description a number alone, maybe between dashes: "12", "- 12 -", "12 (36)"
regex   ^(?:[-–]\h*)?(?<page>\d{1,3})(?:\h*[-–])?(?:\h*\(\d{1,3}\))?$
example 12
  page = 12
example – 7 –
  page = 7
example 3 (36)
  page = 3
example 2020
  no match
example Tel. 0640-161 00
  no match

pattern layout.page-number.word
kind    layout.page-number
flags   i
description "Sida 3", "Sida 3 av 14", "SID 3 (36)", "s. 4", "Page 2 of 9"
regex   ^(?:sida|sid\.?|s\.|page)\h*(?<page>\d{1,4})(?:\h*(?:av|of|/)\h*\d{1,4}|\h*\(\d{1,4}\))?$
example Sida 3 av 14
  page = 3
example SID 5 (36)
  page = 5
example Page 2 of 9
  page = 2
example Sidnummer
  no match

pattern layout.page-number.fraction
kind    layout.page-number
description "3/14", "3 / 14"
regex   ^(?<page>\d{1,4})\h*/\h*\d{1,4}$
example 3/14
  page = 3
example 3 / 14
  page = 3
example 2019/20 ok
  no match
