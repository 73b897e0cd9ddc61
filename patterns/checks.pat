# Checks: figures the prose states about the accounts, and what a bottom
# line is about (kind check.quantity: each pattern names one quantity, and
# two tables' bottom lines that one pattern names are one quantity).
# Numbers are read with the tool's one number parser; the value group only
# has to find where the number is.

pattern check.text.outcome-budget
kind    check.text.outcome-budget
flags   i
description the year's result against its budget in one sentence, and the deviation it gives: each figure is checked against the table (value: the outcome, budget, deviation with its direction)
regex   (?<topic>resultat(?:et)?|årsresultat(?:et)?|nettokostnad(?:en)?|utfall(?:et)?)(?:\h+för\h+(?:året|\d{4}))?\h+(?:blev|uppgick\h+till|var|landade\h+på|hamnade\h+på)\h+
regex   (?<value>(?:[−-]\h?)?\d{1,3}(?:[\h\x{00A0}\x{2009}\x{202F}]\d{3})*(?:,\d+)?)\h*(?<unit>miljoner\h+kronor|mnkr|mkr|tusen\h+kronor|tkr|kronor|kr)\b
regex   \h+(?:mot|jämfört\h+med|i\h+förhållande\h+till)\h+(?:det\h+)?(?:budgeterade|budgeterat|budget(?:en)?(?:\h+på)?)\h+
regex   (?<budget>(?:[−-]\h?)?\d{1,3}(?:[\h\x{00A0}\x{2009}\x{202F}]\d{3})*(?:,\d+)?)\h*(?<budget_unit>miljoner\h+kronor|mnkr|mkr|tusen\h+kronor|tkr|kronor|kr)\b
regex   (?:[^.]{0,40}?\b(?<direction>positiv|negativ)\h+(?:budget)?avvikelse\h+(?:med|på|om)\h+
regex   (?<deviation>(?:[−-]\h?)?\d{1,3}(?:[\h\x{00A0}\x{2009}\x{202F}]\d{3})*(?:,\d+)?)\h*(?<deviation_unit>miljoner\h+kronor|mnkr|mkr|tusen\h+kronor|tkr|kronor|kr)\b)?
example Nämndens resultat för 2023 blev 1 412 tusen kronor mot budgeterade 900 tusen kronor, vilket ger en positiv avvikelse med 512 tusen kronor.
  value = 1 412
  unit = tusen kronor
  budget = 900
  direction = positiv
  deviation = 512
example Årets resultat landade på -3,2 mnkr jämfört med budgeterat -1,0 mnkr, en negativ avvikelse om 2,2 mnkr.
  value = -3,2
  budget = -1,0
  direction = negativ
  deviation = 2,2
example Resultatet var 85 tkr mot budget på 0 tkr.
  value = 85
  budget = 0
example Resultatet blev bättre än väntat.
  no match

pattern check.text.surplus
kind    check.text
flags   i
description a surplus or deficit in the prose: "ett överskott om 7,3 miljoner kronor", "plusresultat med dryga 7 mnkr"
regex   (?<topic>överskott|underskott|plusresultat|minusresultat|positivt\h+resultat|negativt\h+resultat)
regex   (?:\h+(?!om\b|på\b|med\b|av\b)[\p{L}\d.,-]+){0,4}\h+(?:om|på|med|av)\h+
regex   (?:(?<approx>drygt|dryga|cirka|ca\.?|knappt|nästan|ungefär|runt)\h+)?
regex   (?<value>[−-]?\d{1,3}(?:[\h\x{00A0}\x{2009}\x{202F}]\d{3})*(?:,\d+)?)\h*
regex   (?<unit>miljoner\h+kronor|miljoner\h+kr|mnkr|mkr|tusen\h+kronor|tkr|kronor|kr)\b
example Kommunstyrelsens verksamheter visar vid årsbokslutet ett överskott om 7,3 miljoner kronor.
  topic = överskott
  value = 7,3
  unit = miljoner kronor
example Verksamheten bidrog dessutom till kommunens plusresultat med dryga 7 mnkr.
  topic = plusresultat
  approx = dryga
  value = 7
  unit = mnkr
example Kultur- och fritidsnämnden redovisar ett överskott mot budget med 1,07 mnkr för året.
  topic = överskott
  value = 1,07
example Sammantaget redovisar nämnden ett underskott om 2,4 miljoner kronor för 2019.
  topic = underskott
  value = 2,4
example Underskottet beror främst på ökade kostnader.
  no match

pattern check.text.net-cost
kind    check.text
flags   i
description the year's net cost in the prose: "en nettokostnad på 472 450 tkr", "Nämndens nettokostnad blev 11 000 tkr"
regex   (?<topic>nettokostnad(?:en|er|erna)?)\h+(?:för\h+året\h+)?(?:på|om|uppgick\h+till|blev|var|landade\h+på)\h+
regex   (?:(?<approx>drygt|dryga|cirka|ca\.?|knappt|nästan|ungefär|runt)\h+)?
regex   (?<value>[−-]?\d{1,3}(?:[\h\x{00A0}\x{2009}\x{202F}]\d{3})*(?:,\d+)?)\h*
regex   (?<unit>miljoner\h+kronor|miljoner\h+kr|mnkr|mkr|tusen\h+kronor|tkr|kronor|kr)\b
example Nämnden redovisar för året en nettokostnad på 472 450 tkr, vilket är 1 250 tkr mer än budget.
  topic = nettokostnad
  value = 472 450
  unit = tkr
example Nämndens nettokostnad blev 11 000 tkr, vilket är 2 400 tkr mer än budgeterat.
  value = 11 000
example Nettokostnaden ökade kraftigt.
  no match

pattern check.quantity.net-cost
kind    check.quantity
flags   i
description a bottom line that is the net cost of operations (a row label, or the table's title)
regex   \b(?<word>nettokostnad\w*|verksamhetsnetto|driftredovisning|verksamheter|driftbudget|drift)\b
example Nettokostnader
  word = Nettokostnader
example Driftredovisning per verksamhet
  word = Driftredovisning
example Nettoinvesteringar
  no match

pattern check.quantity.investment
kind    check.quantity
flags   i
description a bottom line that is investment
regex   (?<word>investering\w*)
example Nettoinvesteringar
  word = investeringar
example Summa investeringsprojekt
  word = investeringsprojekt
example Nettokostnader
  no match

# The two sides of a balance sheet: their totals are one amount. In a
# ledger's print the claims carry the credit sign, and the two add up to the
# result not yet booked (check.balance.result).
pattern check.balance.assets
kind    check.balance.assets
flags   i
description the total of a balance sheet's assets
regex   ^\h*(?:summa|s:a|totalt)\h+(?<word>tillgångar)\h*$
example SUMMA TILLGÅNGAR
  word = TILLGÅNGAR
example Summa tillgångar
  word = tillgångar
example Summa omsättningstillgångar
  no match

pattern check.balance.claims
kind    check.balance.claims
flags   i
description the total of a balance sheet's equity and liabilities, in either order
regex   ^\h*(?:summa|s:a|totalt)\h+(?<word>eget\h+kapital,?\h+(?:avsättningar\h+)?och\h+skulder|eget\h+kapital,\h+avsättningar\h+och\h+skulder|skulder(?:,\h*avsättningar)?\h+och\h+eget\h+kapital)\h*$
example SUMMA EGET KAPITAL OCH SKULDER
  word = EGET KAPITAL OCH SKULDER
example Summa eget kapital, avsättningar och skulder
  word = eget kapital, avsättningar och skulder
example Summa SKULDER OCH EGET KAPITAL
  word = SKULDER OCH EGET KAPITAL
example Summa eget kapital
  no match

pattern check.balance.result
kind    check.balance.result
flags   i
description a ledger's result not yet booked, under its balance report: assets and claims (credit sign) add up to it
regex   ^\h*(?<word>beräknat\h+resultat|periodens\h+resultat|årets\h+resultat|redovisat\h+resultat)\h*$
example BERÄKNAT RESULTAT
  word = BERÄKNAT RESULTAT
example PERIODENS RESULTAT
  word = PERIODENS RESULTAT
example Resultat efter finansiella poster
  no match

# Columns of a balance report: the opening balance, what the period
# changed, the closing balance (opening + change = closing on every row).
pattern check.column.opening
kind    check.column.opening
flags   i
description an opening balance column
regex   ^\h*(?<word>ing\.?\h*(?:saldo|balans)|ingående\h+(?:saldo|balans)|ib)\b
example Ing balans
  word = Ing balans
example Ing saldo
  word = Ing saldo
example Ingående balans 2025-01-01
  word = Ingående balans
example Budget
  no match

pattern check.column.change
kind    check.column.change
flags   i
description the change of the period, between an opening and a closing balance
regex   ^\h*(?<word>förändring|period|periodens\h+förändring|årets\h+förändring)\h*$
example Period
  word = Period
example Förändring
  word = Förändring
example Period fg år
  no match

pattern check.column.closing
kind    check.column.closing
flags   i
description a closing balance column
regex   ^\h*(?<word>utg\.?\h*(?:saldo|balans)|utgående\h+(?:saldo|balans)|ub)\b
example Utg balans
  word = Utg balans
example Utg saldo
  word = Utg saldo
example Utgående balans
  word = Utgående balans
example Utfall
  no match

# Rows of a balance carried from year to year: this year's opening balance
# is last year's closing balance (the next column to the right, a year
# earlier).
pattern check.row.opening
kind    check.row.opening
flags   i
description a row that gives the balance at the start of the year
regex   (?<word>\bvid\h+(?:årets|periodens|räkenskapsårets)\h+(?:början|ingång)\b|^\h*ingående\b|^\h*ing\.\h)
example Likvida medel vid årets början
  word = vid årets början
example Belopp vid årets ingång
  word = vid årets ingång
example Ingående anskaffningsvärden
  word = Ingående
example Likvida medel vid årets slut
  no match

pattern check.row.closing
kind    check.row.closing
flags   i
description a row that gives the balance at the end of the year
regex   (?<word>\bvid\h+(?:årets|periodens|räkenskapsårets)\h+(?:slut|utgång)\b|^\h*utgående\b|^\h*utg\.\h)
example Likvida medel vid årets slut
  word = vid årets slut
example Belopp vid årets utgång
  word = vid årets utgång
example Utgående anskaffningsvärden
  word = Utgående
example Likvida medel vid årets början
  no match
