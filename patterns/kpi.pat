# Key figures (nyckeltal) in prose. Groups: name, value, previous, unit,
# qualifier, year. NUM below is written out as
#   [−–-]?\d{1,3}(?:[\h\x{00A0}\x{2009}\x{202F}]\d{3})*(?:,\d+)?|\d+(?:,\d+)?
# and the tool's number parser reads what the group captured.
# Changes ("ökat med 63 %") are not levels and no pattern here takes them.

pattern kpi.value-previous
kind    kpi.prose
description a name, this year's value, last year's in brackets, a unit: "Kundnöjdhet 8,8 (8,8)/10", "Ärendetid felanmälan 13 (8) arbetsdagar"
regex   (?<name>\p{Lu}[\p{L}\d/-]*(?:\h+[\p{L}\d/-]+){0,3}?)\h+
regex   (?<value>\d{1,3}(?:\h\d{3})*(?:,\d+)?)\h*\((?<previous>\d{1,3}(?:\h\d{3})*(?:,\d+)?)\)\h*
regex   (?<unit>%|/\d+|arbetsdagar|dagar|veckor|timmar|st|kr|procent|poäng|minuter)(?![\p{L}\d])
example Över mål (+): Kundnöjdhet 8,8 (8,8)/10, Servicegrad IT-support-telefon 97 (99)%, Medarbetarnöjdhet 8,2 (8,3)/10.
  name = Kundnöjdhet
  value = 8,8
  previous = 8,8
  unit = /10
  match 2
  name = Servicegrad IT-support-telefon
  value = 97
  previous = 99
  unit = %
example Under mål (-): Ärendetid felanmälan 13 (8) arbetsdagar, Ärendetid beställningar 20 (15) arbetsdagar. Öppna IT-supportärenden 438 (340) st.
  name = Ärendetid felanmälan
  unit = arbetsdagar
  match 3
  name = Öppna IT-supportärenden
  value = 438
  previous = 340
  unit = st
example Jämfört med 2019 har ärendetiden ökat med 63% (5 dagar).
  no match

pattern kpi.percent-previous
kind    kpi.prose
description a share with last year's in brackets, spaced: "Servicegrad 97 % (99 %)"
regex   (?<name>\p{Lu}[\p{L}\d/-]*(?:\h+[\p{L}\d/-]+){0,3}?)\h+
regex   (?<value>\d{1,3}(?:,\d+)?)\h*(?<unit>%)\h*\((?<previous>\d{1,3}(?:,\d+)?)\h*%\)
example Servicegrad telefon 97 % (99 %) och nöjdhet 8 (7).
  name = Servicegrad telefon
  value = 97
  previous = 99
  unit = %

pattern kpi.share-changed
kind    kpi.prose
flags   i
description a share stated as a level with last year's: "andelen elever … ökade till 86,4 procent (83,1 procent året innan)"
regex   (?<name>andel(?:en)?\h+[^,.()]{3,80}?)\h+(?:ökade|minskade|uppgick|låg|var|blev|steg|sjönk)\h+(?:till\h+|på\h+)?
regex   (?<value>\d{1,3}(?:,\d+)?)\h*(?<unit>procent|%)
regex   (?:\h*\((?<previous>\d{1,3}(?:,\d+)?)\h*(?:procent|%)?\h*(?:året\h+innan|föregående\h+år|år\h+\d{4}|\d{4})\))?
example andelen elever i årskurs 9 som var behöriga till ett yrkesprogram ökade till 86,4 procent (83,1 procent året innan).
  name = andelen elever i årskurs 9 som var behöriga till ett yrkesprogram
  value = 86,4
  previous = 83,1
  unit = procent
example Sjukfrånvaron ökade med 1,3 procent.
  no match

pattern kpi.count-reached
kind    kpi.prose
flags   i
description a count that reached a level: "Antalet barn i förskolan uppgick i december till 1 482"
regex   (?<name>antalet\h+[^,.()]{3,60}?)\h+(?:uppgick|var|blev|steg|sjönk|ökade|minskade)\h+(?:[^,.()\d]{0,20}?\h+)?till\h+
regex   (?<value>\d{1,3}(?:[\h\x{00A0}\x{2009}\x{202F}]\d{3})*)(?!\d|,\d)
example Antalet barn i förskolan uppgick i december till 1 482, vilket är 37 fler än föregående år.
  name = Antalet barn i förskolan
  value = 1 482
example Antalet ökade kraftigt.
  no match

pattern kpi.count-done
kind    kpi.prose
description a count of things done: "1856 genomförda fiberinstallationer"
regex   (?<value>\d{1,3}(?:[\h\x{00A0}]\d{3})*|\d{4,7})\h+(?<name>(?:genomförda|utförda|levererade|installerade|anslutna|beviljade|registrerade|handlagda|avslutade)\h+\p{L}+)
example IP-Only redovisar totalt 1856 genomförda fiberinstallationer tom årsskiftet.
  value = 1856
  name = genomförda fiberinstallationer
example Två genomförda möten.
  no match

pattern kpi.queue
kind    kpi.prose
description a queue: "en kö på 447 beställningar"
regex   \b(?<qualifier>kö)\h+(?:på|om)\h+(?<value>\d{1,3}(?:[\h\x{00A0}]\d{3})*|\d{4,7})\h+(?<name>\p{L}+)
example tom årsskiftet och en kö på 447 beställningar.
  value = 447
  name = beställningar
  qualifier = kö
example ingen kö alls
  no match

pattern kpi.total-about
kind    kpi.prose
flags   i
description a total: "Totalt har cirka: 960 installationer/byten genomförts"
regex   \btotalt\h+(?:har\h+)?(?:cirka|ca\.?|drygt|omkring)?:?\h*(?<value>\d{1,3}(?:[\h\x{00A0}]\d{3})*|\d{4,7})\h+(?<name>\p{L}+(?:/\p{L}+)?)
example Totalt har cirka: 960 installationer/byten genomförts.
  value = 960
  name = installationer/byten
example Totalt sett blev det bra.
  no match

pattern kpi.value-around
kind    kpi.prose
description a measure that lies around a value: "ett LIX-värde som pendlar runt 35"
regex   \b(?<name>[\p{L}-]*värde[t]?)\h+(?:som\h+)?(?:pendlar|ligger|låg|är|var)\h+(?:runt|kring|omkring|på|om)\h+(?<value>\d{1,3}(?:,\d+)?)(?!\d|,\d)
example Kommunens hemsida har ett LIX-värde som pendlar runt 35 vilket är lättläst.
  name = LIX-värde
  value = 35
example värdet är högt
  no match

pattern kpi.count-at
kind    kpi.prose
description how many of something at a place: "18 olika hyresgäster på Grönt center"
regex   (?<value>\d{1,3}(?:[\h\x{00A0}]\d{3})*|\d{4,7})\h+(?:olika\h+)(?<name>\p{L}+\h+(?:på|i)\h+\p{Lu}[\p{L}\h]{2,30}?)(?=\h+(?:och|som|vilket|där|samt)\b|[.,;]|$)
example det nu finns 18 olika hyresgäster på Grönt center och att en hel del
  value = 18
  name = hyresgäster på Grönt center
example 18 olika sätt
  no match

pattern kpi.level-changed
kind    kpi.prose
description a level something rose or fell to, with last year's: "Sjukfrånvaron ökade till 8,9 procent (7,6 procent år 2020)"
regex   (?J)(?<name>\p{Lu}\p{Ll}+(?:\h+[\p{Ll}\d]+){0,3}?)\h+(?:ökade|minskade|steg|sjönk|landade)\h+till\h+
regex   (?<value>\d{1,3}(?:,\d+)?)\h*(?<unit>procent|%)
regex   (?:\h*\((?<previous>\d{1,3}(?:,\d+)?)\h*(?:procent|%)?\h*(?:året\h+innan|föregående\h+år|år\h+\d{4}|\d{4})\)
regex   |\h+från\h+(?<previous>\d{1,3}(?:,\d+)?)\h*(?:procent|%)\h+(?:året\h+innan|föregående\h+år|år\h+\d{4}))?
example Sjukfrånvaron minskade till 6,1 procent från 6,8 procent året innan.
  name = Sjukfrånvaron
  value = 6,1
  previous = 6,8
example Sjukfrånvaron ökade till 8,9 procent (7,6 procent år 2020).
  name = Sjukfrånvaron
  value = 8,9
  previous = 7,6
  unit = procent
example Sjukfrånvaron ökade med 1,3 procent.
  no match

pattern kpi.level-from-to
kind    kpi.prose
flags   i
description a share that went from one level to another: "andelen … ökade från 71,3 till 73,0 procent"
regex   (?<name>andel(?:en)?\h+[^,.()]{3,80}?)\h+(?:ökade|minskade|steg|sjönk|gick)\h+från\h+(?<previous>\d{1,3}(?:,\d+)?)\h*(?:procent|%)?\h+till\h+
regex   (?<value>\d{1,3}(?:,\d+)?)\h*(?<unit>procent|%)
example Andelen elever i årskurs 9 som nått kunskapskraven i alla ämnen ökade från 71,3 till 73,0 procent men nådde inte målvärdet.
  name = Andelen elever i årskurs 9 som nått kunskapskraven i alla ämnen
  previous = 71,3
  value = 73,0

pattern kpi.level-was
kind    kpi.prose
description a level that was: "Genomströmningen inom fyra år var 74,2 procent"
regex   (?<name>\p{Lu}\p{Ll}+(?:\h+[\p{Ll}\d]+){0,4}?)\h+(?:var|blev|låg\h+på|uppgick\h+till)\h+
regex   (?<value>\d{1,3}(?:,\d+)?)\h*(?<unit>procent|%)(?!\h+(?:bättre|sämre|högre|lägre|mer|mindre|fler|färre|av)\b)
example Genomströmningen inom fyra år var 74,2 procent.
  name = Genomströmningen inom fyra år
  value = 74,2
example Resultatet var 5 procent bättre än väntat.
  no match
example Personalkostnaderna uppgick till 75 procent av kostnaderna.
  no match

pattern kpi.rate-of
kind    kpi.prose
description a rate something had: "en svarsfrekvens på 81 procent"
regex   \b(?:en|ett)\h+(?<name>\p{Ll}+(?:frekvens|grad|andel|nivå))\h+(?:på|om)\h+(?<value>\d{1,3}(?:,\d+)?)\h*(?<unit>procent|%)
example Medarbetarundersökningen genomfördes i oktober med en svarsfrekvens på 81 procent.
  name = svarsfrekvens
  value = 81
example en ökning på 5 procent
  no match

# A series: a name, then groups ("A) Hushåll:"), each with a value per
# place ("Krokoms 72,7% (69,8), Jämtland 72,6%").

pattern kpi.series.name
kind    kpi.series-name
description the name a series of places gives its figures
regex   (?<name>Andel(?:en)?\h+[^:()]{5,120}?)\h*(?:\([^)]*\))?\h*:
example Andel med tillgång till bredband/fiber om minst 100 Mbit/s (föregående år inom parentes):A) Hushåll
  name = Andel med tillgång till bredband/fiber om minst 100 Mbit/s

pattern kpi.series.group
kind    kpi.series-group
description a group in a series: "A) Hushåll:"
regex   (?:^|[\h.:])(?:[A-Z]\)\h*)(?<group>\p{Lu}[\p{L}\h-]{2,40}?):
example parentes):A) Hushåll: Krokoms 72,7% (69,8), Jämtland 72,6%, Riket 85,1%.B) Arbetsställen: Krokoms 69,2%
  group = Hushåll
  match 2
  group = Arbetsställen

pattern kpi.series.entry
kind    kpi.series-entry
description a place and its value in a series: "Krokoms 72,7% (69,8)"
regex   (?<qualifier>\p{Lu}[\p{L}-]+)\h+(?<value>\d{1,3}(?:,\d+)?)\h*(?<unit>%)(?:\h*\((?<previous>\d{1,3}(?:,\d+)?)\h*%?\))?
example Krokoms 72,7% (69,8), Jämtland 72,6%, Riket 85,1%.
  qualifier = Krokoms
  value = 72,7
  previous = 69,8
  unit = %
  match 3
  qualifier = Riket
  value = 85,1

pattern kpi.table-title
kind    kpi.table-title
flags   i
description a table of key figures by its title
regex   \b(?<word>nyckeltal|flerårsöversikt|flerårsjämförelse|nyckeltalstabell)\b
example Nyckeltal 2022
  word = Nyckeltal
example FLERÅRSÖVERSIKT
  word = FLERÅRSÖVERSIKT
example Driftredovisning
  no match
