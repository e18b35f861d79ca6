# Las palabras de la herramienta en español. Cada mensaje está también en
# en.ftl y zh-Hans.ftl (tests/it/i18n.rs).

## Estados y tipos

status-announced = anunciado
status-in-progress = en proceso
status-active = vigente
status-at-risk = en riesgo
status-stalled = demorado
status-kept = cumplido
status-partially-kept = cumplido parcialmente
status-broken = incumplido
kind-deliverable = entregable
kind-ongoing = permanente

## Fechas

month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
date-short = { $dd }/{ $mm }/{ $year }
date-words = { $day } de { $month } de { $year }
month-year = { $month } de { $year }

## Plazos y días

deadline-month = antes del fin de { $month-year }
deadline-year = antes del fin de { $year }
deadline-estimated = { $deadline } (estimación de los editores)
against-estimate = , respecto del plazo estimado por los editores
against-month = , contados desde el fin del mes que da la fuente
against-year = , contados desde el fin del año que da la fuente
days =
    { $n ->
        [one] { $n } día
       *[other] { $n } días
    }
days-overdue = { $days } de retraso
deviation-on-time = en el plazo exacto
deviation-early = { $days } antes del plazo
deviation-late = { $days } después del plazo

## Cifras y listas

percent = { $value } %
share = { $part } de { $whole }
share-percent = { $part } de { $whole } ({ $percent })
full-stop = .
clause-comma = {", "}
list-comma = {", "}
list-two = { $first } y { $last }
count-commitments =
    { $n ->
        [one] { $n } compromiso
       *[other] { $n } compromisos
    }
count-requests =
    { $n ->
        [one] { $n } solicitud
       *[other] { $n } solicitudes
    }
count-umbrellas =
    { $n ->
        [one] { $n } compromiso marco
       *[other] { $n } compromisos marco
    }
count-errors =
    { $n ->
        [one] { $n } error
       *[other] { $n } errores
    }
count-warnings =
    { $n ->
        [one] { $n } advertencia
       *[other] { $n } advertencias
    }
count-ledgers =
    { $n ->
        [one] { $n } registro
       *[other] { $n } registros
    }
count-findings =
    { $n ->
        [one] { $n } observación
       *[other] { $n } observaciones
    }
count-ongoing =
    { $n ->
        [one] { $n } compromiso permanente
       *[other] { $n } compromisos permanentes
    }
headcount-signed =
    { $n ->
        [one] {" "}({ $n } firmado en las conversaciones)
       *[other] {" "}({ $n } firmados en las conversaciones)
    }
headcount-plus = {" "}más { $list }

## Qué significan los grupos que se cuentan aparte

meaning-signed-at-talks = Firmados en las conversaciones: cumplidos el mismo día en que se asumieron, como los documentos firmados ante los presidentes. Se cuentan, pero no en las tasas de los entregables.
meaning-request = Solicitudes: lo que una parte pide a la otra. Una solicitud no es promesa de nadie y no se cuenta.
meaning-umbrella = Compromisos marco: compromisos que agrupan a otros. No se cuentan; se cuentan los que agrupan.

## El titular

headline-none = Ningún entregable.
headline = Entregables: { $parts }.
headline-kept = { $share } cumplidos
headline-partially-kept =
    { $count ->
        [one] { $count }{ $percent } cumplido parcialmente
       *[other] { $count }{ $percent } cumplidos parcialmente
    }
headline-broken =
    { $count ->
        [one] { $count }{ $percent } incumplido
       *[other] { $count }{ $percent } incumplidos
    }
headline-open =
    { $count ->
        [one] { $count }{ $percent } abierto
       *[other] { $count }{ $percent } abiertos
    }
headline-percent = {" "}({ $percent })
left-out = Fuera de estas cifras: { $list }.
left-out-signed =
    { $n ->
        [one] { $n } firmado en las conversaciones (cumplido el día en que se asumió)
       *[other] { $n } firmados en las conversaciones (cumplidos el día en que se asumieron)
    }
left-out-ongoing = { $ongoing } (sin un final que alcanzar)

## El dictamen de un compromiso, la frase que abre su página

ruling-signed = Cumplido el { $date }: firmado en las conversaciones, el mismo día en que se asumió.
ruling-final = { $status } el { $date }
ruling-unchanged = { $status } el { $date }, sin cambios registrados desde entonces
ruling-since = { $status } desde el { $date }
ruling-overdue = ; plazo: { $due }, con { $days } de retraso{ $against }
ruling-due = ; plazo: { $due }
ruling-ongoing = ; un compromiso permanente, sin un final que alcanzar
ruling-request = . Una solicitud, no una promesa: no se cuenta
ruling-searched = . Última búsqueda de noticias: { $date }
ruling-end = .

## Informes

review-notice = Este informe está { $days } días después de la última revisión del registro ({ $reviewed }): los estados pueden estar desactualizados.
as-of = Al { $date }
reviewed-up-to = {" "}· estados revisados hasta el { $date }
note = Nota:
translated = Los títulos y las notas en este idioma son traducción de los editores; las citas van en el idioma de su fuente.
checker-findings = Observaciones del verificador
findings-count = { $errors } y { $warnings } (`commitments check` explica cada una).
every-finding = Todas las observaciones
severity-error = error
severity-warning = advertencia
column-level = Nivel
column-rule = Regla
column-line = Línea
column-commitment = Compromiso
column-finding = Observación
column-commitments = Compromisos
column-status = Estado
column-party = Parte
column-kind = Tipo
column-area = Área
column-due = Plazo
column-days-overdue = Días de retraso
column-days-left = Días restantes
column-date = Fecha
column-note = Nota
column-committed-by = Asumido por
column-latest-update = Última novedad
area-none = (ninguna)
summary = Resumen
overdue = Vencidos
nothing-overdue = Nada está vencido.
due-soon = Vencen en los próximos { $days } días
nothing-due = Nada vence.
recent-changes = Cambios de los últimos { $days } días
no-updates = Sin novedades.
commitments = Compromisos
asks = { $by } pide a { $asks }
status-since = { $status } desde el { $date }
dated-note = { $date }: { $note }
umbrella-of = {" "}(marco de { $commitments })
under = {" "}(dentro de { $parent })
continues = {" "}(continúa { $list })
signed-at-talks = {" "}(firmado en las conversaciones)
a-request = {" "}(una solicitud)
target-latest = { $metric }: último dato { $figure }
target-none = ninguno
target-baseline = ; línea de base { $figure }
target-goal = ; meta { $goal }
approximate-date = , fecha aproximada
no-source-cited = sin fuente citada

## check

check-summary = { $ledger }: { $errors }, { $warnings } en { $headcount } (al { $date })
check-workspace-summary = { $workspace }: { $errors }, { $warnings } en { $ledgers } (al { $date })

## De qué trata cada regla (un informe en otro idioma lo muestra por cada observación)

rule-syntax = el registro no es TOML válido (o no es UTF-8)
rule-schema = una clave es desconocida o falta, o un valor tiene un tipo equivocado
rule-source-file = el `file` de una fuente está fuera de la carpeta del registro, falta o no se puede leer
rule-duplicate-id = dos compromisos, o dos registros de un espacio de trabajo, tienen el mismo id
rule-unknown-reference = una parte, fuente, compromiso superior o relacionado que no está declarado
rule-parent-cycle = una cadena de enlaces `parent` que vuelve a donde empezó
rule-quote-not-in-source = una cita no está en el archivo local de la fuente que cita
rule-date-order = novedades fuera de orden, antes de `made`, `due` antes de `made`, o una fecha posterior a la fecha de corte
rule-status-mismatch = `status` difiere del estado de la última novedad
rule-status-kind = un estado que no es válido para el tipo del compromiso
rule-missing-evidence = una novedad u observación sin evidencia, o una novedad con la nota vacía
rule-reopened = una novedad cambia un estado final (`kept`, `partially_kept`, `broken`)
rule-overdue = venció el `due` de un entregable y su estado no es final
rule-kept-late = un entregable está `kept`, pero la novedad que lo cumplió es posterior a `due`
rule-stale = un compromiso abierto lleva más de `stale_after_days` días sin novedades
rule-target-order = observaciones de la meta fuera de orden o posteriores a la fecha de corte, o una línea de base posterior a ellas
rule-id-format = un id de registro, compromiso, parte o fuente que no está en kebab-case ASCII
rule-due-provenance = una fecha `due` sin `due_source` ni `due_estimate`
rule-who-committed = falta `by` donde intervienen varias partes, o `by` y `asks` no concuerdan con `parties`
rule-control-character = un texto contiene un carácter de control o un control bidireccional
rule-not-searched = un compromiso abierto sin constancia de una búsqueda de noticias desde `reviewed`
rule-missing-translation = un texto del registro no tiene traducción a un idioma de `[ledger] languages`

## El informe HTML y el sitio

as-of-date = al { $date }
as-of-before = Al{" "}
reviewed-before = {" "}· estados revisados hasta el{" "}
dashboard = Panel
all-commitments = Todos los compromisos
follow-changes = Seguir los cambios
feed-link-title = Cambios de estado
nav-site = Sitio
nav-languages = Idiomas
nav-filters = Filtros
maintainers-before = Para quienes mantienen el registro:{" "}
maintainers-checks = comprobaciones
footer = Hecho por commitments a partir del registro al { $date }. Cada estado se toma del historial fechado y citado del registro.
downloads = Descargas:{" "}
download-package = el paquete de datos
download-package-note = {" "}(todas las tablas, con su esquema)
download-calendar = los plazos para un calendario
download-follow = seguir los cambios en un lector de feeds
tile-commitments = compromisos
tile-overdue = vencidos
tile-due-soon = vencen en { $days } días
tile-changes = cambios en { $days } días
tile-findings = hallazgos del verificador
tile-errors =
    { $n ->
        [one] { $n } error
       *[other] { $n } errores
    }
bar-label = reparto por estado
progress-by-party = Avance por parte
progress-by-area = Avance por ámbito
party-commitments =
    { $n ->
        [one] ({ $n } compromiso)
       *[other] ({ $n } compromisos)
    }
timeline-heading = Cronología
timeline-explain = Cada fila va del día en que se asumió un compromiso al día en que quedó resuelto, o hasta la fecha del informe si sigue abierto; enlaza con la página del compromiso. ◆ marca el plazo, ● el estado final; la línea roja es la fecha del informe.
timeline-deliverables = Cronología de los entregables
timeline-deliverables-explain = Cada fila va del día en que se asumió un entregable al día en que quedó resuelto, o hasta la fecha del informe si sigue abierto. ◆ marca el plazo, ● el estado final; la línea roja es la fecha del informe.
timeline-label = Cronología de los compromisos
timeline-first = Los primeros { $shown } de { $total } compromisos, en el orden del registro.
timeline-key = ◇ plazo · ◇ discontinuo: estimación de los editores
timeline-due = , vence { $due }
timeline-made = {" "}— asumido el
timeline-list-due = , vence
no-commitments = Ningún compromiso.
item-due = {" "}— vence { $due }
days-left =
    { $n ->
        [one] queda { $days }
       *[other] quedan { $days }
    }
recent-with-evidence = Cambios de los últimos { $days } días, con sus pruebas
dashboard-first = Los primeros { $shown } de { $total } compromisos, en el orden del registro; los filtros de arriba los enumeran todos.
filter-committed-by = Asumido por:{" "}
filter-area = Ámbito:{" "}
filter-party-area = Asumido por, ámbito:{" "}
filter-each = cada una de las { $parties } y cada uno de los { $areas }
filter-status = Estado:{" "}
filter-kind = Tipo:{" "}
count-parties =
    { $n ->
        [one] { $n } parte
       *[other] { $n } partes
    }
count-areas =
    { $n ->
        [one] { $n } ámbito
       *[other] { $n } ámbitos
    }
entry-by = de { $names }
entry-asks = {" "}· pide a { $names }
entry-due = {" "}· vence { $due }
entry-signed = {" "}· firmado en las conversaciones
entry-request = {" "}· una petición
entry-umbrella = {" "}· compromiso marco
on-this-page = En esta página:{" "}
other-lists = Otras listas
none-listed = Ninguno.
party-title = { $party }: a qué se comprometió
area-title = Ámbito: { $area }
status-title = Estado: { $status }
status-heading = Estado:{" "}
kind-title = Tipo: { $kind }
follow-copy = Copie esta dirección en un lector de feeds para enterarse de cada compromiso nuevo y de cada cambio de estado:
follow-calendar = Los plazos de los compromisos abiertos forman un calendario al que suscribirse:{" "}
follow-entries = Cada entrada nombra el compromiso, su nuevo estado y la nota que lo respalda, y enlaza con la página del compromiso y sus pruebas. El feed guarda las 1000 entradas más recientes; el{" "}
follow-dashboard = panel
follow-window = {" "}muestra los cambios de los últimos { $days } días.
source-label = Fuente:{" "}
read-in-full = leerla completa
fact-parties = Partes
fact-asks = Pide a
fact-made = Asumido
fact-deadline = Plazo
fact-under = Dentro de
fact-continues = Continúa
fact-continued-in = Continuado en
fact-includes = Incluye
fact-target = Meta
fact-searched = Última búsqueda de noticias
no-search = no consta ninguna búsqueda
deadline-basis-estimated = {" "}— ninguna fuente da una fecha; las razones de los editores:
deadline-basis-stated = {" "}— indicado en la fuente:
deadline-basis-precision =
    {" "}— la fuente da { $precision ->
        [month] el mes
       *[year] el año
    }, no el día:
deadline-none = no se indica
history = Historial
history-made = {" "}— asumido
related-at = {" "}— en { $ledger }
cite-heading = Citar o insertar
cite-as = Cítese como: { $ledger }, «{ $title }», estado al { $date }, { $url }.
embed-before = Insertar:{" "}
embed-card = una tarjeta de este compromiso
embed-after = {" "}para un iframe (sin script, desde 320 px de ancho).
quoted-above = {" "}(las palabras citadas arriba)
figure-latest = último dato
figure-baseline = línea de base
figure-none = aún sin observaciones
figure-goal = meta
figure-progress = { $percent } del camino de la línea de base a la meta
findings-summary = { $errors } errores, { $warnings } advertencias
column-dates = Fechas
column-latest-evidence = Última prueba
by-status-heading = Compromisos por estado
requests-heading = Peticiones (no se cuentan)
umbrellas-heading = Compromisos marco (no se cuentan)
row-umbrella-of = Marco de { $n } compromisos
row-under = Dentro de{" "}
row-continues = Continúa{" "}
row-signed = Firmado en las conversaciones
row-asks = {" "}pide a{" "}
row-made = asumido el{" "}
row-due = vence{" "}
row-since = {" "}desde el{" "}
row-searched = Búsqueda de noticias del { $date }: { $what }

## El feed

feed-title = { $ledger }: cambios de estado
feed-editors = Los editores de { $ledger }
feed-new = Nuevo: { $title }
feed-made = Asumido el { $date }; estado: { $status }.
feed-due = {" "}Vence { $deadline }.
feed-still = { $title }: sigue { $status }
feed-change = { $title }: { $from } → { $to }
feed-deviation = {" "}(Vencía { $deadline }: { $deviation }.)

## Las ayudas del servidor de lenguaje

hover-status-on = Estado al { $date }: **{ $status }** ({ $meaning })
hover-latest = Última novedad, { $date }: { $status }. { $note }
hover-no-update = Asumido el { $date }; aún sin novedades.
hover-due = Vence { $deadline }.
hover-party = Parte; asumió { $commitments } hasta el { $date }.
hover-local-copy = Copia local: { $file }
status-meaning-announced = asumido, sin acciones a la vista aún
status-meaning-in-progress = en marcha
status-meaning-active = cumplido en acciones y sostenido
status-meaning-at-risk = en marcha, con problemas
status-meaning-stalled = sin avances, o suspendido
status-meaning-kept = hecho según lo prometido (final)
status-meaning-partially-kept = hecho en parte, o tarde (final)
status-meaning-broken = no hecho, y ya no se espera (final)

## A workspace's report

workspace-as-of = Al **{ $date }** · { $ledgers }: { $headcount }.
column-ledger = Registro
column-id = Id
column-deliverables = Entregables
workspace-meta = {" "}· { $ledgers }: { $headcount }.
workspace-download-totals = {" "}(los totales)
workspace-download-commitments = {" "}(los compromisos de cada registro)
workspace-download-feed = cada cambio de estado, como feed
workspace-ledgers = Registros
workspace-ledgers-heading = Los registros
workspace-together = Todos los registros juntos
workspace-by-party = Por parte, en cada registro
