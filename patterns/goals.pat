# Goals (mål), their assignments (uppdrag), legends and status words.
# Status groups: a pattern of kind goal.legend or goal.status-word names the
# status by the group that matches: met, partly_met, not_met, not_evaluated.

pattern goal.heading
kind    goal.heading
description a numbered goal: "Mål 1. Antal invånare ska …", "Delmål 2.1: …"
regex   ^(?:Mål|Delmål|Effektmål|Inriktningsmål|Verksamhetsmål|Nämndmål|Resultatmål)\h+(?<id>\d{1,3}(?:\.\d{1,3})*)\h*[.:)]?\h+(?<text>\p{Lu}.*)$
example Mål 1. Antal invånare ska utvecklas till minst 15225 st år 2020
  id = 1
  text = Antal invånare ska utvecklas till minst 15225 st år 2020
example Delmål 2.1: Fler ska gå vidare till studier
  id = 2.1
  text = Fler ska gå vidare till studier
example Mål 10. KS ska uppfylla författningskraven avseende kvalitetsarbete i vuxenutbildningen.
  id = 10
example Målet för 2020 var högt satt.
  no match

pattern goal.list-heading
kind    goal.list-heading
flags   i
description a heading over a list of goals
regex   ^(?<word>förändringsmål|mål|målen|nämndens\h+mål|verksamhetsmål|inriktningsmål|effektmål|prioriterade\h+mål|strategiska\h+mål|mål\h+för\h+\d{4})(?:\h+\d{4})?$
example Förändringsmål
  word = Förändringsmål
example Nämndens mål
  word = Nämndens mål
example Nämndens mål 2021
  word = Nämndens mål
example Förändringsmål och uppdrag
  no match
example Måluppfyllelse
  no match

pattern goal.numbered
kind    goal.numbered
description a goal numbered without the word Mål ("1. Vatten- och avloppsnätet ska …"), taken where an icon or a goal list says it is one
regex   ^(?<id>\d{1,2}(?:\.\d{1,2})?)[.)]\h+(?<text>\p{Lu}.{8,})$
example 1. Vatten- och avloppsnätet ska förnyas i den takt som kommunens förnyelseplan anger
  id = 1
  text = Vatten- och avloppsnätet ska förnyas i den takt som kommunens förnyelseplan anger
example 2020. Ett år
  no match

pattern goal.assignment
kind    goal.assignment
description an assignment under a goal: "Uppdrag: KS förvaltning ska …"
regex   ^(?:Uppdrag|Åtagande|Aktivitet)\h*:\h*(?<text>.+)$
example Uppdrag: KS förvaltning ska säkerställa genomförandet av tillväxtstrategin. Näringsliv har arbetat.
  text = KS förvaltning ska säkerställa genomförandet av tillväxtstrategin. Näringsliv har arbetat.
example Uppdraget ligger kvar för 2021.
  no match

pattern goal.assignment-label
kind    goal.assignment-label
description the word that opens an assignment under a goal, as one word of the text
regex   ^(?:Uppdrag|Åtagande|Aktivitet|Uppdraget)\h*:$
example Uppdrag:
example Åtagande:
example Uppdrag
  no match

pattern goal.legend
kind    goal.legend
flags   i
description what a legend says an icon means
regex   ^(?:[-–•]\h*)?(?:betyder\h+att\h+)?(?:målet\h+(?:är\h+|har\h+)?)?
regex   (?:(?<partly_met>delvis\h+(?:är\h+)?uppfyllt|delvis\h+uppnått)
regex   |(?<not_met>(?:inte|ej)\h+(?:är\h+)?(?:uppfyllt|uppnått))
regex   |(?<not_evaluated>(?:inte|ej)\h+(?:har\h+)?(?:utvärderats|utvärderat|bedömts|bedömt|bedömd)|utvärdering\h+(?:inte|ej)\h+har\h+genomförts|ej\h+mätbart|ingen\h+bedömning)
regex   |(?<met>(?:helt\h+)?(?:uppfyllt|uppnått)))\.?$
example Betyder att målet inte är uppfyllt
  not_met = inte är uppfyllt
example Betyder att målet är delvis uppfyllt
  partly_met = delvis uppfyllt
example Betyder att målet är helt uppfyllt
  met = helt uppfyllt
example Betyder att utvärdering inte har genomförts
  not_evaluated = utvärdering inte har genomförts
example Målet har inte utvärderats
  not_evaluated = inte utvärderats
example Ej bedömt
  not_evaluated = Ej bedömt
example Uppfyllt
  met = Uppfyllt
example Antal invånare ska öka
  no match

pattern goal.status-word
kind    goal.status-word
flags   i
description a status given in words: "GRÖNT", "Delvis uppfyllt", "Ej uppfyllt"; "Pågår" and "Ej påbörjat" say how far work has come, not whether a goal is met (group progress, no status)
regex   ^(?:(?<met>grönt|grön|uppfyllt|uppfylld|uppfyllda|uppnått|uppnådd|helt\h+uppfyllt|helt\h+uppnått|genomfört|genomförd|klart|klar|avslutat|avslutad)
regex   |(?<partly_met>gult|gul|delvis\h+uppfyllt|delvis\h+uppfylld|delvis\h+uppnått|delvis\h+genomfört|delvis)
regex   |(?<not_met>rött|röd|ej\h+uppfyllt|ej\h+uppfylld|inte\h+uppfyllt|inte\h+uppfylld|ej\h+uppnått|inte\h+uppnått|ej\h+genomfört|inte\h+genomfört)
regex   |(?<not_evaluated>ej\h+bedömt|ej\h+bedömd|inte\h+bedömt|inte\h+bedömd|ej\h+utvärderat|ej\h+mätbart|går\h+(?:inte|ej)\h+att\h+bedöma|kan\h+(?:inte|ej)\h+bedömas|grått|grå)
regex   |(?<progress>pågår|pågående|påbörjat|påbörjad|ej\h+påbörjat|ej\h+påbörjad|inte\h+påbörjat|ej\h+startat|planerat|planerad))\.?$
example GRÖNT
  met = GRÖNT
example GULT
  partly_met = GULT
example Delvis uppfyllt
  partly_met = Delvis uppfyllt
example Ej uppfyllt
  not_met = Ej uppfyllt
example Ej bedömt
  not_evaluated = Ej bedömt
example Uppfyllt
  met = Uppfyllt
example Uppnått
  met = Uppnått
example Delvis uppnått
  partly_met = Delvis uppnått
example Ej uppnått
  not_met = Ej uppnått
example Går ej att bedöma
  not_evaluated = Går ej att bedöma
example Genomfört
  met = Genomfört
example Pågår
  progress = Pågår
example Ej påbörjat
  progress = Ej påbörjat
example Gult kort
  no match

pattern goal.status-line
kind    goal.status-line
flags   i
description a line that gives a goal's status: "Bedömning: Delvis uppfyllt"
regex   ^(?:bedömning|status|måluppfyllelse|måluppfyllnad|bedömd\h+måluppfyllelse)\h*:\h*(?<status>[\p{L}\h]+?)\.?$
example Bedömning: Delvis uppfyllt
  status = Delvis uppfyllt
example Status: GRÖNT
  status = GRÖNT
example Bedömningen görs varje år.
  no match

pattern goal.assignment-status
kind    goal.assignment-status
description a part of an assignment with its status in words: "Genomföra ledarutvecklingsprogrammet: GRÖNT. Pågår …"
regex   (?:^|(?<=[.!?]\h))(?<text>\p{Lu}[^:.]{3,150}):\h*(?<status>GRÖNT|GULT|RÖTT|Grönt|Gult|Rött|Uppfyllt|Delvis\h+uppfyllt|Ej\h+uppfyllt)\b\.?\h*
example Genomföra ledarutvecklingsprogrammet: GRÖNT. Pågår, viss fördröjning.
  text = Genomföra ledarutvecklingsprogrammet
  status = GRÖNT
example Jobba med arbetsgivarvarumärket: GULT. Arbete påbörjat.
  text = Jobba med arbetsgivarvarumärket
  status = GULT
example Programmet beskriver: vad kommunen vill uppnå.
  no match

pattern goal.table-column
kind    goal.table-column
flags   i
description a column head of a goal or assignment table, named by its role: id, goal, item (an assignment or activity), indicator, target, outcome, status, progress, comment, other (a trend arrow or a forecast is no status: its cells are set aside)
regex   ^(?:(?<id>nr|nr\.|id|nummer|\#)
regex   |(?<goal>mål|målet|målen|målformulering|målsättning|nämndmål|nämndens\h+mål|verksamhetsmål|förändringsmål|inriktningsmål|effektmål|resultatmål|strategiskt\h+mål|prioriterat\h+mål|kf-mål|kommunmål|fullmäktigemål)
regex   |(?<item>uppdrag|uppdraget|åtagande|åtaganden|aktivitet|aktiviteter|aktivitet/uppdrag|uppdrag\h+från\h+\p{L}+)
regex   |(?<indicator>indikator|indikatorer|nyckeltal|mått|mätetal)
regex   |(?<target>målvärde|målnivå|mål\h*värde|mål\h+\d{4}|målvärde\h+\d{4})
regex   |(?<outcome>utfall|utfall\h+\d{4}|resultat|resultat\h+\d{4}|värde\h+\d{4})
regex   |(?<status>bedömning|status|måluppfyllelse|måluppfyllnad|uppfyllelse|bedömd\h+måluppfyllelse|bedömning\h+\d{4})
regex   |(?<progress>färdiggrad|genomförandegrad|andel\h+klart|klart\h+%|progress)
regex   |(?<comment>kommentar|kommentarer|analys|kommentar\h*/\h*analys|analys\h+och\h+kommentar|beskrivning|åtgärder)
regex   |(?<other>trend|prognos|prognos\h+\d{4}|ansvar|ansvarig|tidplan|klart\h+senast))$
example Nr
  id = Nr
example Mål
  goal = Mål
example Nämndmål
  goal = Nämndmål
example Målsättning
  goal = Målsättning
example Aktivitet
  item = Aktivitet
example Uppdrag
  item = Uppdrag
example Indikator
  indicator = Indikator
example Målvärde
  target = Målvärde
example Utfall 2021
  outcome = Utfall 2021
example Bedömning
  status = Bedömning
example Status
  status = Status
example Färdiggrad
  progress = Färdiggrad
example Kommentar
  comment = Kommentar
example Analys
  comment = Analys
example Trend
  other = Trend
example Verksamhet
  no match

pattern goal.comment-label
kind    goal.comment-label
flags   i
description a label that starts the comment on a goal or an assignment
regex   ^(?<label>kommentar|kommentarer|analys|kommentar\h+till\h+bedömning(?:en)?|motivering|uppföljning)\h*:\h*(?<text>.*)$
example Kommentar:
  label = Kommentar
example Analys: Målet nåddes inte.
  text = Målet nåddes inte.
example Kommentaren gäller hela året.
  no match

pattern goal.mark-glyph
kind    goal.mark-glyph
description a glyph that reports colour or set apart to show a status: a dot, a square, a triangle, a check, a cross, a half circle, an arrow, a smiley
regex   ^(?:\x{25CF}|\x{2B24}|\x{25A0}|\x{25B2}|\x{25BC}|\x{25C6}|\x{25C9}|\x{25AA}|\x{25CB}|\x{25D0}|\x{25D1}|\x{2714}|\x{2713}|\x{2716}|\x{2717}|\x{2718}|\x{2715}|\x{2605}|\x{2606}|\x{263A}|\x{2639}|\x{1F642}|\x{1F610}|\x{1F641}|\x{2191}|\x{2193}|\x{2192}|\x{2197}|\x{2198}|\x{2B06}|\x{2B07}|\x{27A1})$
example ●
example ✔
example ◐
example ✖
example ↑
example ☺
example Mål
  no match
example ●●
  no match
example •
  no match

# Targets in a goal's words: "minst 15225 st år 2020, 15300 st år 2021"

pattern goal.target
kind    goal.target
description a goal's target with its year, in the goal's words (goals[].targets, not a KPI): "minst 15225 st år 2020"
regex   (?<qualifier>minst|högst|max|över|under)?\h*(?<value>\d{1,3}(?:[\h\x{00A0}]\d{3})*|\d{4,7}|\d{1,3},\d+)\h*(?<unit>st|%|procent|kr|tkr|personer|invånare|elever|platser)?\h+(?:år|till|under|för)\h+(?<year>(?:19|20)\d{2})
example Antal invånare ska utvecklas till minst 15225 st år 2020, 15300 st år 2021 och 15600 st år 2022
  qualifier = minst
  value = 15225
  unit = st
  year = 2020
  match 3
  value = 15600
  year = 2022
example Målet ska nås år 2030
  no match
