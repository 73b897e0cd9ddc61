# Tables: what their labels mean. Subjects are single header cells (column
# labels, "Budget 2020"), row labels ("Verksamhetsnetto"), or the short texts
# around a table that may declare its unit ("(tkr)", "Belopp i mnkr").
# Kinds are tried in the order the table code gives: deviation before budget
# ("Budgetavvikelse" holds "Budget"), forecast, budget, actual, utfall.

pattern table.unit
kind    table.unit
flags   i
description the unit a table declares; the group that matches names it
regex   (?:^|(?<!\d)[\s(])(?:(?<tkr>tkr|tkr\.|kkr|tsek|tusen(?:tal|tals)?\h+kronor|tusentals\h+kr)|(?<mnkr>mnkr|mkr|mnkr\.|msek|miljoner\h+kronor|miljoner\h+kr|mn\h+kr)|(?<kr>kr|kronor|sek)|(?<percent>%|procent))(?=$|[\s).,:;])
example (tkr)
  tkr = tkr
example Belopp i mnkr
  mnkr = mnkr
example Ekonomi (tkr)
  tkr = tkr
example Belopp i tusentals kronor
  tkr = tusentals kronor
example miljoner kronor
  mnkr = miljoner kronor
example Belopp i kr
  kr = kr
example Andel (%)
  percent = %
example Mkr
  mnkr = Mkr
example Kronor per invånare
  kr = Kronor
example Kommunstyrelsen
  no match
example Trafikfrågor
  no match
example Antalet anställda ökade med 3,2 procent under året.
  no match
example Kostnaderna var 12 tkr lägre
  no match

pattern table.column.deviation
kind    table.column.deviation
flags   i
description a difference against the budget (or the plan)
regex   \b(?<word>avvikelse|budgetavvikelse|budget-\h*avvikelse|avv\.?|differens|diff\.?|återstår|återstående|resultat\h+mot\h+budget|budgetavv\.?)(?=$|[\s.,:;)])
example Avvikelse
  word = Avvikelse
example Budgetavvikelse 2025
  word = Budgetavvikelse
example Budget- avvikelse
  word = Budget- avvikelse
example Återstår
  word = Återstår
example Budget 2020
  no match

pattern table.column.forecast
kind    table.column.forecast
flags   i
description a forecast of the year's outcome
regex   \b(?<word>prognos|helårsprognos|prognos\h+helår)\b
example Prognos 2021
  word = Prognos
example Helårsprognos
  word = Helårsprognos
example Budget
  no match

pattern table.column.budget
kind    table.column.budget
flags   i
description the budget (or a revised budget)
regex   \b(?<word>reviderad\h+budget|total\h+projektbudget|projektbudget|totalbudget|årsbudget|budget|budg\.?)(?=$|[\s.,:;)])
example Budget 2019
  word = Budget
example Årsbudget
  word = Årsbudget
example Total projektbudget
  word = Total projektbudget
example Bokfört 2019
  no match

pattern table.column.actual
kind    table.column.actual
flags   i
description the recorded outcome
regex   \b(?<word>bokfört|bokfört\h+utfall|redovisat|bokslut|ack\.?\h+utfall|ackumulerat\h+utfall|verkligt|resultat|räkenskapsår)\b
example Bokfört 2019
  word = Bokfört
example Bokslut 2020
  word = Bokslut
example Ack. Utfall
  word = Ack. Utfall
example Budget 2020
  no match

pattern table.column.utfall
kind    table.column.utfall
flags   i
description "Utfall": the outcome in one report, the difference in another; the arithmetic decides
regex   \b(?<word>utfall)\b
example Utfall 2019
  word = Utfall
example Utfall
  word = Utfall
example Budget
  no match

pattern table.year.date
kind    table.year
description the year of a date, or of a period's last date, a column speaks of (a balance date, a fiscal year)
regex   (?<![\d-])(?:(?:19|20)\d\d-\d\d-\d\d\h*(?:[-–—:]|till)?\h*)?(?<year>(?:19|20)\d\d)-\d\d-\d\d(?![\d-])
example 2023-12-31
  year = 2023
example Utfall 2025-12-31
  year = 2025
example 2022-07-01 - 2023-06-30
  year = 2023
example 2023-01-01 2023-12-31
  year = 2023
example Budget 2019
  no match

pattern table.year.span
kind    table.year
description a span of years, as a split fiscal year: its last year
regex   (?<![\d-])(?:19|20)\d\d\h*[-–—]\h*(?<year>(?:19|20)\d\d)(?![\d-])
example 2022 - 2023
  year = 2023
example Budget 2019
  no match

pattern table.year
kind    table.year
description the year a column speaks of
regex   (?<![\d-])(?<year>(?:19|20)\d\d)(?![\d-])
example Budget 2019
  year = 2019
example 2024
  year = 2024
example Utfall 2025-12-31
  no match
example Budget
  no match

pattern table.row.total
kind    table.row.total
flags   i
description a sum of the rows above it
regex   ^\h*(?<word>summa|totalt|total|s:a|tot\.?)\b
example Summa pågående projekt
  word = Summa
example Totalt
  word = Totalt
example S:a kostnader
  word = S:a
example Totalbudget
  no match

pattern table.row.net
kind    table.row.net
flags   i
description revenue and cost together
regex   ^\h*(?<word>verksamhetsnetto|verksamhetens\h+nettokostnad(?:er)?|nettokostnad(?:er)?|netto|nettointäkt(?:er)?|(?:årets|periodens|beräknat)\h+resultat|resultat|rörelseresultat|nettoinvestering(?:ar)?|nettoutfall|(?:verksamhetens\h+)?över-?\h*/\h*underskott)\b
example Verksamhetsnetto
  word = Verksamhetsnetto
example Nettokostnader
  word = Nettokostnader
example Årets resultat
  word = Årets resultat
example Nettoinvesteringar
  word = Nettoinvesteringar
example Rörelseresultat
  word = Rörelseresultat
example PERIODENS RESULTAT
  word = PERIODENS RESULTAT
example Verksamhetens över-/underskott
  word = Verksamhetens över-/underskott
example Över-/underskott efter finansiella poster
  word = Över-/underskott
example Nettoomsättning
  no match

pattern table.row.revenue
kind    table.row.revenue
flags   i
description income
regex   ^\h*(?<word>intäkter|verksamhetens\h+intäkter|driftintäkter|driftsintäkter|inkomster|nettoomsättning|rörelseintäkter)$
example Intäkter
  word = Intäkter
example Verksamhetens intäkter
  word = Verksamhetens intäkter
example Nettoomsättning
  word = Nettoomsättning
example Kostnader
  no match

pattern table.row.cost
kind    table.row.cost
flags   i
description expenses
regex   ^\h*(?<word>kostnader|verksamhetens\h+kostnader|driftkostnader|driftskostnader|utgifter|rörelsekostnader|summa\h+kostnader)$
example Kostnader
  word = Kostnader
example Verksamhetens kostnader
  word = Verksamhetens kostnader
example Driftkostnader
  word = Driftkostnader
example Personalkostnader
  no match
example Intäkter
  no match

pattern table.sign.cost
kind    table.sign.cost
flags   i
description a row that holds costs, whose sign shows the table's convention
regex   (?<word>kostnad|utgift)
example Personalkostnader
  word = kostnad
example Summa kostnader
  word = kostnad
example Utgifter
  word = Utgift
example Intäkter
  no match

pattern table.row.of-which
kind    table.row.of-which
flags   i
description a line that tells part of the line above it ("varav", "inklusive"): not added into totals
regex   ^\h*(?<word>varav|därav|inklusive|inkl\.?|exklusive|exkl\.?|av\h+vilka|av\h+detta)\b
example varav statsbidrag
  word = varav
example Inklusive justering av kostnad tidigare debiterad kostnad (2015-2022)
  word = Inklusive
example Övriga intäkter
  no match

pattern table.label-unit
kind    table.label-unit
description a unit after a row label, in brackets, after a comma, after "i", or a unit of amounts or shares set last: the name without it, and the unit
regex   ^(?<name>.+?)(?|\h*\((?<unit>%|kr|tkr|mnkr|mkr|st|antal|dagar|veckor|timmar|minuter|år|procent|kr/inv|kr/invånare|kr/elev|kr/brukare|kvm|m²|m2|ton|kg|kWh|MWh|km|kr/kvm|kr/m²|kr/m2)\)|,\h*(?<unit>%|kr|tkr|mnkr|mkr|st|antal|procent|kr/kvm|kr/m²|kr/elev|kr/invånare|kvm)|\h+i\h+(?<unit>tkr|mnkr|mkr|kr|procent|%)|\h+(?<unit>%|(?i:tkr|mnkr)|kr/kvm|kr/m²))$
example Kostnad per invånare (kr)
  name = Kostnad per invånare
  unit = kr
example Andel behöriga lärare (%)
  name = Andel behöriga lärare
  unit = %
example Nettoomsättning, tkr
  name = Nettoomsättning
  unit = tkr
example Resultat i tkr
  name = Resultat
  unit = tkr
example Soliditet %
  name = Soliditet
  unit = %
example Årsavgift kr/kvm
  name = Årsavgift
  unit = kr/kvm
example Balansomslutning Tkr
  name = Balansomslutning
  unit = Tkr
example Antal besökare bibliotek
  no match
example Bidrag (varav statligt)
  no match
example Summa kostnader
  no match

# A line that may look like a heading over a table but never names one: a
# date or a period, a year, an organisation number, a booking date, a note
# column's "Not". The table is then named by the heading before it.
pattern table.period.date
kind    table.period
flags   i
description a date, a period or a year, alone on its line: it names no table, and a column headed by it alone holds that period's figures
regex   ^\h*(?:(?:(?:\d{1,2}\h+)?(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?(?:\h+(?:19|20)\d\d)?|(?:19|20)\d\d(?:-\d\d(?:-\d\d)?)?)(?:(?:\h*[-–—]\h*|\h+)(?:(?:\d{1,2}\h+)?(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?(?:\h+(?:19|20)\d\d)?|(?:19|20)\d\d(?:-\d\d(?:-\d\d)?)?))?|(?:19|20)\d\d\h*/\h*(?:19|20)?\d\d)\h*$
example 1 JANUARI - 31 DECEMBER
example 2022-01-01
example 2022-01-01 – 2022-12-31
example 2023-01-01 2023-12-31
example 2020
example jan–dec 2024
example 1 juli 2023 - 30 juni 2024
example 2023/24
example Resultaträkning 2023
  no match
example Januarimöte
  no match
example Nämnd och ledning
  no match

pattern table.period.word
kind    table.period
flags   i
description a column head that names only a period of the outcome: the period, the year so far, last year
regex   ^\h*(?:(?:period(?:en)?|ackumulerat|helår)(?:\h+(?:fg|föreg\.?|föregående)\h+år)?|(?:fg|föreg\.?|föregående)\h+år
regex   |räkenskapsår(?:et)?(?:\h+(?:19|20)\d\d(?:\h*[-–/]\h*(?:19|20)?\d\d)?)?)\h*$
example Period
example Räkenskapsår 2025
example Räkenskapsåret 2022/23
example Ackumulerat
example Period fg år
example Föregående år
example Periodens resultat
  no match
example Ack. budget
  no match

pattern table.not-a-title.booking
kind    table.not-a-title
flags   i
description a line that dates or times the report, not its tables
regex   ^\h*(?:senaste\h+bokföringsdag|period|räkenskapsår(?:et)?|utskriftsdatum|utskrivet|datum)\b[\h:]*.*\d
example Senaste bokföringsdag 2025-12-31
example Period 2025-01-01 - 2025-12-31
example Räkenskapsår 2025
example Periodens resultat
  no match

pattern table.not-a-title.org-number
kind    table.not-a-title
flags   i
description an organisation number
regex   ^\h*(?:org(?:anisations)?\.?\h*(?:nr|nummer)\.?\h*:?\h*)?\d{6}-\d{4}\h*$
example Org.nr 769622-7128
example 716444-1234
example Organisationsnummer: 212000-2411
example Kommun 212000-2411 och bolag
  no match

pattern table.not-a-title.note-column
kind    table.not-a-title
flags   i
description the head of a note column, alone
regex   ^\h*not\h*$
example Not
example NOT
example Not 5 Byggnader
  no match
example Noter
  no match

pattern table.column.note
kind    table.column.note
flags   i
description the head of a note column: the notes that explain the rows
regex   ^\h*(?<word>not|noter|not\h+nr|notnr|note)\.?\h*$
example Not
  word = Not
example NOT
  word = NOT
example Noter
  word = Noter
example Not nr
  word = Not nr
example Not 5 Byggnader
  no match
example Nettoomsättning
  no match

pattern table.note-ref
kind    table.note-ref
flags   i
description a note reference in a note column: one small number or a list of them, "Not" before it allowed
regex   ^\h*(?:not\h*)?(?<refs>\d{1,2}(?:\h?[a-z]\b)?(?:(?:,\h+|\h+och\h+|\h*&\h*|\h*[-–]\h*)\d{1,2}(?:\h?[a-z]\b)?)*)\h*$
example 3
  refs = 3
example Not 12
  refs = 12
example 3, 4
  refs = 3, 4
example 7 och 8
  refs = 7 och 8
example 2a
  refs = 2a
example 4 557
  no match
example -3
  no match
example 2,5
  no match
example 2023
  no match

pattern table.statement-part
kind    table.statement-part
flags   i
description a side of a balance sheet, set over its labels: a table that goes on under another of these is the same statement
regex   ^\h*(?:tillgångar|(?:summa\h+)?eget\h+kapital(?:,)?\h+(?:avsättningar\h+)?och\h+skulder|skulder(?:,\h*avsättningar)?\h+och\h+eget\h+kapital|eget\h+kapital|skulder|avsättningar\h+och\h+skulder)\h*$
example TILLGÅNGAR
example Eget kapital och skulder
example EGET KAPITAL OCH SKULDER
example Eget kapital, avsättningar och skulder
example Skulder och eget kapital
example Resultaträkning
  no match
example Not 3 Övriga rörelseintäkter
  no match

pattern table.column.label-head
kind    table.column.label-head
flags   i
description the head of the label column, or of a text column beside it (the first of several heads in the corner): it names the column, not the table
regex   ^\h*(?:verksamhet(?:er|sområden?)?|tjänster?|projekt|objekt|nämnd(?:er)?|enhet(?:er)?|område|konto|kontonamn|benämning|specifikation|post(?:er)?|typ|slag|antal|år|datum|lån|långivare|låneinstitut|kreditinstitut|bank|ränta|räntesats|belopp|konv(?:erterings)?\.?\h*datum|villkorsändr(?:ings)?\.?\h*(?:dag|datum)|ränteändring(?:sdag)?|förfallodag|lånenummer)(?:\h*:?\h*$|\h+\S)
example Verksamhet
example Verksamhetsområde
example Tjänster
example Projekt
example Objekt
example Konv.datum
example Villkorsändringsdag
example Villkorsändr dag
example Låneinstitut
example Låneinstitut Lånenummer Ränta Konv.datum
example Antal Benämning
example Verksamhetens nettokostnad
  no match
example Gemensam administration
  no match
example Kommunstyrelsen
  no match
example Nettokostnad per verksamhet
  no match

pattern table.label-note
kind    table.label-note
flags   i
description a note reference set after a row's label in the label column: the label without it, and the notes
regex   ^(?<label>.*\S)\h+not(?:er)?\h*(?<refs>\d{1,2}(?:\h?[a-z]\b)?(?:(?:,\h*|\h+och\h+|\h*&\h*|\h*[-–]\h*)\d{1,2}(?:\h?[a-z]\b)?)*)\h*$
example Byggnader och Mark Not 6
  label = Byggnader och Mark
  refs = 6
example Byggnader Not 8,12
  label = Byggnader
  refs = 8,12
example Inventarier not 7
  label = Inventarier
  refs = 7
example Ungdomsbostäder 2
  no match
example Not 6
  no match

pattern table.note-heading
kind    table.note-heading
flags   i
description a note's heading set as a row inside a table of notes: it starts the next note's table
regex   ^\h*not\h*(?<number>\d{1,2})\b\h*[,.:]?\h*(?<name>\p{L}.*)
example Not 2 Övriga rörelseintäkter
  number = 2
  name = Övriga rörelseintäkter
example NOT 11, RÄNTEKOSTNADER OCH LIKNANDE
example Not 7 Räntekostnader och liknande resultatposter
example Noter
  no match
example Nettoomsättning
  no match
example Not 8,12
  no match

pattern table.statement
kind    table.statement
flags   i
description a table that is a financial statement or its notes: its figures are outcomes
regex   ^\h*(?:(?:\d+(?:\.\d+)*\h+)?(?:resultaträkning|balansräkning|kassaflödesanalys|kassaflödesrapport|finansieringsanalys|resultatrapport|balansrapport|förändring(?:ar)?\h+(?:i|av)\h+eget\h+kapital|flerårsöversikt|noter)\b|not\h*\d{1,2}\b)
example Resultaträkning
example Balansräkning Långkatekesen
example Resultatrapport ÅRL
example Not 4 Byggnader
example NOT 11, RÄNTEKOSTNADER
example Driftredovisning
  no match
example Nettokostnad per verksamhet
  no match

pattern table.last-year
kind    table.last-year
flags   i
description a column head that names the year before the report's: its year is the report's year less one
regex   (?:^|\h)(?:fg|föreg\.?|föregående)\h+år\b
example Period fg år
example Föregående år
example fg år
example Periodens resultat
  no match

pattern table.balance-sheet
kind    table.balance-sheet
flags   i
description a balance sheet: its rows are items and sums of them, its results items of equity
regex   ^\h*(?:\d+(?:\.\d+)*\h+)?(?:balansräkning|balansrapport|koncernbalansräkning)\b
example Balansräkning
example Balansrapport ÅRL
example Koncernbalansräkning
example Resultaträkning
  no match

pattern table.cash-flow
kind    table.cash-flow
flags   i
description a cash flow statement: its results are where the flows start, its flows sums
regex   ^\h*(?:\d+(?:\.\d+)*\h+)?(?:kassaflödesanalys|kassaflödesrapport|finansieringsanalys|kassaflödesanalys\h+för\h+\w+)\b
example Kassaflödesanalys
example Finansieringsanalys
example Kassaflödesrapport 2024
example Kassa och bank
  no match

pattern table.key-figures
kind    table.key-figures
flags   i
description a table of key figures over the years: every row is a measure of its own, none a sum or a net
regex   ^\h*(?:\d+(?:\.\d+)*\h+)?(?:flerårsöversikt|nyckeltal|fem\h*års\h*översikt|ekonomisk\h+översikt|ekonomiska\h+nyckeltal|väsentliga\h+nyckeltal)\b
example Flerårsöversikt
example Nyckeltal
example Femårsöversikt
example Ekonomiska nyckeltal
example Resultaträkning
  no match

pattern table.row.cash-flow-sum
kind    table.row.cash-flow-sum
flags   i
description in a cash flow statement, the flow of an activity, of the year, and the cash at its end: sums of the rows above
regex   ^\h*(?<word>kassaflöde\h+(?:från|före)\b|årets\h+kassaflöde\b|likvida\h+medel\h+vid\h+(?:årets|periodens)\h+slut\b)
example Kassaflöde från den löpande verksamheten
  word = Kassaflöde från
example Årets kassaflöde
  word = Årets kassaflöde
example Likvida medel vid årets slut
  word = Likvida medel vid årets slut
example Kassaflöde före förändring av rörelsekapital
  word = Kassaflöde före
example Likvida medel vid årets början
  no match

pattern table.income-statement
kind    table.income-statement
flags   i
description an income statement: its items are revenue or costs by the heading they stand under
regex   ^\h*(?:\d+(?:\.\d+)*\h+)?(?:resultaträkning|resultatrapport|koncernresultaträkning)\b
example Resultaträkning
example Resultatrapport ÅRL
example Balansräkning
  no match

pattern table.row.ratio
kind    table.row.ratio
flags   i
description a ratio or a share, never a net of revenue and costs: per inhabitant, per square metre, in percent
regex   (?<word>\bper\h+\w+|%|\bprocent\b|\bandel\b|\(\h*%\h*\)|\bkr\h*/\h*\w+)
example Nettokostnad per invånare
  word = per invånare
example Årets resultat, %
  word = %
example Andel av nettokostnaden
  word = Andel
example Resultat kr/kvm
  word = kr/kvm
example Årets resultat
  no match

pattern table.approx
kind    table.approx
flags   i
description an approximate figure in a cell: its value stands, marked approximate, and no sum is checked exactly with it
regex   ^\h*(?:ca\.?|c:a|cirka|ung\.?|ungefär|omkring|runt|~|≈)\h*(?<number>[-−–+]?\h?\d.*?)\h*$
example ca 1 200
  number = 1 200
example ung. 116 000
  number = 116 000
example ~40
  number = 40
example Cirka 35 %
  number = 35 %
example c:a 3,5
  number = 3,5
example 1 200
  no match
example Carport
  no match

pattern table.counts
kind    table.counts
flags   i
description a table, column or row of counts of whole things (head counts, cases): their sums are exact, not rounded
regex   (?:^\h*(?:totalt\h+)?(?<word>antal)\b|\((?<word2>st|antal|personer|stycken)\)\h*$|\b(?<word3>personer|st)\h*$)
example Antal anställda
  word = Antal
example Totalt antal anställda
  word = antal
example Antal
  word = Antal
example Ärenden (st)
  word2 = st
example Inkomna ärenden, personer
  word3 = personer
example Antal årsarbetare
  word = Antal
example Kostnad per invånare (kr)
  no match
example Nettokostnad
  no match

pattern table.full-time-equivalents
kind    table.full-time-equivalents
flags   i
description full-time equivalents and other shares of a post: counted, but rounded like amounts
regex   \b(?<word>årsarbetare|heltidstjänster|heltidsekvivalenter|helårsekvivalenter|åa|tjänster|årsarbeten)\b
example Antal årsarbetare
  word = årsarbetare
example Heltidstjänster
  word = Heltidstjänster
example Antal anställda
  no match

pattern table.default-unit
kind    table.default-unit
flags   i
description the report's own word on the unit of its figures where a table says none ("Om inte annat anges redovisas alla belopp i tusental kronor"): the unit group names it
regex   (?|om\h+(?:inte|inget)\h+annat\h+(?:särskilt\h+)?(?:anges|angivits|framgår|sägs)\h*,?\h+(?:redovisas|anges|är|uttrycks)\h+(?:alla\h+)?(?:belopp|beloppen|siffrorna|uppgifterna)\h+i\h+
regex   (?<unit>tusental\h+kronor|tusentals\h+kronor|tusen\h+kronor|tkr|tsek|miljoner\h+kronor|mnkr|msek|kronor|kr|sek)\b
regex   |(?:alla\h+)?(?:belopp|beloppen|siffrorna)\h+(?:anges|redovisas|är|uttrycks)\h+i\h+
regex   (?<unit>tusental\h+kronor|tusentals\h+kronor|tusen\h+kronor|tkr|tsek|miljoner\h+kronor|mnkr|msek|kronor|kr|sek)\b
regex   (?:\h*\([^)]{1,12}\))?\h*,?\h+om\h+(?:inte|inget)\h+annat\b)
example Om inte annat särskilt anges redovisas alla belopp i tusental kronor (TSEK).
  unit = tusental kronor
example Belopp anges i kronor om inget annat anges.
  unit = kronor
example Alla belopp redovisas i tkr om inte annat framgår.
  unit = tkr
example Om inget annat anges är beloppen i miljoner kronor.
  unit = miljoner kronor
example Beloppen är i tkr, om inte annat sägs.
  unit = tkr
example Belopp vid årets ingång
  no match
example Fordringar har upptagits till de belopp varmed de beräknas inflyta.
  no match

pattern table.empty-text
kind    table.empty-text
flags   i
description a text cell that says there is no figure ("Ej aktuellt", "n/a", "saknas"): a sum over it adds nothing for it
regex   ^\h*(?:ej\h+aktuellt|ej\h+aktuell|ej\h+tillämpligt|ej\h+tillämplig|n/?a|saknas|uppgift\h+saknas|ingen\h+uppgift|—|–|-|\.\.|\.\.\.|…|x|\*)\h*$
example Ej aktuellt
example n/a
example Saknas
example ..
example 1 2O4
  no match
example Budget
  no match

pattern table.column.measure
kind    table.column.measure
flags   i
description what a column's figures measure where its head says it ("Utfall kostnader", "Prognos intäkter helår"): a deviation is between an outcome and a budget of one measure
regex   \b(?:(?<revenue>intäkter|inkomster|intäkt)|(?<cost>kostnader|utgifter|kostnad)|(?<net>netto|nettokostnad|nettokostnader|resultat))\b
example Utfall kostnader
  cost = kostnader
example Prognos intäkter helår
  revenue = intäkter
example Budget netto
  net = netto
example Budget 2023
  no match
