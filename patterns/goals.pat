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
description a status given in words: "GRÖNT", "Delvis uppfyllt", "Ej uppfyllt"
regex   ^(?:(?<met>grönt|grön|uppfyllt|uppfylld|uppnått|helt\h+uppfyllt)
regex   |(?<partly_met>gult|gul|delvis\h+uppfyllt|delvis\h+uppfylld|delvis\h+uppnått)
regex   |(?<not_met>rött|röd|ej\h+uppfyllt|ej\h+uppfylld|inte\h+uppfyllt|inte\h+uppfylld|ej\h+uppnått)
regex   |(?<not_evaluated>ej\h+bedömt|ej\h+bedömd|inte\h+bedömt|ej\h+utvärderat|ej\h+mätbart|grått|grå))$
example GRÖNT
  met = GRÖNT
example GULT
  partly_met = GULT
example Delvis uppfyllt
  partly_met = Delvis uppfyllt
example Ej uppfyllt
  not_met = Ej uppfyllt
example Ej bedömd
  not_evaluated = Ej bedömd
example Uppfyllt
  met = Uppfyllt
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

pattern goal.table-goal-column
kind    goal.table-goal-column
flags   i
description the column of a goal table that holds the goals
regex   ^(?<word>mål|målet|målformulering|nämndens\h+mål|verksamhetsmål|förändringsmål)$
example Mål
  word = Mål
example Indikator
  no match

pattern goal.table-status-column
kind    goal.table-status-column
flags   i
description the column of a goal table that holds the statuses
regex   ^(?<word>bedömning|status|måluppfyllelse|måluppfyllnad|uppfyllelse|resultat\h+\d{4}|bedömd\h+måluppfyllelse)$
example Bedömning
  word = Bedömning
example Status
  word = Status
example Indikator
  no match
