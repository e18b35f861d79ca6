# 本工具的简体中文用语。每条消息也在 en.ftl 和 es.ftl 中
# （tests/it/i18n.rs）。

## 状态与类型

status-announced = 已宣布
status-in-progress = 进行中
status-active = 持续推进
status-at-risk = 有风险
status-stalled = 停滞
status-kept = 已兑现
status-partially-kept = 部分兑现
status-broken = 跳票
kind-deliverable = 可交付
kind-ongoing = 长期

## 日期

month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月
date-short = { $year }年{ $month }月{ $day }日
date-words = { $year }年{ $month-number }月{ $day }日
month-year = { $year }年{ $month-number }月

## 期限与天数

deadline-month = { $month-year }底前
deadline-year = { $year }年底前
deadline-estimated = { $deadline }（编者估计）
against-estimate = ，以编者估计的期限计
against-month = ，自来源所给月份的月底起算
against-year = ，自来源所给年份的年底起算
days = { $n }天
days-overdue = 逾期{ $days }
deviation-on-time = 恰在期限当日
deviation-early = 提前{ $days }
deviation-late = 延后{ $days }

## 数量与列举

percent = { $value }%
share = { $whole }项中的{ $part }项
share-percent = { $whole }项中的{ $part }项（{ $percent }）
full-stop = 。
clause-comma = ，
list-comma = 、
list-two = { $first }和{ $last }
count-commitments = { $n }项承诺
count-requests = { $n }项请求
count-umbrellas = { $n }项总括承诺
count-errors = { $n }个错误
count-warnings = { $n }个警告
count-ledgers = { $n }本台账
count-findings = { $n }条检查结果
count-ongoing = { $n }项长期承诺
headcount-signed = （其中{ $n }项在会谈期间签署）
headcount-plus = ，另有{ $list }

## 单独计数的各组的含义

meaning-signed-at-talks = 会谈期间签署：作出当天即已兑现，例如在两国元首见证下签署的文件。计入总数，但不计入可交付承诺的比率。
meaning-request = 请求：一方向另一方提出的要求。请求不是任何一方的承诺，不计入总数。
meaning-umbrella = 总括承诺：统领其他承诺的承诺。总括承诺本身不计入，计入的是其下属承诺。

## 总述

headline-none = 没有可交付承诺。
headline = 可交付承诺：{ $parts }。
headline-kept = { $share }已兑现
headline-partially-kept = { $count }项{ $percent }部分兑现
headline-broken = { $count }项{ $percent }跳票
headline-open = { $count }项{ $percent }尚未完成
headline-percent = （{ $percent }）
left-out = 未计入以上数字的有：{ $list }。
left-out-signed = { $n }项在会谈期间签署（作出当天即已兑现）
left-out-ongoing = { $ongoing }（没有终点可言）

## 承诺的结论：承诺页面的第一句话

ruling-signed = 于{ $date }兑现：在会谈期间签署，作出当天即已兑现。
ruling-final = 于{ $date }{ $status }
ruling-unchanged = 于{ $date }{ $status }，此后未记录任何变化
ruling-since = 自{ $date }起{ $status }
ruling-overdue = ；期限为{ $due }，已逾期{ $days }{ $against }
ruling-due = ；期限为{ $due }
ruling-ongoing = ；这是一项长期承诺，没有终点可言
ruling-request = 。这是请求而非承诺，不计入总数
ruling-searched = 。编者最近一次查找相关消息是在{ $date }
ruling-end = 。

## 报告

review-notice = 本报告距台账上次审核（{ $reviewed }）已过{ $days }天，状态可能已经过时。
as-of = 截至{ $date }
reviewed-up-to = {" "}· 状态审核至{ $date }
note = 注：
translated = 本语言的标题和说明为编者翻译；引文保留其来源的原文。
checker-findings = 检查结果
findings-count = { $errors }，{ $warnings }（`commitments check` 会逐条说明）。
every-finding = 全部检查结果
severity-error = 错误
severity-warning = 警告
column-level = 级别
column-rule = 规则
column-line = 行
column-commitment = 承诺
column-finding = 检查结果
column-commitments = 承诺数
column-status = 状态
column-party = 承诺方
column-kind = 类型
column-area = 领域
column-due = 期限
column-days-overdue = 逾期天数
column-days-left = 剩余天数
column-date = 日期
column-note = 说明
column-committed-by = 承诺方
column-latest-update = 最新进展
area-none = （无）
summary = 概要
overdue = 已逾期
nothing-overdue = 没有逾期的承诺。
due-soon = 未来{ $days }天内到期
nothing-due = 没有即将到期的承诺。
recent-changes = 最近{ $days }天的变化
no-updates = 没有新进展。
commitments = 全部承诺
asks = { $by }请求{ $asks }
status-since = { $status }（自{ $date }起）
dated-note = { $date }：{ $note }
umbrella-of = （统领{ $commitments }）
under = （隶属于{ $parent }）
continues = （延续{ $list }）
signed-at-talks = （在会谈期间签署）
a-request = （一项请求）
target-latest = { $metric }：最新数据 { $figure }
target-none = 无
target-baseline = ；基线 { $figure }
target-goal = ；目标 { $goal }
approximate-date = ，日期为约数
no-source-cited = 未引用来源

## check

check-summary = { $ledger }：{ $errors }，{ $warnings }，共{ $headcount }（截至{ $date }）
check-workspace-summary = { $workspace }：{ $errors }，{ $warnings }，共{ $ledgers }（截至{ $date }）

## 各规则的含义（其他语言的报告以此说明每条检查结果）

rule-syntax = 台账不是有效的 TOML（或不是 UTF-8）
rule-schema = 某个键未知或缺失，或某个值的类型不对
rule-source-file = 某个来源的 `file` 位于台账文件夹之外、缺失或无法读取
rule-duplicate-id = 两项承诺，或工作区中的两本台账，使用了相同的 id
rule-unknown-reference = 引用了未声明的承诺方、来源、上级承诺或相关承诺
rule-parent-cycle = 一串 `parent` 链接绕回了起点
rule-quote-not-in-source = 某条引文不在其所引来源的本地文件中
rule-date-order = 进展顺序颠倒、早于 `made`、`due` 早于 `made`，或日期晚于截止日期
rule-status-mismatch = `status` 与最新进展的状态不一致
rule-status-kind = 该状态不适用于此类承诺
rule-missing-evidence = 进展或观测数据没有证据，或进展的说明为空
rule-reopened = 某条进展改变了已确定的状态（`kept`、`partially_kept`、`broken`）
rule-overdue = 可交付承诺的 `due` 日期已过，而状态尚未确定
rule-kept-late = 可交付承诺为 `kept`，但兑现它的进展晚于 `due`
rule-stale = 未完成的承诺超过 `stale_after_days` 天没有新进展
rule-target-order = 目标的观测数据顺序颠倒或晚于截止日期，或基线晚于观测数据
rule-id-format = 台账、承诺、承诺方或来源的 id 不是 ASCII kebab-case
rule-due-provenance = `due` 日期既无 `due_source` 也无 `due_estimate`
rule-who-committed = 涉及多方时缺少 `by`，或 `by` 与 `asks` 和 `parties` 不符
rule-control-character = 文本中含有控制字符或双向控制字符
rule-not-searched = 未完成的承诺自 `reviewed` 以来没有查找消息的记录
rule-missing-translation = 台账的某段文字没有译成 `[ledger] languages` 中的某种语言

## HTML 报告与网站

as-of-date = 截至{ $date }
as-of-before = 截至
reviewed-before = {" "}· 状态审核至
dashboard = 总览
all-commitments = 全部承诺
follow-changes = 关注变化
feed-link-title = 状态变化
nav-site = 网站
nav-languages = 语言
nav-filters = 筛选
maintainers-before = 供台账维护者参考：
maintainers-checks = 检查结果
footer = 由 commitments 根据截至{ $date }的台账生成。每项状态均取自台账中注明日期和出处的记录。
downloads = 下载：
download-package = 数据包
download-package-note = （全部数据表及其结构说明）
download-calendar = 日历格式的期限
download-follow = 在订阅阅读器中关注变化
tile-commitments = 项承诺
tile-overdue = 项逾期
tile-due-soon = 项在{ $days }天内到期
tile-changes = 项{ $days }天内的变化
tile-findings = 条检查结果
tile-errors = { $n }个错误
bar-label = 各状态占比
progress-by-party = 各方进展
progress-by-area = 各领域进展
party-commitments = （{ $n }项承诺）
timeline-heading = 时间线
timeline-explain = 每一行从承诺作出之日延伸到其有最终结果之日；尚未有结果的，延伸到报告日期。每行链接到该承诺的页面。◆ 表示期限，● 表示最终状态；红线为报告日期。
timeline-deliverables = 可交付承诺时间线
timeline-deliverables-explain = 每一行从可交付承诺作出之日延伸到其有最终结果之日；尚未有结果的，延伸到报告日期。◆ 表示期限，● 表示最终状态；红线为报告日期。
timeline-label = 承诺时间线
timeline-first = 按台账顺序列出{ $total }项承诺中的前{ $shown }项。
timeline-key = ◇ 期限 · 虚线 ◇ 为编者估计
timeline-due = ，期限{ $due }
timeline-made = {" "}— 作出于
timeline-list-due = ，期限
no-commitments = 没有承诺。
item-due = {" "}— 期限{ $due }
days-left = 还剩{ $days }
recent-with-evidence = 最近{ $days }天的变化及其依据
dashboard-first = 按台账顺序列出{ $total }项承诺中的前{ $shown }项；上方的筛选可列出全部。
filter-committed-by = 承诺方：
filter-area = 领域：
filter-party-area = 承诺方、领域：
filter-each = 全部{ $parties }和{ $areas }
filter-status = 状态：
filter-kind = 类型：
count-parties = { $n }个承诺方
count-areas = { $n }个领域
entry-by = 承诺方：{ $names }
entry-asks = {" "}· 请求{ $names }
entry-due = {" "}· 期限{ $due }
entry-signed = {" "}· 会谈时签署
entry-request = {" "}· 一项请求
entry-umbrella = {" "}· 总括承诺
on-this-page = 本页：
other-lists = 其他列表
none-listed = 无。
party-title = { $party }：作出的承诺
area-title = 领域：{ $area }
status-title = 状态：{ $status }
status-heading = 状态：
kind-title = 类型：{ $kind }
follow-copy = 将此地址复制到订阅阅读器中，即可获知每项新承诺和每次状态变化：
follow-calendar = 未完成承诺的期限可作为日历订阅：
follow-entries = 每个条目写明承诺、其新状态及所依据的说明，并链接到附有依据的承诺页面。订阅源保留最新的1000个条目；
follow-dashboard = 总览
follow-window = 显示最近{ $days }天的变化。
source-label = 来源：
read-in-full = 阅读全文
fact-parties = 相关方
fact-asks = 请求对象
fact-made = 作出日期
fact-deadline = 期限
fact-under = 所属
fact-continues = 延续
fact-continued-in = 后续见
fact-includes = 包括
fact-target = 目标
fact-searched = 最近一次新闻检索
no-search = 没有检索记录
deadline-basis-estimated = {" "}— 没有来源给出日期；编者的理由：
deadline-basis-stated = {" "}— 来源中写明：
deadline-basis-precision =
    {" "}— 来源只给出{ $precision ->
        [month] 月份
       *[year] 年份
    }，未给出具体日期：
deadline-none = 未写明
history = 记录
history-made = {" "}— 作出
related-at = {" "}— 见{ $ledger }
cite-heading = 引用或嵌入
cite-as = 引用格式：{ $ledger }，“{ $title }”，截至{ $date }的状态，{ $url }。
embed-before = 嵌入：
embed-card = 本承诺的卡片
embed-after = ，可用于 iframe（无脚本，宽度 320 像素以上）。
quoted-above = （即上文引用的原话）
figure-latest = 最新数据
figure-baseline = 基线
figure-none = 尚无观测数据
figure-goal = 目标
figure-progress = 已完成从基线到目标的{ $percent }
findings-summary = { $errors }个错误，{ $warnings }个警告
column-dates = 日期
column-latest-evidence = 最新依据
by-status-heading = 按状态列出的承诺
requests-heading = 请求（不计入）
umbrellas-heading = 总括承诺（不计入）
row-umbrella-of = 包含{ $n }项承诺的总括承诺
row-under = 所属：
row-continues = 延续：
row-signed = 会谈时签署
row-asks = {" "}请求{" "}
row-made = 作出于{" "}
row-due = 期限{" "}
row-since = {" "}自{" "}
row-searched = { $date }的新闻检索：{ $what }

## 订阅源

feed-title = { $ledger }：状态变化
feed-editors = { $ledger }编者
feed-new = 新承诺：{ $title }
feed-made = 作出于{ $date }；状态：{ $status }。
feed-due = {" "}期限{ $deadline }。
feed-still = { $title }：仍为{ $status }
feed-change = { $title }：{ $from } → { $to }
feed-deviation = {" "}（期限{ $deadline }：{ $deviation }。）

## 语言服务器的悬停提示

hover-status-on = 截至{ $date }的状态：**{ $status }**（{ $meaning }）
hover-latest = 最新进展，{ $date }：{ $status }。{ $note }
hover-no-update = 作出于{ $date }；尚无进展。
hover-due = 期限{ $deadline }。
hover-party = 承诺方；截至{ $date }作出{ $commitments }。
hover-local-copy = 本地副本：{ $file }
status-meaning-announced = 已作出，尚未见行动
status-meaning-in-progress = 正在推进
status-meaning-active = 已采取行动并持续
status-meaning-at-risk = 正在推进，但有问题
status-meaning-stalled = 没有进展，或已暂停
status-meaning-kept = 已按承诺完成（最终）
status-meaning-partially-kept = 部分完成，或逾期完成（最终）
status-meaning-broken = 未完成，且已不再预期完成（最终）

## A workspace's report

workspace-as-of = 截至**{ $date }** · { $ledgers }：{ $headcount }。
column-ledger = 台账
column-id = 编号
column-deliverables = 可交付承诺
workspace-meta = {" "}· { $ledgers }：{ $headcount }。
workspace-download-totals = （总计）
workspace-download-commitments = （各台账的承诺）
workspace-download-feed = 每次状态变化的订阅源
workspace-ledgers = 台账
workspace-ledgers-heading = 各台账
workspace-together = 全部台账合计
workspace-by-party = 按承诺方，涵盖各台账
