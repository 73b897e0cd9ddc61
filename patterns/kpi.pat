# Key figures (nyckeltal) in prose: a grammar in parts. The terms below
# (kind term) are the parts; the patterns after them are the forms a
# sentence takes, built from the parts:
#   name [kolada id] link value [unit] [previous]   "Sjukfrånvaron uppgick till 6,4 procent (6,9)"
#   name [:] value (unit and/or previous)           "Handläggningstid bygglov: 34 dagar (fg år 41)"
#   name went from previous to value                "Besöken ökade från 61 300 till 64 850 besök"
#   count verb … value [previous] counted noun      "hade föreningen 187 (181) medlemmar"
#   en/ett noun om/på value unit                    "ett statsbidrag om 12 480 tusen kronor"
#   adverbial verb det/den-name till value          "I bokslutet 2024 uppgår det egna kapitalet till …"
# A form's match is followed by its list (kind kpi.more: "och 3 lokaler",
# ", i länet 69,5 procent"), and a clause ending in ":" by its series
# (kpi.series-*). Groups read: name, value, previous, unit, qualifier,
# year, kolada_id. A name kpi.not-a-name matches is no name (a pronoun, a
# bare unit, a month, an adverbial). Changes ("ökade med 63 %", "steg med
# 0,3 procentenheter") are not levels and no form takes them.

# ---- the parts

pattern kpi.term.approx
kind    term
description a word that makes a figure approximate: such a figure is no key figure's value
regex   (?:drygt|dryga|knappt|cirka|ca|omkring|runt|nästan|närmare|uppemot|ungefär|kring)
example drygt

pattern kpi.term.modal
kind    term
description a modal or future verb, or a budget's word: a name with one in it states a goal, a forecast or a budget, not a level
regex   (?:ska|skall|skulle|kommer|väntas|bedöms|beräknas|bör|måste|planeras|förväntas|budgeterade?|budgeterat|planerade?|prognos(?:en)?)(?![\p{L}])
example ska

pattern kpi.term.number
kind    term
description a figure as printed: digit groups joined by a space, a no-break or a thin space, a decimal comma, a sign
regex   (?<![\p{L}\d,.])(?<!\d\h)(?:[−–-](?=\d))?(?:\d{1,3}(?:[\h\x{00A0}\x{2009}\x{202F}]\d{3})+|\d{1,3}(?:\.\d{3})+(?![\d.,]\d)|\d+)(?:,\d+)?(?![\d])(?!,\d)(?!\.\d{3}(?!\d))(?![\h\x{00A0}\x{2009}\x{202F}]\d{3}(?!\d))
example kostade 1 046 kr
example −584 tusen
example till 6,4 procent
example årskurs9
  no match
example Total lokalyta: 3.480 kvm
example omfattar 2 318 kvm

pattern kpi.term.unit
kind    term
description what a figure counts or measures, as written after it
regex   (?:%(?!-?enhet)|procent(?![\p{L}])|tusen\h+kronor|miljoner\h+kronor|mnkr|mkr|tkr|kr/kvm|kr/m²|kr/elev|kr/invånare|kr/inv
regex   |kronor|kr|/(?:5|10|100)(?!\d|,\d)|st|stycken|arbetsdagar|dagar|veckor|månader|timmar|tim|minuter|årsarbetare|besök|poäng|kvm|kvadratmeter|m²|m2|ton|kWh|MWh|GWh)
regex   (?![\p{L}\d])
example 34 dagar
example 8,1/10
example 1 046 kr/kvm
example 41 907 tusen kronor
example 0,3 procentenheter
  no match
example per den 1/7
  no match
example avskrivs på 100 år
  no match

pattern kpi.term.value
kind    term
description this year's figure: a number that is not a bare year (2022 before "på" is when, not how much), not approximate or a bound ("ung. 116 000", "minst 40": the lookbehinds spell kpi.term.approx out), not a budget's ("(Budget 2025)" after it)
regex   (?<!\hca\h)(?<!\hca\.\h)(?<!\hung\h)(?<!\hung\.\h)(?<!\höver\h)(?<!\hdrygt\h)(?<!\hcirka\h)(?<!\hknappt\h)(?<!\hnästan\h)
regex   (?<!\homkring\h)(?<!\hrunt\h)(?<!\huppemot\h)(?<!\hnärmare\h)(?<!\hminst\h)(?<!\hhögst\h)(?<!\hkring\h)
regex   (?<value>(?!(?:19|20)\d\d(?![\d,])(?!\h*(?:\(|{{kpi.term.unit}})))(?:{{kpi.term.number}}))(?!\h*\((?i:budget|mål|prognos|plan))
example var 2 778 tusen kronor
  value = 2 778
example låg under 2021 på 3,4%
  value = 3,4
example hade 2015 (1998) medlemmar
  value = 2015
example lånade ung. 116 000 böcker
  no match
example Bibliotekslån 90 000 (Budget 2025)
  no match

pattern kpi.term.previous
kind    term
description last year's figure after this year's: "(6,9)", "(101 200 kr)", "(fg år 41)", "(7,6 procent år 2020)", ", föregående år 221", "jämfört med 1 102 året innan", "från 4,2 procent 2021"
flags   i
regex   (?:\h*\((?:(?:fg|föreg\.?|föregående)\h+år\h+)?(?<previous>{{kpi.term.number}})\h*(?:{{kpi.term.unit}})?
regex   (?:\h+(?:året\h+innan|föregående\h+år|fg\h+år|år\h+(?:19|20)\d\d|(?:19|20)\d\d))?\)
regex   |,?\h+(?:föregående\h+år|fg\h+år|året\h+innan|året\h+före)\h+(?<previous>{{kpi.term.number}})(?:\h*{{kpi.term.unit}})?
regex   |,?\h+jämfört\h+med\h+(?<previous>{{kpi.term.number}})\h*(?:{{kpi.term.unit}})?
regex   \h+(?:året\h+innan|föregående\h+år|under\h+(?:19|20)\d\d|år\h+(?:19|20)\d\d|(?:19|20)\d\d)
regex   |\h+från\h+(?<previous>{{kpi.term.number}})\h*(?:{{kpi.term.unit}})?\h+(?:året\h+innan|föregående\h+år|år\h+(?:19|20)\d\d|(?:19|20)\d\d))
example 312 (föregående år 298).
  previous = 298
example 9 dagar (fg år 12).
  previous = 12
example 8,9 procent (7,6 procent år 2020)
  previous = 7,6
example 214 årsarbetare, föregående år 221.
  previous = 221
example 1 046 kr/kvm jämfört med 1 102 året innan
  previous = 1 102
example 3,9% jämfört med 4,6% under 2020
  previous = 4,6
example 2,2 procent från 3,7 procent 2020
  previous = 3,7
example 12 (varav 3 nya)
  no match

pattern kpi.term.kolada
kind    term
description a Kolada id printed beside a measure: "(N31807)", "(Kolada U07801)"
regex   \h*\((?:Kolada(?:-id)?:?\h+)?(?<kolada_id>[NU]\d{5})\)
example Kostnadsavvikelsen (N31807) blev 4,6 procent
  kolada_id = N31807
example livsmedel (Kolada U07801) landade på 31 %
  kolada_id = U07801
example (N3180)
  no match

pattern kpi.term.start
kind    term
description where a name may start: a text's start, or after the end of a sentence, a colon or a semicolon
regex   (?:^|(?<=[.!?:;]\h)|(?<=[.!?:;]))
example Lönerna ökade. Sjukfrånvaron minskade.

pattern kpi.term.level-verb
kind    term
description a verb that states a level (the figure is what the measure is): "uppgick till", "var", "blev", "landade på", "låg på"
flags   i
regex   (?:uppgick|uppgår|uppgått|var|är|blev|blir|låg|ligger|landade|hamnade|stannade|uppmättes|mättes)
example Sjukfrånvaron uppgick till 6,4 procent

pattern kpi.term.change-verb
kind    term
description a verb of change: a level only with "till" after it ("minskade till 98 700 kr"), a change with "med"
flags   i
regex   (?:ökade|minskade|steg|sjönk|gick\h+upp|gick\h+ned|har\h+ökat|har\h+minskat|har\h+stigit|har\h+sjunkit|ökat|minskat)
example Elevkostnaden minskade till 98 700 kr

pattern kpi.term.name
kind    term
description a noun phrase from where a name may start to what links it to its figure: a capital, then words, figures and short brackets, up to fifteen, no modal among them, the last no conjunction or relative word (the clause has a verb of its own)
regex   (?!{{kpi.term.modal}})\p{Lu}[\p{L}\d/+’'-]*(?:\h+(?!(?:{{kpi.term.modal}}|{{kpi.term.level-verb}}|{{kpi.term.change-verb}}|att)(?![\p{L}]))(?:[\p{L}\d/+’'–-]+|\([^()]{1,40}\))){0,14}?
regex   (?<!\hsom)(?<!\hatt)(?<!\hoch)(?<!\hmen)(?<!\hvilket)(?<!\hdär)(?<!\hdet)(?<!\hden)(?<!\hen)(?<!\hett)(?<![-–])
example Andelen elever i årskurs 6 med godkänt i svenska

pattern kpi.term.adverbial
kind    term
description the words a verb may have before its figure ("i genomsnitt", "i median", "under 2022", "i december"): lower-case words or years, never "med", "från", "av" or "mot" (a change, a range, a part, a comparison)
regex   (?:\h+(?!(?:med|från|av|mot|inte|ej|än|en|ett|och|samt|eller|men|som|att|{{kpi.term.approx}})(?![\p{L}]))(?:\p{Ll}+|(?<year>(?:19|20)\d\d))){0,4}?
example var i genomsnitt 52 dagar

pattern kpi.term.link
kind    term
description what joins a name to its level: a level verb with its adverbials and "till"/"på", or a change verb with "till"
regex   (?:{{kpi.term.level-verb}}{{kpi.term.adverbial}}(?:\h+(?:till|på|om))?|{{kpi.term.change-verb}}{{kpi.term.adverbial}}\h+till)
example landade på 612 kr
example ökade till 8,9 procent
example ökade med 63 procent
  no match

pattern kpi.term.np-end
kind    term
description a word that ends a noun phrase: a conjunction, a preposition, a pronoun or an auxiliary
regex   (?:och|samt|varav|därav|som|vid|i|på|under|totalt|med|av|för|till|från|det|den|de|har|hade|skett|ägt|är|var|blev|gick|kom|fick|att|föregående|miljoner|miljarder|tusen|hundra|inom|utom|efter|mellan|per|enligt|bland|hos|utan|genom|mot)(?![\p{L}])
example och

pattern kpi.term.counted
kind    term
description what a figure counts, after it: a noun, an adjective or participle before it ("protokollförda sammanträden"), and a named place ("på Norra torget")
regex   (?<![\p{L}])(?:\p{Ll}[\p{Ll}-]*[ae]\h+(?!{{kpi.term.np-end}}))?(?!{{kpi.term.np-end}}|\p{Ll}+(?:its|ats|ades|des|tes)(?![\p{L}]))\p{Ll}[\p{Ll}-]{1,}\p{Ll}(?:\h+\p{Ll}+(?:its|ats)(?![\p{L}]))?(?:\h+(?:på|i|vid)\h+\p{Lu}\p{Ll}+(?:\h+\p{Ll}+)?(?=[\h.,;]|$))?
example 9 protokollförda sammanträden.
example 4 bostadsrätter överlåtits under året
example 187 (181) medlemmar.
example 14 butiker på Norra torget och

pattern kpi.term.count-verb
kind    term
description a verb after which a count comes before what it counts: "hade", "fanns det", "skedde", "deltog", "tog emot", "rymmer", "varav"; a verb that says what was done is the group verb, which names the figure where what it counts is a unit ("redovisade 1 240 timmar")
flags   i
regex   (?<![\p{L}])(?:hade|har|haft|ha|fanns(?:\h+det)?|finns(?:\h+det)?|skedde|sker|skett|ske|varav|därav
regex   |(?<verb>deltog|deltar|rymmer|rymde|omfattar|omfattade|hållit|höll|beviljat|beviljade|beviljades|redovisade|redovisar|tog\h+emot|tagit\h+emot|togs\h+emot|tar\h+emot
regex   |genomfördes|genomförde|genomfört|inkom|inkommit|registrerades|registrerade|anställdes|utfördes|utförde|betjänar|betjänade))(?![\p{L}])
example Förvaltaren tog emot 23 felanmälningar
  verb = tog emot
example Föreningen hade 40 medlemmar
  verb =

pattern kpi.term.list-name
kind    term
description a name in a list, where no verb stands between it and its figure: words none of which is a verb or a modal, the last not a preposition or a word of approximation (the lookbehinds, one per word, spell kpi.term.approx out)
regex   \p{Lu}[\p{L}\d/+’'-]*(?:\h+(?!(?:{{kpi.term.level-verb}}|{{kpi.term.change-verb}}|{{kpi.term.count-verb}}|{{kpi.term.modal}})(?![\p{L}]))(?:(?=[^\h]*\p{L})[\p{L}\d/+’'–-]+|\([^()]{1,40}\))){0,7}?
regex   (?<!\hmed)(?<!\hom)(?<!\htill)(?<!\hpå)(?<!\hav)(?<!\hför)(?<!\hminst)(?<!\hhögst)(?<!\höver)(?<!\hunder)(?<!\hän)(?<!\hmot)(?<!\hi)(?<!\hdrygt)(?<!\hdryga)(?<!\hknappt)(?<!\hcirka)(?<!\hca)(?<!\homkring)(?<!\hrunt)(?<!\hnästan)(?<!\hnärmare)(?<!\huppemot)(?<!\hungefär)(?<!\hkring)(?<!\hatt)(?<!\hden)(?<!\hdet)(?<!\hen)(?<!\hett)(?<!\hoch)(?<!\hsamt)(?<!\heller)(?<!\hendast)(?<!\hbara)(?<!\hhela)(?<!\htotalt)(?<!\hsammanlagt)
example Fakturor betalda i tid 96 %
example Den sjönk till 11 procent

# ---- the forms

pattern kpi.level
kind    kpi.prose
description a name, what links it to its level, the level, its unit and last year's: "Sjukfrånvaron uppgick till 6,4 procent (6,9)"
regex   (?:{{kpi.term.start}}(?<name>{{kpi.term.name}})|(?:(?<=,\hoch\h)|(?<=,\hsamt\h))(?<name>(?:andel|antal)(?:en|et)?\h[^.,;:()]{3,100}?))
regex   (?:\h+för\h+(?<year>(?:19|20)\d\d))?(?:{{kpi.term.kolada}})?
regex   \h+{{kpi.term.link}}\h+(?:i\h+(?<qualifier>\p{Lu}[\p{L}-]+)\h+)?{{kpi.term.value}}
regex   (?>(?:\h*(?<unit>{{kpi.term.unit}}))?)(?>(?:{{kpi.term.previous}})?)
regex   (?!\h+(?:bättre|sämre|högre|lägre|mer|mindre|fler|färre|av|över|under)(?![\p{L}]))
example Hyresintäkterna uppgick till 4 215 tkr (4 080).
  name = Hyresintäkterna
  value = 4 215
  unit = tkr
  previous = 4 080
example Kvar att fördela. Skuldsättningen per invånare blev 61 400 kr, föregående år 59 800.
  name = Skuldsättningen per invånare
  value = 61 400
  unit = kr
  previous = 59 800
example Svarsfrekvensen i enkäten var i genomsnitt 73 procent.
  name = Svarsfrekvensen i enkäten
  value = 73
  unit = procent
example Den totala energianvändningen låg under 2021 på 412 MWh jämfört med 455 MWh under 2020.
  name = Den totala energianvändningen
  year = 2021
  value = 412
  unit = MWh
  previous = 455
example Taxan för 2026 är 18,40 kr.
  name = Taxan
  year = 2026
  value = 18,40
example Brukarbedömningen av städningen (N23890) blev 7,2/10 (6,8).
  name = Brukarbedömningen av städningen
  kolada_id = N23890
  value = 7,2
  unit = /10
  previous = 6,8
example Väntetiden minskade till 12 veckor (15). Kön var i Storå 40 personer.
  name = Väntetiden
  value = 12
  unit = veckor
  previous = 15
  match 2
  name = Kön
  qualifier = Storå
  value = 40
example Personalomsättningen ökade med 2 procent.
  no match
example Skolan växte, och andelen elever med godkända betyg ökade till 81 procent (79).
  name = andelen elever med godkända betyg
  value = 81
example Intäkterna blev 1 450 tkr högre än budget.
  no match
example Överskottet var 3 procent högre än budget.
  no match
example Verksamheten redovisar ett resultat som är 2 100 tkr.
  no match
example Driftbudgeten var 2024 i balans.
  no match

pattern kpi.name-value
kind    kpi.prose
description a name and its figure with a unit or last year's, in a list or after a colon: "Kundnöjdhet 7,9 (7,6)/10", "Handläggningstid bygglov: 34 dagar (fg år 41)"
regex   (?:{{kpi.term.start}}|(?<=[,)]\h))(?<name>{{kpi.term.list-name}})(?:{{kpi.term.kolada}})?(?:\h*:)?\h+{{kpi.term.value}}
regex   (?:\h*(?<unit>{{kpi.term.unit}})(?:{{kpi.term.previous}})?|{{kpi.term.previous}}(?:\h*(?<unit>{{kpi.term.unit}}))?)
regex   (?!\h+(?:bättre|sämre|högre|lägre|mer|mindre|fler|färre|av|över|under)(?![\p{L}]))
example Över mål: Fakturor betalda i tid 96 % (94), Digitala ansökningar 71 (64) st.
  name = Fakturor betalda i tid
  value = 96
  unit = %
  previous = 94
  match 2
  name = Digitala ansökningar
  value = 71
  previous = 64
  unit = st
example Ärendetid tillsyn: 18 dagar (fg år 23).
  name = Ärendetid tillsyn
  value = 18
  unit = dagar
  previous = 23
example Medlemmar vid årets början 212 st
  name = Medlemmar vid årets början
  value = 212
  unit = st
example Sidan 14 av rapporten.
  no match
example Verksamheten bidrog till resultatet med dryga 7 mnkr.
  no match
example Antalet deltagare ska öka till minst 400 st.
  no match

pattern kpi.colon-value
kind    kpi.prose
description a name, a colon and its figure alone, without a unit: "Antal medlemmar vid årets början: 170" (the colon says what the figure is; a next entry or the end follows it)
regex   (?:{{kpi.term.start}}|(?<=\d\h))(?<name>{{kpi.term.list-name}})\h*:\h+{{kpi.term.value}}(?=\h*$|\h*[.;]|\h+\p{Lu})
example Antal lånekort: 3 412 Nya lånekort: 210
  name = Antal lånekort
  value = 3 412
  match 2
  name = Nya lånekort
  value = 210
example Elever i särskolan: 28.
  name = Elever i särskolan
  value = 28
example Fastighetsbeteckning: Eken 4
  no match
example Datum: 2024-03-01
  no match

pattern kpi.from-to
kind    kpi.prose
description a level reached from last year's: "Besöken ökade från 61 300 till 64 850 besök", "har ökat från 0,9 föregående år till 1,3 procent 2022"
regex   {{kpi.term.start}}(?<name>{{kpi.term.name}})\h+{{kpi.term.change-verb}}\h+från\h+(?<previous>{{kpi.term.number}})
regex   (?:\h*{{kpi.term.unit}})?(?:\h+(?:föregående\h+år|året\h+innan|(?:år\h+)?(?:19|20)\d\d))?\h+till\h+{{kpi.term.value}}
regex   (?:\h*(?<unit>{{kpi.term.unit}}))?
example Antalet låntagare steg från 4 120 till 4 388 personer.
  name = Antalet låntagare
  previous = 4 120
  value = 4 388
example Andelen digitala möten har ökat från 31 procent 2022 till 46 procent.
  name = Andelen digitala möten
  previous = 31
  value = 46
  unit = procent
example Kostnaden minskade från 12 till 9 tkr per ärende.
  name = Kostnaden
  value = 9
  unit = tkr
example Kostnaden minskade med 3 tkr.
  no match

pattern kpi.counted
kind    kpi.prose
description a count before what it counts, after a count verb: "hade föreningen 187 (181) medlemmar", "fanns det 38 uthyrda parkeringsplatser", "varav 7 jurister"
regex   {{kpi.term.count-verb}}(?:\h+(?!(?:med|mot|än|en|ett|om|på|från|till|{{kpi.term.approx}})(?![\p{L}]))(?:\p{L}+|(?:19|20)\d\d)){0,6}?\h+{{kpi.term.value}}(?:\h*(?:st|stycken)(?![\p{L}]))?
regex   (?:{{kpi.term.previous}})?\h+(?:olika\h+)?(?<name>{{kpi.term.counted}}|\p{Ll}+(?:its|ats)\h+(?:genom|av|till)\h+\p{Ll}{3,})
example Vid årsskiftet hade klubben 412 (398) aktiva medlemmar.
  value = 412
  previous = 398
  name = aktiva medlemmar
example Under våren genomfördes 14 brandövningar i skolorna.
  value = 14
  name = brandövningar
example Kontoret har vid utgången av 2023 totalt 19 anställda, varav 7 jurister.
  value = 19
  name = anställda
  match 2
  value = 7
  name = jurister
example Styrelsen har beviljat 6st uthyrningar i andra hand.
  value = 6
  name = uthyrningar
example Stämman hölls den 12 maj.
  no match
example Under året har 41 överlåtits genom köp.
  name = överlåtits genom köp
example Under året har 12 överlåtits.
  no match
example Enheten redovisar ett överskott om 1 350 tkr.
  no match
example Ideella krafter redovisade 412 (388) timmar.
  verb = redovisade
  name = timmar
  previous = 388
example I hallen finns 9 olika föreningar.
  value = 9
  name = föreningar

pattern kpi.amount-of
kind    kpi.prose
description an amount a thing has, in a unit or a count of things: "ett statsbidrag om 12 480 tusen kronor", "en svarsfrekvens på 81 procent", "en kö på 212 ansökningar" (what is counted is the unit)
regex   (?<![\p{L}])(?:en|ett)\h+(?<name>\p{Ll}[\p{Ll}-]{1,})\h+(?:om|på)\h+{{kpi.term.value}}\h*(?<unit>{{kpi.term.unit}}|(?!{{kpi.term.np-end}})\p{Ll}[\p{Ll}-]{3,}(?![\p{L}]))(?!\h+av(?![\p{L}]))
example Skolan fick ett statsbidrag om 1 250 tusen kronor.
  name = statsbidrag
  value = 1 250
  unit = tusen kronor
example Enkäten fick en svarsfrekvens på 64 procent.
  name = svarsfrekvens
  value = 64
example Styrelsen beslutade om en höjning.
  no match
example Vid årets slut fanns en kö på 212 ansökningar.
  name = kö
  value = 212
  unit = ansökningar

pattern kpi.inverted
kind    kpi.prose
description an adverbial first, the verb, then the name: "I bokslutet 2024 uppgår det egna kapitalet till 5 479 tusen kronor"
flags   i
regex   {{kpi.term.start}}(?-i:(?:I|Vid|Under|Efter|Per)\h)(?:[^.,;:!?\d]{0,30}?(?<year>(?:19|20)\d\d))?[^.,;:!?]{0,40}?\h+{{kpi.term.level-verb}}\h+
regex   (?<name>(?:det|den|de|antalet|andelen)\h+\p{Ll}+(?:\h+\p{Ll}+){0,3}?)\h+(?:till|på)\h+{{kpi.term.value}}\h*(?<unit>{{kpi.term.unit}})?(?:{{kpi.term.previous}})?
example Vid årets slut uppgick det egna kapitalet till 812 tkr.
  name = det egna kapitalet
  value = 812
  unit = tkr
example Per den 31 december var antalet elever på 1 204 (1 190).
  name = antalet elever
  value = 1 204
  previous = 1 190
example I år var det lugnt.
  no match
example Vid utgången av 2022 var andelen behöriga lärare på 71 procent.
  year = 2022
  name = andelen behöriga lärare
  value = 71

# ---- lists: what follows a form's match, read from its end

pattern kpi.more.counted
kind    kpi.more
description another count in the same list: "64 lägenheter och 3 lokaler"
regex   \G(?:\h*,|\h+(?:och|samt))\h+{{kpi.term.value}}(?:\h*(?:st|stycken)(?![\p{L}]))?(?:{{kpi.term.previous}})?\h+(?<name>{{kpi.term.counted}})
example , 6 lokaler och 2 förråd
  value = 6
  name = lokaler
example , 14 (12) arbetsmöten
  value = 14
  previous = 12
  name = arbetsmöten
example , 40 st cykelplatser
  value = 40
  name = cykelplatser

pattern kpi.more.name-value
kind    kpi.more
description the next name and figure of a list set without a separator: "Total bostadsyta: 52.100 kvm Total lokalyta: 2.400 kvm"
regex   \G\h*(?<name>{{kpi.term.list-name}})(?:\h*:)?\h+{{kpi.term.value}}
regex   (?:\h*(?<unit>{{kpi.term.unit}})(?:{{kpi.term.previous}})?|{{kpi.term.previous}}(?:\h*(?<unit>{{kpi.term.unit}}))?)
example Total lokalyta: 2.400 kvm
  name = Total lokalyta
  unit = kvm
example Antal lokaler 12 (11) och mer
  name = Antal lokaler
  previous = 11
example Uthyrda garage: 31 st.
  name = Uthyrda garage
  unit = st

pattern kpi.more.place
kind    kpi.more
description the same measure for another place: ", i länet 69,5 procent och i riket 72,4 procent"
regex   \G(?:\h*,|\h+(?:och|samt))\h+i\h+(?<qualifier>\p{L}[\p{L}-]+(?:\h+\p{Lu}[\p{L}-]+)?)\h+{{kpi.term.value}}(?:\h*(?<unit>{{kpi.term.unit}}))?(?:{{kpi.term.previous}})?
example , i länet 58 procent
  qualifier = länet
  value = 58
  unit = procent
example , i riket 4,1 % (3,8)
  qualifier = riket
  value = 4,1
  previous = 3,8
example , i Norrbacka 66 procent
  qualifier = Norrbacka

# ---- a series: a clause ending in ":" (its head), groups ("A) Hushåll:")
# and entries ("Storå 70,1% (66,0)"); read as one measure over places
# where an entry is a place or bare ("Bygglov 29"), else its entries are
# KPIs of their own (kpi.name-value reads them).

pattern kpi.series.head
kind    kpi.series-head
description the head of a series: a clause before ":", without a bracket that says what the brackets mean
regex   {{kpi.term.start}}\h*(?<name>\p{Lu}[^.:;!?()]{2,160}?)(?:\h*\((?<note>[^()]{1,60})\))?\h*:(?=\h|$|[A-Z]\))
example Andel med tillgång till bredband (föregående år inom parentes): A) Hushåll: Storå 70,1%
  name = Andel med tillgång till bredband
  note = föregående år inom parentes
example Andel med fiber (föregående år inom parentes):A) Hushåll: Storå 70,1%
  name = Andel med fiber
example Antal utlån per bibliotek: Centrum 41 200
  name = Antal utlån per bibliotek

pattern kpi.series.group
kind    kpi.series-group
description a group in a series: "A) Hushåll:", "Företag:"
regex   \G[.;]?\h*(?:[A-Z]\)\h*)?(?<group>\p{Lu}[\p{L}\h-]{2,40}?):(?=\h|$)
example A) Hushåll: Storå 70,1%
  group = Hushåll
example . B) Företag: Storå 61,0%
  group = Företag
example Flickor: 82 %
  group = Flickor

pattern kpi.series.entry
kind    kpi.series-entry
description a place or kind and its figure in a series: "Storå 70,1% (66,0)", "i länet 64,2 procent", "Simhallen 41 250"
regex   \G(?:\h*[,;]|\h+(?:och|samt))?\h*(?:i\h+)?(?<qualifier>\p{L}[\p{L}-]*(?:\h+\p{L}[\p{L}-]*){0,2}?)\h+{{kpi.term.value}}
regex   (?:\h*(?<unit>{{kpi.term.unit}}))?(?:{{kpi.term.previous}})?(?=\h*(?:[,;.]|och\b|samt\b|$)|\h+\p{Lu})
example Storå 70,1% (66,0), länet 72,6%, riket 85,1%.
  qualifier = Storå
  value = 70,1
  previous = 66,0
  unit = %
  match 3
  qualifier = riket
  value = 85,1
example Simhallen 41 250 Ishallen 18 900
  qualifier = Simhallen
  value = 41 250
  match 2
  qualifier = Ishallen
  value = 18 900
example i kommunen 12,4 dagar och i länet 14,0 dagar.
  qualifier = kommunen
  unit = dagar
  match 2
  qualifier = länet

pattern kpi.place
kind    kpi.place
flags   i
description a place a figure is compared with: the county, the country, a group of municipalities
regex   ^(?:länet|riket|landet|sverige|regionen|kommungruppen|(?:liknande|alla|jämförbara|andra|övriga|samtliga)\h+kommuner|\p{L}+\h+län|kommunens?\h+snitt|rikssnittet|länssnittet|medel\h+för\h+\p{L}+)$
example riket
example liknande kommuner
example Sporthallen
  no match

# ---- what is no name

pattern kpi.not-a-name
kind    kpi.not-a-name
flags   i
description a pronoun, a bare unit, a month, a change or a word that starts an adverbial: never the name of a figure
regex   ^(?:den|det|detta|dessa|denna|de|vi|hon|han|man|här|där|vilket|vilka|som|summa|totalt|total|antal|antalet|siffran|motsvarande\h+siffra|värdet
regex   |ökning(?:en)?|överskott(?:et)?|underskott(?:et)?|(?:budget)?avvikelse(?:n)?(?:\h+mot\h+budget)?|mål|delmål|budget(?:en)?|minskning(?:en)?|höjning(?:en)?|sänkning(?:en)?|förändring(?:en)?|miljoner|miljarder|tusen|tusental|hundra|gånger|procentenheter
regex   |(?:år|månader|dagar|veckor|timmar|minuter)s|riktvärde(?:t)?|målvärde(?:t)?|postadress|besöksadress|adress|box|telefon|tel|fax|org\.?\h*nr|organisationsnummer|bankgiro|plusgiro|sida|förlust(?:en)?|vinst(?:en)?|januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december
regex   |{{kpi.term.unit}})$
regex   |^(?-i:(?:I|Vid|Under|Efter|Före|För|Per|Mot|Sedan|Jämfört|Enligt|Inom|Från|Till|På|Av|Med|Om|Mellan|Totalt|Nu|Då|Även|Också|Dessutom|Samtidigt|Box|Tel|Telefon|E-post)(?:\h|$))|adress$
example Den
example kvm
example procent
example maj
example Under 2023 hade
example Per den 30 juni 2022
example Box 512, 831 26 Storå Besöksadress
example månaders
example Avvikelsen mot budget
example Den totala personalomsättningen
  no match
example Medlemmar
  no match

# ---- the unit in a name

pattern kpi.name-unit
kind    kpi.name-unit
description the unit a measure's name gives its figures: "handläggningstid i dagar", "kostnad i tkr"
regex   (?<![\p{L}])i\h+(?<unit>(?!år(?![\p{L}])){{kpi.term.unit}})
example Genomsnittlig handläggningstid i dagar, per ärendetyp
  unit = dagar
example Antal besök i år
  no match

# ---- a unit alone

pattern kpi.unit-word
kind    kpi.unit-word
description a word that is a unit and nothing else: what a count verb's figure is in, where it names none of its own
regex   ^{{kpi.term.unit}}$
example timmar
example medlemmar
  no match

# ---- names that line up

pattern kpi.definite-ending
kind    kpi.definite-ending
description what a name's first word may have more in one report than in another and still be the same measure: a definite ending ("Sjukfrånvaron", "Sjukfrånvaro"; "Andelen", "Andel"; "Antalet", "Antal")
regex   ^(?:en|et|n|t|na|erna|arna|orna)$
example n
example et
example erna
example ning
  no match

# ---- notes

pattern kpi.notes-heading
kind    kpi.notes-heading
flags   i
description the heading of a note or of the notes: a page that has one holds the statements' details, not key figures
regex   ^\h*(?:noter|not\h*\d{1,2}(?=\h|$|[,.:])|redovisnings-\h*och\h*värderingsprinciper|tilläggsupplysningar)(?![\p{L}])
example Noter
example NOT 1 Redovisningsprinciper
example Not 7 Byggnader och mark
example Redovisnings- och värderingsprinciper samt bokslutskommentarer
example Notera att stämman hålls i maj
  no match

# ---- key-figure tables

pattern kpi.label-kolada
kind    kpi.label-kolada
description a row label that ends in its Kolada id (a column of ids read with the labels)
regex   ^(?<name>.+?)\h+(?<kolada_id>[NU]\d{5})$
example Invånare totalt, antal N01951
  name = Invånare totalt, antal
  kolada_id = N01951
example Invånare totalt
  no match

pattern kpi.percent-measure
kind    kpi.percent-measure
flags   i
description a measure that is a share, in % where its label names no unit: soliditet, andel, a rate
regex   ^\h*(?:soliditet(?:en)?|andel(?:en)?|nettokostnadsandel(?:en)?|självfinansieringsgrad(?:en)?|sjukfrånvaro(?:n)?|personalomsättning(?:en)?|\p{L}*(?:grad|andel))(?![\p{L}])
example Soliditet
example Andel elever med behörighet
example Självfinansieringsgrad
example Soliditet inklusive pensionsåtaganden
example Årets resultat
  no match

pattern kpi.table-title
kind    kpi.table-title
flags   i
description a table of key figures by its title
regex   \b(?<word>nyckeltal|flerårsöversikt|flerårsjämförelse|nyckeltalstabell|femårsöversikt)\b
example Nyckeltal 2022
  word = Nyckeltal
example FLERÅRSÖVERSIKT
  word = FLERÅRSÖVERSIKT
example Driftredovisning per nämnd
  no match

pattern kpi.table-target
kind    kpi.table-target
flags   i
description a key-figure table's column of targets: "Mål 2023", "Målvärde"
regex   ^\h*(?<word>mål(?:värde|nivå)?|målsättning)(?:\h+(?<year>(?:19|20)\d\d))?\h*$
example Mål 2023
  word = Mål
  year = 2023
example Målvärde
  word = Målvärde
example Måluppfyllelse
  no match

pattern kpi.table-kolada
kind    kpi.table-kolada
flags   i
description a key-figure table's column of Kolada ids, by its head or its cells
regex   ^\h*(?:kolada(?:-?id)?|id|nyckeltals-?id|(?<kolada_id>[NU]\d{5}))\h*$
example Kolada-id
example N01951
  kolada_id = N01951
example Nyckeltal
  no match
