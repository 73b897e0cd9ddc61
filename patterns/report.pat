# Report metadata: who wrote the report (organisation, body), what it is
# (type) and which year it is about. The cover recogniser runs these on the
# short blocks and lines of the first pages (a line, or a few adjacent cover
# lines joined with a space); within one kind, the first pattern that
# matches a text gives the value, so the surest patterns come first.
#
# Pieces that recur below (PCRE2 has no shared definitions across patterns,
# so they are written out in each):
#   type word  års(?:redovisning|bokslut|redogörelse)|delårsrapport|
#              (?:verksamhets|revisions|förvaltnings)berättelse|
#              (?:resultat|balans)(?:räkning|rapport)
#   year       (?:199\d|20[0-3]\d)          1990-2039
#   "not part of a longer word"   (?![\p{L}\p{N}-])


# ---- organisation -------------------------------------------------------

pattern report.organisation.kommun
kind    report.organisation
description A municipality: "Krokoms kommun", "Exempelby kommun", "Upplands
description Väsby kommun". Not "kommunen", "Kommunstyrelsen", nor a genitive
description ("Krokoms kommuns", see report.organisation.genitive).
# A determiner before "kommun" makes a phrase, not a name.
regex   (?!(?:Den|Det|En|Ett|Var|Vår|Varje|Denna|Hela|Samma|Annan|Egen|Som|Att|Och|I)\h)
# Two-word names start with one of a few words.
regex   (?<organisation>(?:(?:Upplands|Östra|Västra|Norra|Södra|Lilla|Stora|Övre|Nedre)\h+)?
regex   \p{Lu}[\p{L}-]*\h+(?:kommun|Kommun|KOMMUN))(?![\p{L}\p{N}-])
example Krokoms kommun
  organisation = Krokoms kommun
example Årsredovisning 2020 för Krokoms kommun
  organisation = Krokoms kommun
example Krokoms kommun KROKOMEN TJIELTE
  organisation = Krokoms kommun
example Krokoms kommun, april 2020
  organisation = Krokoms kommun
example Simrishamns kommun
  organisation = Simrishamns kommun
example Exempelby kommun
  organisation = Exempelby kommun
example Upplands Väsby kommun
  organisation = Upplands Väsby kommun
example Malung-Sälens kommun
  organisation = Malung-Sälens kommun
example KROKOMS KOMMUN
  organisation = KROKOMS KOMMUN
example Kommunstyrelsen i Östersunds kommun
  organisation = Östersunds kommun
example kommunen
  no match
example I kommunen bor 15 000 invånare
  no match
example Kommunstyrelsen
  no match
example Till Göteborgs kommunfullmäktige
  no match
example En kommun för alla
  no match
example Vi kallar symbolen för Krokoms kommuns nya platsvarumärke
  no match

pattern report.organisation.stad
kind    report.organisation
description A city that calls itself "stad": "Göteborgs Stad", "Malmö stad".
regex   (?!(?:Den|Det|En|Ett|Var|Vår|Varje|Denna|Hela|Samma|Annan|Egen|Som|Att|Och|I)\h)
regex   (?<organisation>\p{Lu}[\p{L}-]*\h+(?:stad|Stad|STAD))(?![\p{L}\p{N}-])
example Göteborgs Stad
  organisation = Göteborgs Stad
example Malmö stad
  organisation = Malmö stad
example Årsredovisning 2023 Stockholms stad
  organisation = Stockholms stad
example GÖTEBORGS STAD
  organisation = GÖTEBORGS STAD
example Göteborgs Stads nämnder
  no match
example Stadsrevisionen
  no match
example En stad i utveckling
  no match
example staden växer
  no match

pattern report.organisation.region
kind    report.organisation
description A region or an older county council: "Region Jämtland Härjedalen",
description "Region Kalmar län", "Västra Götalandsregionen", "Landstinget
description Dalarna", "Stockholms läns landsting".
# After "Region", up to three capitalised words that are not a report type
# or a body ("Region Skåne Årsredovisning 2020" is Region Skåne).
regex   (?<organisation>Region(?:\h+(?!(?i:års|delårs|verksamhets|revisions|förvaltnings|resultat|balans|region|kommun))
regex   \p{Lu}\p{L}*){1,3}(?:\h+län)?
regex   |(?:(?:Västra|Östra|Norra|Södra)\h+)?\p{Lu}\p{L}*sregionen
regex   |Landstinget\h+\p{Lu}\p{L}*(?:\h+\p{Lu}\p{L}*)?
regex   |\p{Lu}\p{L}*s\h+läns\h+landsting)(?![\p{L}\p{N}-])
example Region Jämtland Härjedalen
  organisation = Region Jämtland Härjedalen
example Region Jämtland Härjedalen Årsredovisning 2020
  organisation = Region Jämtland Härjedalen
example Region Skåne
  organisation = Region Skåne
example Region Kalmar län
  organisation = Region Kalmar län
example Västra Götalandsregionen
  organisation = Västra Götalandsregionen
example Landstinget Dalarna
  organisation = Landstinget Dalarna
example Stockholms läns landsting
  organisation = Stockholms läns landsting
example Regionstyrelsen
  no match
example Region
  no match
example regionen har ett överskott
  no match

pattern report.organisation.forbund
kind    report.organisation
description A federation of municipalities: "Kommunalförbundet Räddningstjänsten
description Syd", "Sörmlands kommunalförbund"; its name is capitalised words.
regex   (?<organisation>(?i:kommunalförbundet)(?:\h+(?!(?i:års|delårs|verksamhets|budget|delår))\p{Lu}[\p{L}-]*){1,4}
regex   |\p{Lu}[\p{L}-]*(?:\h+\p{Lu}[\p{L}-]*){0,2}\h+(?i:kommunalförbund))(?![\p{L}\p{N}-])
example Kommunalförbundet Räddningstjänsten Mitt Årsredovisning 2023
  organisation = Kommunalförbundet Räddningstjänsten Mitt
example Västra Sörmlands kommunalförbund
  organisation = Västra Sörmlands kommunalförbund
example kommunalförbundet har fyra medlemmar
  no match

pattern report.organisation.brf
kind    report.organisation
description A housing association: "Brf Sjötungan", "Bostadsrättsföreningen
description Lönnen", "HSB Brf Smultronstället", "Riksbyggen Brf Kastanjen",
description "HSB:s Brf Sjötungan i Tyresö", "Brf Gotska Sandön 1". The name is
description capitalised words (with "och"/"&" between), maybe a number, maybe
description "i PLACE"; a report type, an address or "Org.nr" after it ends it.
regex   (?<organisation>(?:(?i:hsb)(?::\h?s)?\h+|Riksbyggens?\h+|(?i:sbc)\h+)?
regex   \b(?i:brf|bostadsrättsföreningen|bostadsrättsförening)
# a name word: capitalised, and not what follows a name on a cover line
# (a street word is a name word unless a house number follows it; a word
# that "den <day>" follows is the place of a signature's date)
regex   (?:\h+(?:(?:och|&)\h+)?(?!(?i:års|delårs|verksamhets|revisions|förvaltnings|resultat|balans|org\b)
regex   |\p{L}*(?:vägen|gatan|gränd|stigen|torget)\h+\d|\p{Lu}[\p{L}-]*\h+den\h+\d)\p{Lu}[\p{L}-]*){1,4}
regex   (?:\h+\d{1,3}(?![\d-]))?(?:\h+[iI]\h+\p{Lu}[\p{L}-]*)?)(?![\p{L}\p{N}-])
example Brf Sjötungan
  organisation = Brf Sjötungan
example BRF Sjötungan
  organisation = BRF Sjötungan
example Bostadsrättsföreningen Lönnen
  organisation = Bostadsrättsföreningen Lönnen
example HSB Brf Smultronstället
  organisation = HSB Brf Smultronstället
example Riksbyggen Brf Kastanjen
  organisation = Riksbyggen Brf Kastanjen
example Riksbyggen Brf X
  organisation = Riksbyggen Brf X
example HSB:s Brf Sjötungan i Tyresö
  organisation = HSB:s Brf Sjötungan i Tyresö
example HSB Bostadsrättsförening Lönnen i Jönköping
  organisation = HSB Bostadsrättsförening Lönnen i Jönköping
example Brf Smultronstället i Ytterby
  organisation = Brf Smultronstället i Ytterby
example Bostadsrättsföreningen Björk och Plaza
  organisation = Bostadsrättsföreningen Björk och Plaza
example Brf Gotska Sandön 1
  organisation = Brf Gotska Sandön 1
example Brf Drevkarlen 769605-0116
  organisation = Brf Drevkarlen
example Brf Långkorven Årsredovisning 2023
  organisation = Brf Långkorven
example Brf Diana Org.nr. 769600-1333
  organisation = Brf Diana
example BRF Sjötungan Myggdalsvägen 102
  organisation = BRF Sjötungan
example Brf Aspstigen
  organisation = Brf Aspstigen
example Styrelsen för Brf Eken Ekby den 3 april 2024
  organisation = Brf Eken
example Välkommen till årsredovisningen för Brf Rävsaxen
  organisation = Brf Rävsaxen
example Bostadsrättsföreningen registrerades hos Bolagsverket 2011-02-11
  no match
example Föreningen är ett privatbostadsföretag (äkta bostadsrättsförening)
  no match
example På bostadsrättsföreningens webbplats finns mer
  no match
example HSB Bostadsrättsförening
  no match

pattern report.organisation.nation
kind    report.organisation
description A student nation: "Kalmar nation", "KALMAR NATION",
description "Västmanlands-Dala nation", "Sydskånska nationen".
regex   (?!(?:Den|Det|En|Ett|Var|Vår|Varje|Denna|Hela|Samma|Annan|Egen|Som|Att|Och|I)\h)
regex   (?<organisation>\p{Lu}[\p{L}-]*\h+(?:nation|Nation|NATION)
regex   |\p{Lu}\p{L}*ska\h+[Nn]ationen)(?![\p{L}\p{N}-])
example Kalmar nation
  organisation = Kalmar nation
example Kalmar Nation
  organisation = Kalmar Nation
example KALMAR NATION Utskrivet 2026-04-27 13:41
  organisation = KALMAR NATION
example Västmanlands-Dala nation
  organisation = Västmanlands-Dala nation
example Sydskånska nationen
  organisation = Sydskånska nationen
example nationen
  no match
example Nationalekonomiska institutionen
  no match
example Förenta nationerna
  no match
example En nation för alla studenter
  no match

# Last: a genitive names the organisation too, but less surely (it can be
# the place the report talks about).
pattern report.organisation.genitive
kind    report.organisation
description A municipality or city in the genitive, the "s" left out:
description "Göteborgs Stads verksamheter" gives "Göteborgs Stad".
regex   (?!(?:Den|Det|En|Ett|Var|Vår|Varje|Denna|Hela|Samma|Annan|Egen|Som|Att|Och|I)\h)
regex   (?<organisation>(?:(?:Upplands|Östra|Västra|Norra|Södra|Lilla|Stora|Övre|Nedre)\h+)?
regex   \p{Lu}[\p{L}-]*\h+(?:kommun|Kommun|KOMMUN|stad|Stad|STAD))[sS](?![\p{L}\p{N}-])
example Revisionsberättelse avseende Göteborgs Stads verksamheter under 2023
  organisation = Göteborgs Stad
example Krokoms kommuns årsredovisning 2020
  organisation = Krokoms kommun
example Simrishamns kommuns kulturpris 2025
  organisation = Simrishamns kommun
example Krokoms kommun
  no match
example kommunens verksamheter
  no match
example kommunstyrelsens verksamheter har samverkat
  no match


# Least sure of all: a name that stands beside the report's type and
# nothing else, as an accounting system prints a statement's header
# ("Balansräkning" over "Tallbacken"): capitalised words that are no
# body, no date label and no other field.
pattern report.organisation.beside-type
kind    report.organisation
description A name set right after the type on a header: "Resultaträkning Tallbacken".
regex   ^\h*(?i:balansräkning|resultaträkning|balansrapport|resultatrapport|årsredovisning|årsbokslut|verksamhetsberättelse)
regex   (?:\h+(?:19|20)\d\d)?\h+(?!(?i:\p{L}*(?:styrelsen|nämnden|fullmäktige|revisionen)|senaste|period|utskrivet|för|avseende|per|sida)(?![\p{L}]))
regex   (?<organisation>\p{Lu}\p{L}*\p{Ll}[\p{L}-]*(?:\h+\p{Lu}[\p{L}-]+){0,3})\h*$
example Resultaträkning Tallbacken
  organisation = Tallbacken
example Balansräkning Föreningen Gläntan
  organisation = Föreningen Gläntan
example Årsredovisning Kommunstyrelsen
  no match
example Resultaträkning Senaste bokföringsdag
  no match
example Resultatrapport BFN
  no match
example Årsredovisning 2023
  no match

# ---- body ---------------------------------------------------------------
#
# A body (nämnd, styrelse, fullmäktige, revision) is a title: a capitalised
# name standing alone on its line, or beside the report type, the
# organisation or a label. In running text ("Kommunstyrelsen lyckades med
# detta") it is not the author of the report. "Revisorerna" counts as a
# body where it stands alone (the auditors sign their report so).
#
# The body names, in each body pattern:
#   \p{Lu}\p{Ll}*(?:styrelsen|nämnden|fullmäktige|revisionen|kollegiet)
#       Kommunstyrelsen, Socialnämnden, Kommunfullmäktige, Stadsrevisionen
#   \p{Lu}\p{Ll}*-(?:,\h+\p{Ll}+-)*\h+(?:och|samt)\h+\p{Ll}+nämnden
#       Kultur- och fritidsnämnden, Bygg-, miljö- och hälsoskyddsnämnden
#   \p{Lu}\p{Ll}+a\h+nämnden            Tekniska nämnden
#   Nämnden\h+för\h+\p{Ll}+(?:\h+(?:och|samt)\h+\p{Ll}+)?
#       Nämnden för funktionsstöd
#   \p{Lu}+(?:STYRELSEN|NÄMNDEN|FULLMÄKTIGE|REVISIONEN)
#   Styrelsen|Revisorerna|Fullmäktige

pattern report.body.title
kind    report.body
description A body's name alone on its line.
regex   ^\h*(?<body>\p{Lu}\p{Ll}*(?:styrelsen|nämnden|fullmäktige|revisionen|kollegiet)
regex   |\p{Lu}\p{Ll}*-(?:,\h+\p{Ll}+-)*\h+(?:och|samt)\h+\p{Ll}+nämnden
regex   |\p{Lu}\p{Ll}+a\h+nämnden
regex   |Nämnden\h+för\h+\p{Ll}+(?:\h+(?:och|samt)\h+\p{Ll}+)?
regex   |\p{Lu}+(?:STYRELSEN|NÄMNDEN|FULLMÄKTIGE|REVISIONEN)
regex   |Styrelsen|Revisorerna|Fullmäktige)\h*[.:]?\h*$
example Kommunstyrelsen
  body = Kommunstyrelsen
example Kultur- och fritidsnämnden
  body = Kultur- och fritidsnämnden
example Barn- och utbildningsnämnden
  body = Barn- och utbildningsnämnden
example Miljö- och byggnämnden
  body = Miljö- och byggnämnden
example Bygg-, miljö- och hälsoskyddsnämnden
  body = Bygg-, miljö- och hälsoskyddsnämnden
example Socialnämnden
  body = Socialnämnden
example Tekniska nämnden
  body = Tekniska nämnden
example Nämnden för funktionsstöd
  body = Nämnden för funktionsstöd
example Stadsrevisionen
  body = Stadsrevisionen
example Kommunfullmäktige
  body = Kommunfullmäktige
example Regionstyrelsen
  body = Regionstyrelsen
example Revisorskollegiet
  body = Revisorskollegiet
example KOMMUNSTYRELSEN
  body = KOMMUNSTYRELSEN
example Styrelsen
  body = Styrelsen
example Revisorerna
  body = Revisorerna
example Kommunstyrelsen lyckades med detta.
  no match
example kommunstyrelsens verksamheter har utvecklats under året
  no match
example Kommunstyrelsens ordförande
  no match
example Styrelsens uppdrag
  no match
example Revisorerna tillstyrker att kommunfullmäktige beviljar ansvarsfrihet
  no match
example Till Göteborgs kommunfullmäktige
  no match
example Kommunfullmäktige Handling 2024 nr 63
  no match

pattern report.body.label
kind    report.body
flags   i
description A body after a label, as goal follow-up systems print it:
description "Organisation: Kultur- och fritidsnämnden".
regex   \b(?:organisation|nämnd|förvaltning|styrelse|verksamhet)\h*:\h*
# the names are case-sensitive inside this caseless pattern
regex   (?-i)(?<body>\p{Lu}\p{Ll}*(?:styrelsen|nämnden|fullmäktige|revisionen|kollegiet)
regex   |\p{Lu}\p{Ll}*-(?:,\h+\p{Ll}+-)*\h+(?:och|samt)\h+\p{Ll}+nämnden
regex   |\p{Lu}\p{Ll}+a\h+nämnden
regex   |Nämnden\h+för\h+\p{Ll}+(?:\h+(?:och|samt)\h+\p{Ll}+)?
regex   |\p{Lu}+(?:STYRELSEN|NÄMNDEN|FULLMÄKTIGE|REVISIONEN))\h*$
example Organisation: Kultur- och fritidsnämnden
  body = Kultur- och fritidsnämnden
example Status: Påbörjad Rapportperiod: 2025-12-31 Organisation: Kultur- och fritidsnämnden
  body = Kultur- och fritidsnämnden
example Nämnd: Socialnämnden
  body = Socialnämnden
example Organisation: Simrishamns kommun
  no match
example Organisation: Ekonomiavdelningen
  no match

pattern report.body.before-type
kind    report.body
description A body followed by the report type: "Stadsrevisionen
description Årsredogörelse", "Kommunstyrelsen Årsredovisning 2020".
regex   ^\h*(?<body>\p{Lu}\p{Ll}*(?:styrelsen|nämnden|fullmäktige|revisionen|kollegiet)
regex   |\p{Lu}\p{Ll}*-(?:,\h+\p{Ll}+-)*\h+(?:och|samt)\h+\p{Ll}+nämnden
regex   |\p{Lu}\p{Ll}+a\h+nämnden
regex   |\p{Lu}+(?:STYRELSEN|NÄMNDEN|FULLMÄKTIGE|REVISIONEN))
regex   \h+(?:(?:19|20)\d\d\h+)?
regex   (?i:års(?:redovisning|bokslut|redogörelse)|delårsrapport|(?:verksamhets|revisions|förvaltnings)berättelse)\b
example Stadsrevisionen Årsredogörelse
  body = Stadsrevisionen
example Kommunstyrelsen Årsredovisning 2020
  body = Kommunstyrelsen
example Socialnämnden 2021 Verksamhetsberättelse
  body = Socialnämnden
example Kommunstyrelsen lämnar årsredovisningen
  no match
example Kommunfullmäktige Handling 2024 nr 63
  no match

pattern report.body.after-type
kind    report.body
description The report type (and year), then the body: "Årsredovisning 2020
description Kommunstyrelsen", "Verksamhetsberättelse 2021 för Socialnämnden".
regex   ^\h*(?:(?:19|20)\d\d\h+)?
regex   (?i:års(?:redovisning|bokslut|redogörelse)|delårsrapport|(?:verksamhets|revisions|förvaltnings)berättelse)
regex   (?:\h+(?:19|20)\d\d)?(?:\h+(?i:för))?\h+
regex   (?<body>\p{Lu}\p{Ll}*(?:styrelsen|nämnden|fullmäktige|revisionen|kollegiet)
regex   |\p{Lu}\p{Ll}*-(?:,\h+\p{Ll}+-)*\h+(?:och|samt)\h+\p{Ll}+nämnden
regex   |\p{Lu}\p{Ll}+a\h+nämnden
regex   |\p{Lu}+(?:STYRELSEN|NÄMNDEN|FULLMÄKTIGE|REVISIONEN))\h*$
example Årsredovisning 2020 Kommunstyrelsen
  body = Kommunstyrelsen
example 2025 Årsbokslut Kultur- och fritidsnämnden
  body = Kultur- och fritidsnämnden
example Verksamhetsberättelse 2021 för Socialnämnden
  body = Socialnämnden
example ÅRSREDOVISNING 2019 MILJÖ- OCH BYGGNÄMNDEN
  no match
example Årsredovisning 2020 Kommunstyrelsen har ansvaret
  no match

pattern report.body.with-organisation
kind    report.body
description A body with its organisation after it: "Kommunstyrelsen, Krokoms
description kommun", "Socialnämnden i Exempelby kommun", "Revisorerna i
description Göteborgs Stad".
regex   ^\h*(?<body>\p{Lu}\p{Ll}*(?:styrelsen|nämnden|fullmäktige|revisionen|kollegiet)
regex   |\p{Lu}\p{Ll}*-(?:,\h+\p{Ll}+-)*\h+(?:och|samt)\h+\p{Ll}+nämnden
regex   |\p{Lu}\p{Ll}+a\h+nämnden
regex   |Styrelsen|Revisorerna)
regex   (?:\h*[,–—-]\h*|\h+i\h+)
regex   (?:\p{Lu}[\p{L}-]*(?:\h+\p{Lu}[\p{L}-]*)?\h+(?:kommun|[Ss]tad|län|landsting)
regex   |Region(?:\h+\p{Lu}\p{L}*){1,3}|\p{Lu}\p{L}*\h+nation|(?i:brf)\h+\p{Lu}[\p{L}-]*(?:\h+\p{Lu}[\p{L}-]*)?)\h*$
example Kommunstyrelsen, Krokoms kommun
  body = Kommunstyrelsen
example Socialnämnden i Exempelby kommun
  body = Socialnämnden
example Revisorerna i Göteborgs Stad
  body = Revisorerna
example Regionstyrelsen – Region Jämtland Härjedalen
  body = Regionstyrelsen
example Styrelsen för Brf Drevkarlen
  no match
example Kommunstyrelsen i Krokom beslutade att
  no match

# Last: the genitive before a report type, "Stadsrevisionens årsredogörelse".
pattern report.body.genitive
kind    report.body
description A body in the genitive before the report type; the "s" is left
description out: "Kommunstyrelsens årsredovisning 2020" gives Kommunstyrelsen.
regex   ^\h*(?<body>\p{Lu}\p{Ll}*(?:styrelsen|nämnden|fullmäktige|revisionen|kollegiet)
regex   |\p{Lu}\p{Ll}*-(?:,\h+\p{Ll}+-)*\h+(?:och|samt)\h+\p{Ll}+nämnden
regex   |\p{Lu}\p{Ll}+a\h+nämnden
regex   |Revisorerna)s\h+
regex   (?i:års(?:redovisning|bokslut|redogörelse)|delårsrapport|(?:verksamhets|revisions|förvaltnings)berättelse)\b
example Stadsrevisionens årsredogörelse och revisorskollegiets årsrapport för 2024
  body = Stadsrevisionen
example Kommunstyrelsens årsredovisning 2020
  body = Kommunstyrelsen
example Kultur- och fritidsnämndens verksamhetsberättelse
  body = Kultur- och fritidsnämnden
example Revisorernas revisionsberättelse
  body = Revisorerna
example Kommunstyrelsens ordförande
  no match
example kommunstyrelsens verksamheter har samverkat
  no match
example Kommunstyrelsens årsredovisningar
  no match


# ---- type ---------------------------------------------------------------
#
# The group captures the type word as printed ("ÅRSREDOVISNING"); the
# recogniser lowercases it. Definite forms ("årsredovisningen") are text
# about a report, not its title.

pattern report.type.title
kind    report.type
flags   i
description The type word first on its line (after a year, maybe) and
description followed by nothing, a year, a date, "för", a capitalised word or
description punctuation. Not a contents line ("Verksamhetsberättelse ....... 3",
description "Förvaltningsberättelse 1-5") and not a sentence ("Årsredovisning
description upprättas av styrelsen").
regex   ^\h*(?:(?:19|20)\d\d\h+)?
regex   (?<type>års(?:redovisning|bokslut|redogörelse)|delårsrapport
regex   |(?:verksamhets|revisions|förvaltnings)berättelse|(?:resultat|balans)(?:räkning|rapport))\b
regex   (?=\h*$|\h*[-–—:,(]|\h+\d{4}(?!\d)|\h+\p{Lu}
regex   |\h+(?:för|avseende|och|samt|per|över|enligt|från|tertial|kvartal|januari|februari|mars|april|maj|juni
regex   |juli|augusti|september|oktober|november|december)\b)
example Årsredovisning 2020
  type = Årsredovisning
example ÅRSREDOVISNING
  type = ÅRSREDOVISNING
example Årsredovisning för
  type = Årsredovisning
example Årsredovisning för räkenskapsåret 2021
  type = Årsredovisning
example 2025 Årsbokslut
  type = Årsbokslut
example Årsredogörelse
  type = Årsredogörelse
example Delårsrapport januari–augusti 2021
  type = Delårsrapport
example Verksamhetsberättelse 2019
  type = Verksamhetsberättelse
example Revisionsberättelse avseende Göteborgs Stads verksamheter under 2023
  type = Revisionsberättelse
example Resultaträkning Hansa, Utskrivet: 2026-02-22 Sida: 1
  type = Resultaträkning
example Balansräkning
  type = Balansräkning
example Resultatrapport
  type = Resultatrapport
example Balansrapport ÅRL
  type = Balansrapport
example FÖRVALTNINGSBERÄTTELSE 2023
  type = FÖRVALTNINGSBERÄTTELSE
example Årsredovisning 2022 - 2023
  type = Årsredovisning
example Verksamhetsberättelse 11
  no match
example Verksamhetsberättelse ......................................3
  no match
example Förvaltningsberättelse 1-5
  no match
example - resultaträkning 6
  no match
example Årsredovisningen är upprättad i svenska kronor, SEK.
  no match
example Årsredovisning upprättas av styrelsen
  no match
example Läs mer i förvaltningsberättelsen.
  no match

pattern report.type.budget
kind    report.type
flags   i
description A budget document's title first on its line: "Mål och budget",
description "Budget 2025 med plan 2026–2027", "Detaljbudget". A bare
description "Budget 2025" is not taken: tables of outcome reports are headed so.
regex   ^\h*(?:(?:19|20)\d\d\h+)?
regex   (?<type>mål\h+och\h+budget|budget\h+och\h+(?:verksamhets|flerårs|ekonomisk\h+)plan
regex   |verksamhetsplan\h+(?:och|med)\h+budget|(?:detalj|intern)budget
regex   |budget\h+(?:19|20)\d\d(?:\h*[-–]\h*(?:19|20)?\d\d)?\h+(?:med|och)\h+(?:plan|flerårsplan|ekonomisk\h+plan))\b
# the whole line: the title, then at most its years ("Detaljbudget per
# nämnd" is a heading inside an annual report)
regex   (?=\h*(?:(?:19|20)\d\d(?:\h*[-–]\h*(?:19|20)?\d\d)?)?\h*$)
example Mål och budget 2025–2027
  type = Mål och budget
example Budget 2025 med plan 2026–2027
  type = Budget 2025 med plan
example Verksamhetsplan och budget 2024
  type = Verksamhetsplan och budget
example Detaljbudget 2023
  type = Detaljbudget
example Budget 2025
  no match
example Budget 2025 Utfall 2025
  no match
example Detaljbudget per nämnd
  no match

pattern report.budget-document
kind    report.budget-document
flags   i
description A report type that is a plan, not an account of outcomes: a bare
description year heads its budget.
regex   ^\h*(?:mål\h+och\h+budget|budget|verksamhetsplan|detaljbudget|internbudget)\b
example Mål och budget
example Budget 2025 med plan
example Detaljbudget
example Årsredovisning
  no match
example Verksamhetsberättelse
  no match

pattern report.type.genitive
kind    report.type
flags   i
description The type word after a genitive at the start of the line:
description "Stadsrevisionens årsredogörelse", "Göteborgs Stads årsredovisning".
regex   ^\h*\p{Lu}[\p{L}-]*(?:\h+(?:kommun|stad|\p{Lu}[\p{L}-]*))?s\h+
regex   (?<type>års(?:redovisning|bokslut|redogörelse)|delårsrapport
regex   |(?:verksamhets|revisions|förvaltnings)berättelse|(?:resultat|balans)(?:räkning|rapport))\b
example Stadsrevisionens årsredogörelse och revisorskollegiets årsrapport för 2024
  type = årsredogörelse
example Göteborgs Stads årsredovisning 2023
  type = årsredovisning
example Krokoms kommuns årsredovisning 2020
  type = årsredovisning
example Kommunstyrelsens verksamhetsberättelse
  type = verksamhetsberättelse
example Revisorerna tillstyrker att Göteborgs Stads årsredovisning för 2023 godkänns.
  no match
example Kommunstyrelsens årsredovisningar
  no match

pattern report.type.formula
kind    report.type
flags   i
description The formula of Swedish annual reports: "Styrelsen får härmed avge
description årsredovisning för räkenskapsåret 2023".
regex   \b(?:avge|avger|avlämna|avlämnar|upprätta|upprättar|lämna|lämnar)\h+(?:härmed\h+)?(?:följande\h+)?
regex   (?<type>års(?:redovisning|redogörelse|bokslut)|delårsrapport|(?:verksamhets|revisions)berättelse)\b
example Styrelsen får härmed avge årsredovisning för räkenskapsåret 1 januari - 31 december 2021.
  type = årsredovisning
example Styrelsen upprättar härmed följande årsredovisning för räkenskapsåret 2023-01-01 - 2023-12-31.
  type = årsredovisning
example Styrelsen för Brf Diana får härmed avlämna årsredovisning
  type = årsredovisning
example Årsredovisningen är upprättad i svenska kronor, SEK.
  no match
example Revisorerna har granskat årsredovisningen
  no match


# ---- year ---------------------------------------------------------------
#
# A year 1990-2039 beside a type word or a fiscal-year word. Where the text
# gives a period ("2022-07-01 - 2023-06-30", "2022 - 2023", "1 januari -
# 31 december 2021"), the year is the one the period ends in: a report is
# about the fiscal year it closes. A short second year ("2022/23") gives no
# year rather than a wrong one.
#
# The pieces of a period before the year:
#   day and month   (?:\d{1,2}\h+)?(?:januari|...|december)
#   period start    (?:(?:DAYMONTH\h+)?(?:19|20)\d\d(?:-\d\d-\d\d)?|DAYMONTH)\h*[-–—:/]\h*
# and after the year: an optional -MM-DD, then not a digit, letter or a
# further "- 2024" (so that a period's first year is never taken).

pattern report.year.budget
kind    report.year
flags   i
description A budget for several years is its first year's: "Budget 2025 och
description plan 2026–2027", "Mål och budget 2025–2027", "Budget 2026 med
description flerårsplan 2027–2028".
regex   \bbudget\h+(?<year>199\d|20[0-3]\d)(?=\h*[-–]\h*(?:19|20)\d\d|\h+(?:och|med|samt)\h+(?:\p{L}+\h+)?(?:plan|flerårsplan|verksamhetsplan)\b)
example Budget 2025 och plan 2026–2027
  year = 2025
example Mål och budget 2025–2027
  year = 2025
example Budget 2026 med flerårsplan 2027–2028
  year = 2026
example Budgeten för 2025 bygger på prognosen
  no match

pattern report.year.after-type
kind    report.year
flags   i
description The type word, then the year: "Årsredovisning 2020",
description "Årsredovisning för räkenskapsåret 2021", "Delårsrapport
description januari–augusti 2021", "Årsredovisning 2022 - 2023" (2023).
regex   \b(?:års(?:redovisning|bokslut|redogörelse)|delårsrapport
regex   |(?:verksamhets|revisions|förvaltnings)berättelse|(?:resultat|balans)(?:räkning|rapport))
regex   \h+(?:(?:för|avseende|per)\h+)?(?:(?:räkenskapsåret|verksamhetsåret|år)\h+)?
regex   (?:(?:(?:(?:\d{1,2}\h+)?(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\h+)?
regex   (?:19|20)\d\d(?:-\d\d-\d\d)?
regex   |(?:\d{1,2}\h+)?(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december))
regex   \h*[-–—:/]\h*)?
regex   (?:(?:\d{1,2}\h+)?(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\h+)?
regex   (?<year>199\d|20[0-3]\d)(?:-\d\d-\d\d)?(?![\p{L}\p{N}]|\h*[-–—/:]\h*\d)
example Årsredovisning 2020
  year = 2020
example Årsbokslut 2025
  year = 2025
example ÅRSREDOVISNING 2023
  year = 2023
example Årsredovisning för räkenskapsåret 2021
  year = 2021
example Årsredovisning för 2023
  year = 2023
example Verksamhetsberättelse 2019
  year = 2019
example Årsredovisning 2022 - 2023
  year = 2023
example Årsredovisning för räkenskapsåret 2023-01-01 - 2023-12-31
  year = 2023
example Årsredovisning 2020-01-01 – 2020-12-31
  year = 2020
example Årsredovisning för räkenskapsåret 1 januari - 31 december 2021
  year = 2021
example Delårsrapport januari–augusti 2021
  year = 2021
example Delårsrapport per 31 augusti 2021
  year = 2021
example Årsredovisning 1998
  year = 1998
example Årsredovisning 12
  no match
example Årsredovisning 2045
  no match
example Årsredovisning 2022/23
  no match
example Årsredovisningen 2020 visar
  no match

pattern report.year.before-type
kind    report.year
flags   i
description The year, then the type word: "2025 Årsbokslut".
regex   (?<![\p{N}\p{L}-])(?<year>199\d|20[0-3]\d)\h+
regex   (?:års(?:redovisning|bokslut|redogörelse)|delårsrapport
regex   |(?:verksamhets|revisions|förvaltnings)berättelse|(?:resultat|balans)(?:räkning|rapport))\b
example 2025 Årsbokslut
  year = 2025
example 2025 ÅRSBOKSLUT 2026 -02 -01.DOCX
  year = 2025
example 2019 Verksamhetsberättelse
  year = 2019
example 2045 Årsbokslut
  no match
example 2025-12-31 Årsbokslut
  no match

pattern report.year.fiscal
kind    report.year
flags   i
description A fiscal-year word, then the year: "räkenskapsåret 2021",
description "Verksamhetsåret 2019", "Räkenskapsår 2025-01-01 - 2025-12-31".
regex   \b(?:räkenskaps|verksamhets|bokförings)år(?:et)?\h+
regex   (?:(?:(?:(?:\d{1,2}\h+)?(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\h+)?
regex   (?:19|20)\d\d(?:-\d\d-\d\d)?
regex   |(?:\d{1,2}\h+)?(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december))
regex   \h*[-–—:/]\h*)?
regex   (?:(?:\d{1,2}\h+)?(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\h+)?
regex   (?<year>199\d|20[0-3]\d)(?:-\d\d-\d\d)?(?![\p{L}\p{N}]|\h*[-–—/:]\h*\d)
example räkenskapsåret 2021
  year = 2021
example Verksamhetsåret 2019
  year = 2019
example Stadsrevisionen sammanfattar granskningen av verksamhetsåret 2022
  year = 2022
example Räkenskapsåret 2023
  year = 2023
example Räkenskapsår 2025-01-01 - 2025-12-31
  year = 2025
example Räkenskapsåret 2022-07-01 - 2023-06-30
  year = 2023
example Räkenskapsåret 2022/2023
  year = 2023
example För räkenskapsåret 2003
  year = 2003
example för räkenskapsåret 1 januari - 31 december 2021.
  year = 2021
example räkenskapsåret
  no match
example Verksamhetsåret 2045
  no match
example pandemiåret 2020
  no match

pattern report.year.period
kind    report.year
description A fiscal period of two whole dates gives the year of its end:
description "2020-01-01 – 2020-12-31" is 2020, "2022-07-01 - 2023-06-30" 2023.
description A fiscal period starts on the first of a month and ends on the last
description day of one; other periods (a board's term, a loan's) are not it.
regex   (?<![\p{N}\p{L}-])(?:19|20)\d\d-[01]\d-01\h*[-–—:]\h*
regex   (?<year>199\d|20[0-3]\d)-(?:0[13578]-31|1[02]-31|0[469]-30|11-30|02-2[89])(?![\p{N}\p{L}])
example 2020-01-01 – 2020-12-31
  year = 2020
example Period 2025-01-01 : 2025-12-31
  year = 2025
example 2023-01-01—2023-12-31,
  year = 2023
example 2022-07-01 - 2023-06-30
  year = 2023
example Utskrivet 2026-04-27 13:41
  no match
example Datum 2004-05-05
  no match
example Handling 2024 nr 63
  no match
example 2017-06-20 - 2022-06-19
  no match
example 2023-07-03 - 2023-12-31:
  no match
example 2023-01-01 - 2023-05-10 (fram till ordinarie årsstämma):
  no match

pattern report.year.period-end
kind    report.year
flags   i
description A report period given by its last day: "Rapportperiod:
description 2025-12-31". A period of two dates is report.year.period.
regex   \b(?:rapport)?period(?:en)?\h*:?\h*
regex   (?<year>199\d|20[0-3]\d)-[01]\d-[0-3]\d(?![\p{N}\p{L}]|\h*[-–—:]\h*\d)
example Rapportperiod: 2025-12-31
  year = 2025
example Status: Påbörjad Rapportperiod: 2025-12-31
  year = 2025
example Period 2025-01-01 : 2025-12-31
  no match
example Rapportperiod:
  no match

pattern report.year.type-words
kind    report.year
flags   i
description The type word, a few words, then "för", "under" or "avseende" and
description the year: "Revisionsberättelse avseende Göteborgs Stads
description verksamheter under 2023".
regex   \b(?:års(?:redovisning|bokslut|redogörelse)|delårsrapport
regex   |(?:verksamhets|revisions|förvaltnings)berättelse|(?:resultat|balans)(?:räkning|rapport))
regex   (?:\h+[\p{L}\p{N}:.-]+){1,6}?\h+(?:för|under|avseende)\h+
regex   (?:(?:år|räkenskapsåret|verksamhetsåret)\h+)?
regex   (?<year>199\d|20[0-3]\d)(?![\p{L}\p{N}]|\h*[-–—/:]\h*\d)
example Revisionsberättelse avseende Göteborgs Stads verksamheter under 2023
  year = 2023
example Stadsrevisionens årsredogörelse och revisorskollegiets årsrapport för 2024
  year = 2024
example Årsredovisning för Brf Drevkarlen för räkenskapsåret 2023
  year = 2023
example Årsredovisning för Brf Drevkarlen
  no match
example Revisionsberättelsen överlämnas till kommunfullmäktiges sammanträde den 25 april 2024
  no match
