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
