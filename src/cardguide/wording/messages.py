"""Every word cardguide says of its own, in English and Chinese: the one message catalog."""

# Each key maps to its text per language. `{name}` is filled from the message's parameters
# (see wording.py); an English text may be {"one": ..., "other": ...}, chosen by `{n}`.
# Families such as `level.*` or `facet.*` are looked up by value (wording.keyed); a test checks
# that every key has both languages, is used, and that each family covers its values exactly.
# The Chinese is written as it is said at a social-security counter, not word for word.

from __future__ import annotations

Entry = dict[str, str | dict[str, str]]

WORDS: dict[str, Entry] = {
    # --- how lists read -------------------------------------------------------------------
    "join.list": {"en": ", ", "zh": "、"},
    "join.or": {"en": " or ", "zh": "或"},
    "join.nor": {"en": " or ", "zh": "、"},
    "join.and": {"en": " and ", "zh": "和"},
    "join.parts": {"en": "; ", "zh": "；"},
    # --- languages, levels, statuses ------------------------------------------------------
    "language.en": {"en": "English", "zh": "英文"},
    "language.zh": {"en": "Chinese", "zh": "中文"},
    "fallback": {"en": "(only in {lang})", "zh": "（仅有{lang}）"},
    "level.national": {"en": "national", "zh": "全国"},
    "level.province": {"en": "province", "zh": "省级"},
    "level.municipality": {"en": "municipality", "zh": "直辖市"},
    "level.city": {"en": "city", "zh": "地级市"},
    "level.county": {"en": "county level", "zh": "县级"},
    "status.official": {"en": "official", "zh": "官方"},
    "status.secondary": {"en": "secondary", "zh": "转载"},
    "status.uncertain": {"en": "UNCERTAIN", "zh": "待核实"},
    "unlisted": {
        "en": "{documents}: our sources do not say whether to bring it; ask the local office before you go.",
        "zh": "{documents}：资料里没有说明是否要带，去之前请向当地经办机构问清楚。",
    },
    "unknown": {
        "en": "Not known; ask the local office.",
        "zh": "暂无资料，请向当地经办机构咨询。",
    },
    # --- who is applying -------------------------------------------------------------------
    "facet.newborn": {
        "en": "a newborn (a parent or guardian applies)",
        "zh": "新生儿（由父母或监护人办理）",
    },
    "facet.minor": {
        "en": "a child under 18 (a guardian applies)",
        "zh": "未满18周岁的未成年人（由监护人办理）",
    },
    "facet.student": {"en": "a student", "zh": "在校学生"},
    "facet.self_employed": {
        "en": "someone self-employed or in flexible employment",
        "zh": "个体工商户或灵活就业人员",
    },
    "facet.left_job": {"en": "someone who has left a job", "zh": "已离职人员"},
    "facet.foreign_employee": {"en": "a foreign employee", "zh": "外籍员工"},
    "facet.employer": {
        "en": "an employee applying through the employer (unit bulk application)",
        "zh": "由单位统一办理的职工（单位批量申领）",
    },
    "interview.hukou": {
        "en": "Where is the household registration (hukou)?",
        "zh": "户籍在本地还是外地？",
    },
    "facet.hukou_local": {"en": "someone with local household registration", "zh": "本地户籍人员"},
    "facet.hukou_elsewhere": {
        "en": "someone whose household registration is elsewhere",
        "zh": "外地户籍人员",
    },
    "facet.hk_macao_taiwan": {
        "en": "a resident of Hong Kong, Macao or Taiwan",
        "zh": "港澳台居民",
    },
    "facet.home_service": {
        "en": "an elderly, seriously ill or disabled person who needs home service or a proxy",
        "zh": "需要上门服务或代办的老年人、重病或残疾人员",
    },
    "facet.replacement": {
        "en": "a replacement card, not a first application",
        "zh": "补换卡（不是首次申领）",
    },
    "facet.lost": {"en": "a lost card", "zh": "卡丢失"},
    "facet.damaged": {"en": "a damaged card", "zh": "卡损坏"},
    "facet.by_proxy": {
        "en": "someone collecting the card for another person",
        "zh": "替他人代领",
    },
    "facet_short.newborn": {"en": "newborn", "zh": "新生儿"},
    "facet_short.minor": {"en": "minor", "zh": "未成年人"},
    "facet_short.student": {"en": "student", "zh": "学生"},
    "facet_short.self_employed": {"en": "self-employed", "zh": "个体或灵活就业"},
    "facet_short.left_job": {"en": "left-job", "zh": "已离职"},
    "facet_short.foreign_employee": {"en": "foreign-employee", "zh": "外籍员工"},
    "facet_short.employer": {"en": "employer", "zh": "单位代办"},
    "facet_short.hukou_local": {"en": "local hukou", "zh": "本地户籍"},
    "facet_short.hukou_elsewhere": {"en": "hukou elsewhere", "zh": "外地户籍"},
    "facet_short.hk_macao_taiwan": {"en": "Hong Kong/Macao/Taiwan resident", "zh": "港澳台居民"},
    "facet_short.home_service": {"en": "home service", "zh": "上门服务"},
    "facet_short.replacement": {"en": "replacement", "zh": "补换卡"},
    "facet_short.lost": {"en": "lost", "zh": "卡丢失"},
    "facet_short.damaged": {"en": "damaged", "zh": "卡损坏"},
    "facet_short.by_proxy": {"en": "by-proxy", "zh": "代领"},
    "application.first": {"en": "first application", "zh": "首次申领"},
    "application.replacement": {"en": "replacement", "zh": "补换卡"},
    "profile.adult": {"en": "an adult applying for themselves", "zh": "成年人本人办理"},
    "condition.not": {"en": "not {facets}", "zh": "{facets}以外的人"},
    "condition.everyone": {"en": "everyone", "zh": "所有人"},
    "conflict.hmt_foreign": {
        "en": "residents of Hong Kong, Macao and Taiwan are not foreigners: they apply with their own permits",
        "zh": "港澳台居民不是外国人，凭本人的通行证或居住证办理",
    },
    "conflict.hmt_hukou": {
        "en": "residents of Hong Kong, Macao and Taiwan hold no mainland household registration",
        "zh": "港澳台居民没有内地户籍",
    },
    "conflict.foreign_hukou": {
        "en": "a foreigner holds no Chinese household registration",
        "zh": "外国人没有中国户籍",
    },
    "conflict.hukou_both": {
        "en": "household registration is either local or elsewhere, not both",
        "zh": "户籍要么在本地，要么在外地，只能选一个",
    },
    "conflict.newborn_student": {
        "en": "a newborn cannot also be a student",
        "zh": "新生儿不可能同时是学生",
    },
    "conflict.newborn_self_employed": {
        "en": "a newborn cannot also be self-employed",
        "zh": "新生儿不可能同时是个体户或灵活就业人员",
    },
    "conflict.newborn_left_job": {
        "en": "a newborn cannot also have left a job",
        "zh": "新生儿不可能已经离职",
    },
    "conflict.newborn_foreign_employee": {
        "en": "a newborn cannot also be a foreign employee",
        "zh": "新生儿不可能同时是外籍员工",
    },
    "conflict.newborn_employer": {
        "en": "a newborn cannot also be an employee applying through the employer",
        "zh": "新生儿不可能由单位作为职工统一办理",
    },
    "conflict.employer_self_employed": {
        "en": "the self-employed register and apply themselves, not through an employer",
        "zh": "个体工商户和灵活就业人员自己参保、自己申领，不经过单位",
    },
    "conflict.employer_left_job": {
        "en": "after leaving a job you apply as an individual, not through the employer",
        "zh": "离职后以个人身份申领，不再由原单位办理",
    },
    "conflict.student_left_job": {
        "en": "a student applies as a student and someone who left a job as an individual; give the one that describes you now",
        "zh": "学生按学生身份申领，离职人员按个人身份申领；请只选现在符合你情况的那一个",
    },
    "conflict.minor_employer": {
        "en": "a child's card is applied for by a guardian; an employed 16- or 17-year-old gives --employer alone",
        "zh": "未成年人由监护人办理；已经工作的16、17周岁职工只选 --employer",
    },
    "conflict.newborn_replacement": {
        "en": "a newborn's card is a first application; for a child's lost or damaged card use `cardguide replace --minor`",
        "zh": "新生儿办卡是首次申领；孩子的卡丢失或损坏，请用 `cardguide replace --minor`",
    },
    "conflict.lost_damaged": {
        "en": "a card is replaced either as lost or as damaged",
        "zh": "补换卡要么是卡丢失，要么是卡损坏，只能选一种",
    },
    # --- procedures, headings, labels ---------------------------------------------------
    "title.apply": {"en": "Applying for a card", "zh": "申领社保卡"},
    "title.activate": {"en": "Activating a card", "zh": "激活社保卡"},
    "title.replace": {"en": "Replacing a lost or damaged card", "zh": "挂失和补换卡"},
    "title.collect": {"en": "Collecting a card", "zh": "领取社保卡"},
    "title.update": {"en": "Correcting personal details", "zh": "更正个人信息"},
    "title.reimburse": {"en": "Claiming back medical costs", "zh": "医疗费用报销"},
    "title.check": {"en": "Checking your dates", "zh": "核对办理时限"},
    "title.faq": {"en": "Questions and answers", "zh": "常见问题"},
    "title.guide": {"en": "Resolved guide", "zh": "本地区办事指南（含上级规定）"},
    "can_apply.line": {"en": "{answer}: {reason}", "zh": "{answer}：{reason}"},
    "can_apply.no": {
        "en": "The rules here say this person cannot get a card here; see why below.",
        "zh": "按这里的规定，这种情况不能在这里申领；原因见下面。",
    },
    "can_apply.hukou": {
        "en": "It depends on where the household registration is: say whether it is local or elsewhere.",
        "zh": "要看户籍在本地还是外地，请说明。",
    },
    "can_apply.conditions": {
        "en": "Possibly, on the conditions below; confirm them with the local office.",
        "zh": "可能可以，但要满足下面的条件；请向当地经办机构确认。",
    },
    "can_apply.yes": {
        "en": "Yes, by the rules below.",
        "zh": "可以，依据见下面的规定。",
    },
    "can_apply.unknown": {
        "en": "No rule on who may apply here was found; ask the local office.",
        "zh": "没有找到这里关于谁可以申领的规定，请向当地经办机构咨询。",
    },
    "heading.eligibility": {"en": "Can you apply here?", "zh": "能不能在这里申领"},
    "heading.steps": {"en": "Steps", "zh": "办理步骤"},
    "heading.channels": {"en": "Activation channels", "zh": "激活渠道"},
    "heading.materials": {"en": "Materials to bring", "zh": "需带材料"},
    "heading.fees": {"en": "Fees", "zh": "费用"},
    "heading.deadlines": {"en": "Time limits", "zh": "办理时限"},
    "heading.answers": {"en": "Your dates", "zh": "按你的日期核对"},
    "heading.warnings": {"en": "Warnings", "zh": "特别提醒"},
    "heading.contacts": {"en": "Where to confirm", "zh": "到哪里确认"},
    "heading.notes": {"en": "Notes", "zh": "注意事项"},
    "heading.legal": {"en": "Legal basis", "zh": "政策依据"},
    "heading.questions": {"en": "Questions and answers", "zh": "常见问题"},
    "heading.sources": {"en": "Sources", "zh": "资料来源"},
    "heading.related": {"en": "Also about these dates", "zh": "与这些日期有关的规定"},
    "label.where": {"en": "Where: ", "zh": "办理地点："},
    "label.caveat": {"en": "Caveat: ", "zh": "注意："},
    "label.dated": {"en": "Dated: ", "zh": "资料较旧："},
    "label.note": {"en": "Note: ", "zh": "说明："},
    "label.bring": {"en": "Bring: ", "zh": "需带："},
    "label.why": {"en": "Why: ", "zh": "原因："},
    "label.local_caveat": {"en": "Here: ", "zh": "本地提醒："},
    "meta.only_for": {"en": "only for: {who}", "zh": "仅适用于：{who}"},
    "meta.from": {"en": "from {region}", "zh": "来自{region}"},
    "meta.overlay": {"en": "overlay {file}", "zh": "本地覆盖文件 {file}"},
    "meta.as_of": {"en": "as of {year}", "zh": "{year}年的资料"},
    "source.site": {"en": "site: {site}", "zh": "网站：{site}"},
    "meta.status_paren": {"en": " ({status})", "zh": "（{status}）"},
    # --- activation -------------------------------------------------------------------------
    "source_kind.government": {"en": "government site", "zh": "政府网站"},
    "source_kind.newspaper": {"en": "newspaper", "zh": "报纸"},
    "source_kind.reprint": {"en": "reprint of an official text", "zh": "官方文件的转载"},
    "source_kind.unofficial": {"en": "unofficial page", "zh": "非官方网页"},
    "topic.register_birth": {"en": "register the birth", "zh": "办理出生登记"},
    "topic.enrol": {"en": "enrol in insurance", "zh": "办理参保"},
    "topic.bank_account": {"en": "open the bank account", "zh": "开通银行账户"},
    "topic.photo": {"en": "have the photo checked", "zh": "审核照片"},
    "topic.report_loss": {"en": "report the loss", "zh": "挂失"},
    "topic.report_damage": {"en": "report the damage", "zh": "报告卡损坏"},
    "topic.found": {"en": "deal with a card found again", "zh": "处理找回的卡"},
    "topic.apply": {"en": "apply", "zh": "提交申请"},
    "topic.replace": {"en": "apply for a new card", "zh": "申请补换卡"},
    "topic.collect": {"en": "collect the card", "zh": "领卡"},
    "topic.activate": {"en": "activate the card", "zh": "激活社保卡"},
    "topic.pay": {"en": "pay", "zh": "付费"},
    "topic.claim": {"en": "claim the money back", "zh": "申请报销"},
    "topic.password": {"en": "change the password", "zh": "修改密码"},
    "topic.records": {"en": "correct the records", "zh": "更正信息"},
    "topic.update": {"en": "update your details", "zh": "更新个人信息"},
    "document.id_card": {"en": "the resident identity card", "zh": "居民身份证"},
    "document.household_register": {"en": "the household register", "zh": "户口簿"},
    "document.birth_certificate": {"en": "the birth certificate", "zh": "出生医学证明"},
    "document.passport": {"en": "the passport", "zh": "护照"},
    "document.permanent_residence_card": {
        "en": "the permanent residence card",
        "zh": "外国人永久居留身份证",
    },
    "document.hmt_permit": {
        "en": "the travel permit or residence permit for Hong Kong, Macao or Taiwan residents",
        "zh": "港澳台居民的通行证或居住证",
    },
    "document.residence_permit": {"en": "the residence permit", "zh": "居住证"},
    "document.military_id": {"en": "the military identity card", "zh": "军人身份证件"},
    "document.guardian_id": {
        "en": "the guardian's own identity document",
        "zh": "监护人本人的身份证件",
    },
    "document.guardianship_proof": {"en": "proof of guardianship", "zh": "监护关系证明"},
    "document.proxy_id": {"en": "the agent's own identity document", "zh": "代办人本人的身份证件"},
    "document.authorisation": {"en": "the letter of authorisation", "zh": "委托书"},
    "document.photo": {"en": "a photo", "zh": "照片"},
    "document.existing_card": {
        "en": "the social security card you already have",
        "zh": "已有的社保卡",
    },
    "document.damaged_card": {"en": "the damaged card", "zh": "损坏的卡"},
    "document.labour_contract": {"en": "the labour contract", "zh": "劳动合同"},
    "document.work_permit": {"en": "the work permit", "zh": "工作许可证"},
    "document.insurance_proof": {"en": "proof of insurance", "zh": "参保证明"},
    "document.employer_papers": {"en": "the employer's papers", "zh": "单位的材料"},
    "document.bills": {"en": "the bills and receipts", "zh": "票据和费用清单"},
    "document.bank_card": {"en": "a bank card", "zh": "银行卡"},
    "document.phone": {"en": "a mobile phone", "zh": "手机"},
    "channel.bank": {"en": "Bank", "zh": "银行网点"},
    "channel.hospital": {"en": "Designated hospital", "zh": "定点医疗机构"},
    "channel.pharmacy": {"en": "Designated pharmacy", "zh": "定点药店"},
    "channel.phone": {"en": "Telephone", "zh": "电话"},
    "channel.center": {"en": "Service counter", "zh": "服务窗口"},
    "channel.online": {"en": "Online or app", "zh": "网上或手机App"},
    "function.medical": {"en": "medical (social-security)", "zh": "社保（医保）功能"},
    "function.financial": {"en": "financial (bank-account)", "zh": "金融（银行账户）功能"},
    "channel.enables": {
        "en": {
            "one": "{channel} — switches on the {functions} function",
            "other": "{channel} — switches on the {functions} functions",
        },
        "zh": "{channel}：开通{functions}",
    },
    # --- document headers -------------------------------------------------------------------
    "header.national": {"en": "National rules (全国)", "zh": "全国通用的规定"},
    "print.running": {"en": "{title} · {region}", "zh": "{title} · {region}"},
    "print.page": {"en": "Page {page} of {pages}", "zh": "第{page}页，共{pages}页"},
    "header.region": {"en": "{en_name} {zh_name} ({level})", "zh": "{zh_name}（{level}）"},
    "header.region_chain": {
        "en": "{en_name} {zh_name} ({level}); inherits from {chain}",
        "zh": "{zh_name}（{level}）；同时适用{chain}的规定",
    },
    "header.asked": {
        "en": "cardguide has no rules of its own for {place}; these are {region}'s. Ask the local office what differs there.",
        "zh": "本工具没有{place}的单独资料，以下是{region}的规定；当地做法有无不同，请向当地经办机构咨询。",
    },
    "header.place": {"en": "{en} ({zh})", "zh": "{zh}"},
    "header.asked_national": {
        "en": "cardguide has no local rules for {place}; these are only the national rules. Ask the local office for local fees, places and times.",
        "zh": "本工具没有{place}的本地资料，以下只是全国通用的规定；当地的费用、办理地点和时限，请向当地经办机构咨询。",
    },
    "header.for": {"en": "For: {profile}", "zh": "适用对象：{profile}"},
    "print.produced": {
        "en": "Made on {date} by cardguide {version}; each item says how sure and how old its source is",
        "zh": "{date}由 cardguide {version} 生成；每项都注明了来源是否可靠、是哪一年的",
    },
    "header.channel": {"en": "Channel: {channel}", "zh": "渠道：{channel}"},
    "header.reviewed": {
        "en": "Region data last reviewed {date}",
        "zh": "本地区资料最近核对于{date}",
    },
    "header.reviewed_each": {"en": "Region data last reviewed: ", "zh": "资料最近核对："},
    "header.review": {"en": "{region} {date}", "zh": "{region} {date}"},
    "header.review_overlay": {
        "en": "{region} (overlay) {date}",
        "zh": "{region}（本地覆盖）{date}",
    },
    "header.stale": {"en": "OVER A YEAR AGO", "zh": "已超过一年"},
    "header.dates": {"en": "Dates: {dates}; today {today}", "zh": "日期：{dates}；今天是{today}"},
    "header.date": {"en": "{event} {date}", "zh": "{event}{date}"},
    # The dates `check` takes: English names the option typed, Chinese what the date is.
    "event.born": {"en": "--born", "zh": "出生日期"},
    "event.paid": {"en": "--paid", "zh": "缴费日期"},
    "event.bill_date": {"en": "--bill-date", "zh": "医疗费结算日期"},
    "event.lost_on": {"en": "--lost-on", "zh": "丢卡日期"},
    "event.last_paid": {"en": "--last-paid", "zh": "最后一次缴费日期"},
    "event.hired_on": {"en": "--hired-on", "zh": "入职日期"},
    "header.search": {"en": "Search: {query}", "zh": "搜索：{query}"},
    "regions.id": {"en": "ID", "zh": "代码"},
    "regions.name": {"en": "NAME", "zh": "名称"},
    "regions.level": {"en": "LEVEL", "zh": "级别"},
    "regions.parent": {"en": "PARENT", "zh": "上级"},
    "regions.reviewed": {"en": "REVIEWED", "zh": "核对日期"},
    "regions.name_cell": {"en": "{en_name} {zh_name}", "zh": "{zh_name}"},
    "regions.date": {"en": "{date}", "zh": "{date}"},
    "regions.stale": {"en": "{date} (stale)", "zh": "{date}（已过期）"},
    "guide.intro": {
        "en": "Each item shows who it is for and, when inherited, the region it comes from.",
        "zh": "每一项都注明适用对象；沿用上级规定的，注明来自哪个地区。",
    },
    "guide.procedure": {"en": "== {title} ({id}) ==", "zh": "== {title}（{id}）=="},
    "guide.or": {"en": "or", "zh": "或"},
    "faq.none": {
        "en": "No question matched; try other words or no words.",
        "zh": "没有找到相关问题；换个说法，或不输入关键词查看全部。",
    },
    "check.none": {
        "en": "No rule for these dates was found; ask the local office.",
        "zh": "没有找到与这些日期有关的规定，请向当地经办机构咨询。",
    },
    # --- answers from dates ------------------------------------------------------------------
    "answer.yes": {"en": "YES", "zh": "是"},
    "answer.no": {"en": "NO", "zh": "否"},
    "answer.need_more_information": {"en": "ASK", "zh": "需咨询"},
    "question.deadline": {"en": "Is there still time?", "zh": "还来得及吗？"},
    "question.starts": {"en": "Does it apply yet?", "zh": "已经可以享受了吗？"},
    "question.lapse": {"en": "Has the limit run out?", "zh": "是否已经超期？"},
    "verdict.line": {"en": "{question} {reason}", "zh": "{question}{reason}"},
    "verdict.line_caveat": {
        "en": "{question} {reason} {caveat}",
        "zh": "{question}{reason}{caveat}",
    },
    "verdict.rests_dated": {
        "en": "(Per a {year} rule; confirm with the office.)",
        "zh": "（依据的是{year}年的规定，请向经办机构确认。）",
    },
    "verdict.rests_uncertain": {
        "en": "(Per an uncertain source; confirm with the office.)",
        "zh": "（依据的来源待核实，请向经办机构确认。）",
    },
    "verdict.rests_dated_uncertain": {
        "en": "(Per a {year} rule from an uncertain source; confirm with the office.)",
        "zh": "（依据的是{year}年的规定，来源待核实，请向经办机构确认。）",
    },
    "verdict.deadline_yes": {"en": "Yes: the last day is {on}.", "zh": "来得及：最后一天是{on}。"},
    "verdict.deadline_no": {"en": "No: the last day was {on}.", "zh": "来不及了：最后一天是{on}。"},
    "verdict.starts_yes": {"en": "Yes: it applies from {on}.", "zh": "可以：从{on}起享受。"},
    "verdict.starts_no": {
        "en": "Not yet: it applies from {on}.",
        "zh": "还不行：从{on}起才能享受。",
    },
    "verdict.lapse_yes": {
        "en": "Yes: the limit ran out after {on}.",
        "zh": "已超期：期限到{on}为止。",
    },
    "verdict.lapse_no": {
        "en": "No: the limit runs out after {on}.",
        "zh": "未超期：期限到{on}为止。",
    },
    "verdict.cannot": {
        "en": "Need more information: {problem}.",
        "zh": "需要进一步确认：{problem}。",
    },
    "verdict.elsewhere": {
        "en": (
            "Need more information: no rule was found for this region; under {region}'s rule "
            "the date would be {on}. Ask the local office."
        ),
        "zh": "需要进一步确认：没有找到本地区的规定；按{region}的规定，日期是{on}。请向当地经办机构咨询。",
    },
    "verdict.disagree": {
        "en": "Need more information: the sources disagree ({dates}); ask the local office.",
        "zh": "需要进一步确认：各来源说法不一（{dates}），请向当地经办机构咨询。",
    },
    "verdict.period_date": {"en": "{period}: {date}", "zh": "{period}：{date}"},
    "verdict.earliest": {
        "en": (
            "{reason} The sources give different periods ({periods}); this is the earliest "
            "date, and every period gives the same answer."
        ),
        "zh": "{reason}各来源给出的期限不同（{periods}）；这里按最早的日期算，各期限的结论相同。",
    },
    "verdict.holiday": {
        "en": "{date} falls in a public holiday ({holiday}).",
        "zh": "{date}正值法定节假日（{holiday}）。",
    },
    "distance.on": {"en": "{date} ({distance})", "zh": "{date}（{distance}）"},
    "distance.today": {"en": "today", "zh": "就是今天"},
    "distance.ahead": {
        "en": {"one": "{n} day from today", "other": "{n} days from today"},
        "zh": "还有{n}天",
    },
    "distance.ago": {
        "en": {"one": "{n} day ago", "other": "{n} days ago"},
        "zh": "已过去{n}天",
    },
    "period.next_month": {
        "en": "from the start of the following month",
        "zh": "从次月1日起",
    },
    "period.working_days": {
        "en": {"one": "{n} working day", "other": "{n} working days"},
        "zh": "{n}个工作日",
    },
    "period.months": {"en": {"one": "{n} month", "other": "{n} months"}, "zh": "{n}个月"},
    "period.days": {"en": {"one": "{n} day", "other": "{n} days"}, "zh": "{n}天"},
    "period.then_month_start": {
        "en": "{period}, then the start of that month",
        "zh": "{period}，再取当月1日",
    },
    "period.none": {"en": "no period", "zh": "没有期限"},
    "dates.outside_calendar": {
        "en": (
            "the official holiday calendar in the installed data covers {first}-{last}, not "
            "{year}, so working days cannot be counted"
        ),
        "zh": "已安装的法定节假日数据只覆盖{first}—{last}年，不含{year}年，无法计算工作日",
    },
    "holiday.new_years_day": {"en": "New Year's Day", "zh": "元旦"},
    "holiday.spring_festival": {"en": "Spring Festival", "zh": "春节"},
    "holiday.tomb_sweeping_day": {"en": "Tomb-sweeping Day", "zh": "清明节"},
    "holiday.labour_day": {"en": "Labour Day", "zh": "劳动节"},
    "holiday.dragon_boat_festival": {"en": "Dragon Boat Festival", "zh": "端午节"},
    "holiday.national_day": {"en": "National Day", "zh": "国庆节"},
    "holiday.mid_autumn_festival": {"en": "Mid-autumn Festival", "zh": "中秋节"},
    "holiday.anti_fascist_70th_day": {
        "en": "Anti-Fascist War Victory 70th anniversary",
        "zh": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
    },
    # --- why an item is there -----------------------------------------------------------------
    "why.gave": {"en": "you gave {flags}", "zh": "你的情况是{flags}"},
    "why.withheld": {"en": "you did not give {flags}", "zh": "你不是{flags}"},
    "why.gave_withheld": {
        "en": "you gave {flags} and you did not give {withheld}",
        "zh": "你的情况是{flags}，不是{withheld}",
    },
    "why.implied": {"en": "{given} (so {facet})", "zh": "{given}（即{facet}）"},
    # English names what was typed; Chinese says it in words, never a flag.
    "why.answer": {"en": "{flag}", "zh": "“{facet}”"},
    "why.dated": {"en": "{event} (so {facet})", "zh": "“{facet}”（按你填的{event}）"},
    "why.everyone": {"en": "it is for everyone", "zh": "这一项适用于所有人"},
    "why.line": {"en": "{who}; from {origin}", "zh": "{who}；来自{origin}"},
    "why.line_passed": {
        "en": "{who}; from {origin} ({nearer})",
        "zh": "{who}；来自{origin}（{nearer}）",
    },
    "why.passed": {"en": "{region}'s version is for: {when}", "zh": "{region}的规定适用于：{when}"},
    "why.sum": {
        "en": "{event} {date} + {period} = {result}",
        "zh": "{event}{date} + {period} = {result}",
    },
    "why.sum_today": {"en": "{sum}; today is {today}", "zh": "{sum}；今天是{today}"},
    "why.no_result": {"en": "cannot be computed", "zh": "无法计算"},
    # --- comparing regions ---------------------------------------------------------------------
    "diff.title": {"en": "Differences between {a} and {b}", "zh": "{a}与{b}的不同之处"},
    "diff.counts": {
        "en": {
            "one": "{n} item differs; {same} are the same.",
            "other": "{n} items differ; {same} are the same.",
        },
        "zh": "{n}项不同，{same}项相同。",
    },
    "diff.section": {"en": "{procedure} · {heading}", "zh": "{procedure} · {heading}"},
    "diff.item": {"en": "{id} ({change})", "zh": "{id}（{change}）"},
    "diff_change.only_a": {"en": "only {a}", "zh": "只有{a}有"},
    "diff_change.only_b": {"en": "only {b}", "zh": "只有{b}有"},
    "diff_change.changed": {"en": "differs", "zh": "内容不同"},
    # --- the interview -------------------------------------------------------------------------
    "interview.prompt": {"en": "{question}: ", "zh": "{question}："},
    "interview.region": {
        "en": "Region (id or name, e.g. ningbo or 宁波)",
        "zh": "办理地区（名称或代码，如 宁波 或 ningbo）",
    },
    "interview.who": {"en": "Who is applying?", "zh": "申请人属于哪种情况？"},
    "interview.adult": {
        "en": "an adult applying for themselves (none of the below)",
        "zh": "成年人本人办理（以下都不是）",
    },
    "interview.option": {"en": "  {number}. {option}", "zh": "  {number}. {option}"},
    "interview.number": {"en": "Number", "zh": "请输入序号"},
    "interview.range": {
        "en": "Please enter a number from 1 to {n}.",
        "zh": "请输入1到{n}之间的序号。",
    },
    "interview.yes_no": {"en": "{question} [y/N]", "zh": "{question}[是/否，直接回车为否]"},
    "interview.answer_yes_no": {"en": "Please answer y or n.", "zh": "请回答“是”或“否”。"},
    "interview.indent": {"en": "  {message}", "zh": "  {message}"},
    "interview.employer": {
        "en": "Is the employer applying for you (unit bulk application)?",
        "zh": "是否由单位为你统一办理（单位批量申领）？",
    },
    "interview.replacement": {
        "en": "Is this a replacement for a lost or damaged card?",
        "zh": "是否因卡丢失或损坏而补换卡？",
    },
    "interview.by_proxy": {
        "en": "Are you collecting the card for someone else?",
        "zh": "是否替别人代领社保卡？",
    },
    "interview.back_hint": {
        "en": "(Type < to go back one question.)",
        "zh": "（输入 < 可回到上一个问题）",
    },
    "interview.first": {
        "en": "This is the first question.",
        "zh": "这已经是第一个问题了。",
    },
    "interview.did_you_mean": {"en": "Did you mean {name}?", "zh": "您要找的是“{name}”吗？"},
    "interview.did_you_mean_one": {
        "en": "Did you mean one of these?",
        "zh": "您要找的是下面哪一个？",
    },
    "interview.none_of_these": {
        "en": "none of these: type the name again",
        "zh": "都不是，重新输入",
    },
    "interview.yes_no_default_yes": {
        "en": "{question} [Y/n]",
        "zh": "{question}[是/否，直接回车为是]",
    },
    "interview.which": {"en": "Which is it?", "zh": "是哪种情况？"},
    "interview.newborn_replacement": {
        "en": "The baby already has a card, so it is replaced as a child's card: this is the list for a child.",
        "zh": "孩子已经有卡了，补换卡按未成年人办理，下面是未成年人补换卡的清单。",
    },
    # --- messages on stderr ---------------------------------------------------------------------
    "locate.took": {
        "en": "'{query}' taken as {place}; for {others}, name the city as well",
        "zh": "“{query}”按{place}处理；如果指的是{others}，请连同所在的市一起写",
    },
    "batch.output_dir": {
        "en": "cannot make the output directory {path}: {reason}",
        "zh": "无法建立输出目录{path}：{reason}",
    },
    "batch.unreadable_csv": {
        "en": "line {line} of the input cannot be read as CSV (a quote left open, a field over 128 KB, or a stray line break); save it again from the spreadsheet",
        "zh": "输入的第{line}行不是有效的CSV（可能有未配对的引号、超过128KB的单元格或多余的换行）；请从表格软件重新另存一次",
    },
    "cli.error": {"en": "cardguide: error: {message}", "zh": "cardguide：错误：{message}"},
    "cli.warning": {"en": "cardguide: warning: {message}", "zh": "cardguide：提醒：{message}"},
    "cli.note": {"en": "cardguide: {message}", "zh": "cardguide：{message}"},
    "warn.stale": {
        "en": "data last reviewed over a year ago: {regions}; confirm with the local office",
        "zh": "以下资料最近一次核对已超过一年：{regions}；请向当地经办机构确认",
    },
    "warn.stale_region": {"en": "{region} ({date})", "zh": "{region}（{date}）"},
    "warn.stale_local": {
        "en": "{region}, local file ({date})",
        "zh": "{region}，本地文件（{date}）",
    },
    "validate.summary": {
        "en": "{errors}, {warnings} in {files}",
        "zh": "共检查{files}：{errors}，{warnings}",
    },
    "count.errors": {"en": {"one": "{n} error", "other": "{n} errors"}, "zh": "{n}个错误"},
    "count.warnings": {"en": {"one": "{n} warning", "other": "{n} warnings"}, "zh": "{n}个警告"},
    "count.files": {"en": {"one": "{n} file", "other": "{n} files"}, "zh": "{n}个文件"},
    "validate.warning": {"en": "warning: ", "zh": "警告："},
    "validate.at": {"en": "(at {keypath})", "zh": "（位置：{keypath}）"},
    "diagnostic": {"en": "{where}: {code} {message}", "zh": "{where}：{code} {message}"},
    "diagnostic.at": {
        "en": "{where}: {code} {message} (at {keypath})",
        "zh": "{where}：{code} {message}（位置：{keypath}）",
    },
    # --- errors ------------------------------------------------------------------------------------
    "error.region_unknown": {
        "en": "unknown region '{query}' (`cardguide regions` lists them all)",
        "zh": "找不到地区“{query}”（`cardguide regions` 列出全部地区）",
    },
    "error.region_unknown_suggest": {
        "en": "unknown region '{query}'; did you mean {names}? (`cardguide regions` lists them all)",
        "zh": "找不到地区“{query}”；你要找的是不是{names}？（`cardguide regions` 列出全部地区）",
    },
    "error.not_covered": {
        "en": "'{query}' is {name}, outside mainland China; cardguide covers mainland China only",
        "zh": "“{query}”是{name}，不在中国大陆；cardguide 只提供中国大陆的办理信息",
    },
    "error.ambiguous": {
        "en": "'{query}' names several places: {places}; write it with its province or city, e.g. {example}",
        "zh": "“{query}”对应多个地方：{places}；请写上所在的省或市，如 {example}",
    },
    "error.no_region": {
        "en": (
            "missing --region (give a region id or name; cardguide asks only in a terminal and "
            "never with --no-input)"
        ),
        "zh": "缺少 --region（请给出地区名称或代码；只有在终端里、且没有 --no-input 时才会提问）",
    },
    "error.needs_one_of": {"en": "{command} needs {flags}", "zh": "{command} 需要 {flags}"},
    "error.conflict": {
        "en": "{first} cannot be combined with {second}: {reason}",
        "zh": "{first} 不能和 {second} 同时使用：{reason}",
    },
    "error.date_means": {"en": "{date} means {flag}", "zh": "{date} 表示 {flag}"},
    "error.date_conflict": {"en": "{dates}; {reason}", "zh": "{dates}；{reason}"},
    "error.not_a_date": {
        "en": "{option} '{text}' is not a date; write the year first, e.g. 2026-10-01, 2026/10/01 or 2026年10月1日",
        "zh": "{option} “{text}”不是日期；请先写年份，如 2026-10-01、2026/10/01 或 2026年10月1日",
    },
    "error.date_range": {
        "en": "{option} '{text}' is outside the dates cardguide works with ({first} to {last})",
        "zh": "{option} “{text}”超出了本工具可处理的日期范围（{first}至{last}）",
    },
    "error.impossible_date": {
        "en": "{option} '{text}' is not a real date: that month has {days} days",
        "zh": "{option} “{text}”不是真实存在的日期：这个月只有{days}天",
    },
    "error.impossible_month": {
        "en": "{option} '{text}' is not a real date: a month is numbered 1 to 12",
        "zh": "{option} “{text}”不是真实存在的日期：月份只有1到12月",
    },
    "error.future": {
        "en": "{option} {date} is after today ({today}); give a date that has happened, or set --today",
        "zh": "{option} {date} 晚于今天（{today}）；请填已经发生的日期，或用 --today 指定今天",
    },
    "error.no_dates": {
        "en": "check needs at least one date, or the question whether one can apply: {options}",
        "zh": "check 至少需要一个日期，或者要问能不能申领：{options}",
    },
    "error.paid_alone": {
        "en": "--paid is a self-employed person's payment date; add --self-employed",
        "zh": "--paid 是个体工商户或灵活就业人员的缴费日期；请同时加上 --self-employed",
    },
    "error.shell": {
        "en": "no completion script for '{shell}'; name one of these shells: {shells}",
        "zh": "没有“{shell}”的补全脚本；请指定以下 shell 之一：{shells}",
    },
    "error.output_dir": {
        "en": "--output-dir {path} is not a directory",
        "zh": "--output-dir 指定的 {path} 不是目录",
    },
    "batch.needs_output_dir": {
        "en": "--format {format} writes one file per row: add --output-dir DIR",
        "zh": "--format {format} 会为每一行写一个文件，请加上 --output-dir 目录",
    },
    "batch.page_format": {
        "en": "with --output-dir, --format names the format of each row's file: {formats}, not {format}",
        "zh": "使用 --output-dir 时，--format 指的是每行文件的格式，只能是 {formats}，不能是 {format}",
    },
    "batch.unwritable": {
        "en": "could not write {file}: {reason}",
        "zh": "无法写入 {file}：{reason}",
    },
    "error.data_dir": {
        "en": "data directory '{path}' does not exist or is not a directory",
        "zh": "数据目录“{path}”不存在或不是目录",
    },
    "error.no_path": {
        "en": "no such file or directory: {path}",
        "zh": "没有这个文件或目录：{path}",
    },
    "error.cancelled": {
        "en": "cancelled: no answer (end of input)",
        "zh": "已取消：没有收到回答（输入已结束）",
    },
    "error.internal": {
        "en": "internal error ({kind}); this is a defect in cardguide: set CARDGUIDE_DEBUG=1 for details",
        "zh": "内部错误（{kind}），这是 cardguide 自身的缺陷；设置 CARDGUIDE_DEBUG=1 可查看详情",
    },
    "error.no_option": {
        "en": "no such option: {option} (see `{command} --help`)",
        "zh": "没有这个选项：{option}（见 `{command} --help`）",
    },
    "error.no_option_close": {
        "en": "no such option: {option}; did you mean {close}?",
        "zh": "没有这个选项：{option}；你要找的是不是 {close}？",
    },
    "error.bad_value": {
        "en": "invalid value for {option}: {detail} (see `{command} --help`)",
        "zh": "{option} 的值无效：{detail}（见 `{command} --help`）",
    },
    "error.missing_argument": {
        "en": "missing {name} (see `{command} --help`)",
        "zh": "缺少 {name}（见 `{command} --help`）",
    },
    "error.choice": {
        "en": "invalid value for {option}; choose one of: {choices}",
        "zh": "{option} 的值无效；可选：{choices}",
    },
    "error.needs_value": {
        "en": "{option} needs a value (see `{command} --help`)",
        "zh": "{option} 后面要跟一个值（见 `{command} --help`）",
    },
    "error.no_value": {
        "en": "{option} takes no value (see `{command} --help`)",
        "zh": "{option} 后面不能跟值（见 `{command} --help`）",
    },
    "error.no_command": {
        "en": "no such command: {name} (`cardguide --help` lists them)",
        "zh": "没有这个命令：{name}（`cardguide --help` 列出全部命令）",
    },
    "error.no_command_close": {
        "en": "no such command: {name}; did you mean {close}?",
        "zh": "没有这个命令：{name}；你要找的是不是 {close}？",
    },
    "error.undecodable_argument": {
        "en": "the command line's word {n} is not text in the system's encoding (UTF-8); type it again",
        "zh": "命令行里第{n}个词的编码不对（不是 UTF-8 文字），请重新输入",
    },
    "error.usage": {
        "en": "{detail} (see `{command} --help`)",
        "zh": "用法有误：{detail}（见 `{command} --help`）",
    },
    "os.ENOENT": {"en": "no such file", "zh": "文件不存在"},
    "os.EACCES": {"en": "permission denied", "zh": "没有读取权限"},
    "os.EISDIR": {"en": "it is a directory", "zh": "这是一个目录"},
    "os.ENOTDIR": {"en": "a part of the path is not a directory", "zh": "路径中有一段不是目录"},
    "os.ENAMETOOLONG": {"en": "the name is too long", "zh": "名称过长"},
    "os.ELOOP": {"en": "too many symbolic links", "zh": "符号链接层数过多"},
    "os.ENXIO": {"en": "it is not an ordinary file", "zh": "这不是普通文件"},
    "os.ENOSPC": {"en": "no space left on the device", "zh": "磁盘空间不足"},
    "os.EEXIST": {"en": "something of that name is in the way", "zh": "已有同名的文件或链接"},
    # --- data file diagnostics ---------------------------------------------------------------------
    "yaml.empty": {"en": "file is empty", "zh": "文件是空的"},
    "yaml.documents": {
        "en": "more than one YAML document in the file",
        "zh": "文件里有不止一个 YAML 文档",
    },
    "yaml.alias": {
        "en": "anchors and aliases are not allowed",
        "zh": "不允许使用锚点和别名（& 和 *）",
    },
    "yaml.event": {"en": "unexpected YAML event {event}", "zh": "意外的 YAML 结构 {event}"},
    "yaml.complex_key": {"en": "mapping keys must be plain text", "zh": "键名必须是普通文本"},
    "yaml.depth": {"en": "nesting deeper than {n} levels", "zh": "嵌套超过{n}层"},
    "yaml.tag": {"en": "YAML tag {tag} is not allowed", "zh": "不允许使用 YAML 标签 {tag}"},
    "yaml.merge": {"en": "merge keys (<<) are not allowed", "zh": "不允许使用合并键（<<）"},
    "yaml.invalid_value": {
        "en": "invalid value '{value}'",
        "zh": "无效的值“{value}”",
    },
    "yaml.invalid_date": {
        "en": "'{value}' is not a real date",
        "zh": "“{value}”不是真实存在的日期",
    },
    "yaml.key_type": {
        "en": "key '{key}' must be text; quote it",
        "zh": "键“{key}”必须是文本，请加引号",
    },
    "yaml.duplicate": {"en": "duplicate key '{key}'", "zh": "重复的键“{key}”"},
    "yaml.utf8": {
        "en": "not valid UTF-8 (byte {byte})",
        "zh": "不是有效的 UTF-8 编码（字节 {byte}）",
    },
    "yaml.syntax": {"en": "YAML syntax error: {detail}", "zh": "YAML 语法错误：{detail}"},
    "yaml.portability": {
        "en": "only libyaml accepts this; the YAML reference parser says: {detail} (quote the text)",
        "zh": "只有 libyaml 接受这种写法，YAML 参考解析器报错：{detail}（请给文本加引号）",
    },
    "yaml.parsers_differ": {
        "en": "libyaml and the YAML reference parser read this file differently",
        "zh": "libyaml 与 YAML 参考解析器对这个文件的解读不同",
    },
    "load.unreadable": {"en": "cannot read file: {reason}", "zh": "无法读取文件：{reason}"},
    "load.not_mapping": {
        "en": "a region file must be a mapping of keys",
        "zh": "地区文件的顶层必须是键值映射",
    },
    "load.unknown_key": {
        "en": "unknown key '{key_name}'; allowed here: {allowed}",
        "zh": "未知的键“{key_name}”；这里允许的键：{allowed}",
    },
    "load.unknown_key_comma": {
        "en": (
            "unknown key '{key_name}'; allowed here: {allowed}; a comma in unquoted text starts "
            "a new key, so put the text in quotes"
        ),
        "zh": "未知的键“{key_name}”；这里允许的键：{allowed}；不加引号的文本里，逗号会开始一个新键，请给文本加引号",
    },
    "load.no_sources": {
        "en": "fact without a source: add `sources`",
        "zh": "这条内容没有来源：请加上 `sources`",
    },
    "load.empty_sources": {
        "en": "fact without a source: `sources` is empty",
        "zh": "这条内容没有来源：`sources` 是空的",
    },
    "load.missing": {"en": "missing required field '{field}'", "zh": "缺少必填字段“{field}”"},
    "load.status": {
        "en": "status '{value}' is not one of {allowed}",
        "zh": "status“{value}”不在可选值之内：{allowed}",
    },
    "load.facet": {
        "en": "'{value}' is not a profile field; conditions may name: {allowed}",
        "zh": "“{value}”不是申请人情况字段；条件里可以用：{allowed}",
    },
    "load.enum": {
        "en": "'{value}' is not allowed here; expected one of {allowed}",
        "zh": "这里不能用“{value}”；可选值：{allowed}",
    },
    "load.type": {
        "en": "Expected `{expected}`, got `{value}`",
        "zh": "应为 `{expected}`，实际是 `{value}`",
    },
    "load.min_length": {
        "en": "Expected `{expected}` of length >= {value}",
        "zh": "应为 `{expected}`，长度至少为{value}",
    },
    "load.max_length": {
        "en": "Expected `{expected}` of length <= {value}",
        "zh": "应为 `{expected}`，长度至多为{value}",
    },
    "load.minimum": {
        "en": "Expected `{expected}` >= {value}",
        "zh": "应为 `{expected}`，且不小于{value}",
    },
    "load.maximum": {
        "en": "Expected `{expected}` <= {value}",
        "zh": "应为 `{expected}`，且不大于{value}",
    },
    "load.pattern": {
        "en": "Expected `{expected}` matching regex '{value}'",
        "zh": "应为 `{expected}`，且符合格式 '{value}'",
    },
    "load.other": {"en": "{detail}", "zh": "格式不符：{detail}"},
    "check.id_file": {
        "en": "region id '{id}' does not match the file name '{file}'",
        "zh": "地区代码“{id}”与文件名“{file}”不一致",
    },
    "check.national_parent": {
        "en": "the national region has no parent",
        "zh": "全国这一级没有上级地区",
    },
    "check.no_parent": {
        "en": "missing required field 'parent' (only the national region has none)",
        "zh": "缺少必填字段“parent”（只有全国这一级没有上级）",
    },
    "check.source_twice": {"en": "source '{id}' is defined twice", "zh": "来源“{id}”定义了两次"},
    "check.versions_overlap": {
        "en": "item id '{id}' has two versions in {section} that both apply to {profile}",
        "zh": "条目“{id}”在 {section} 里有两个版本同时适用于：{profile}",
    },
    "check.period_units": {
        "en": "a period needs exactly one of days, months or working_days",
        "zh": "期限只能写 days、months、working_days 中的一种",
    },
    "check.before_after": {
        "en": "give `before` or `after`, not both",
        "zh": "`before` 和 `after` 只能写一个",
    },
    "check.control": {"en": "text contains control characters", "zh": "文本中含有控制字符"},
    "check.control_alias": {"en": "alias contains control characters", "zh": "别名中含有控制字符"},
    "check.lacks_declared": {
        "en": "text lacks {lang} (the file declares {declared})",
        "zh": "文本缺少{lang}（文件声明的语言：{declared}）",
    },
    "check.lacks": {
        "en": "text lacks {lang}; add a translation",
        "zh": "文本缺少{lang}，请补上译文",
    },
    "check.two_records": {"en": "give zh_of or en_of, not both", "zh": "zh_of 和 en_of 只能写一个"},
    "check.record_alone": {
        "en": "{key_name} records a translation, but the text is not in both languages",
        "zh": "{key_name} 记录的是译文对应的版本，但这段文本并没有两种语言",
    },
    "check.stale": {
        "en": (
            "the {lang} translates an older {source} (revision {old}; the {source} is now {new}): "
            "update the {lang}, then set {key_name}: {new}"
        ),
        "zh": "{lang}译自旧版{source}（版本 {old}，{source}现在是 {new}）：请更新{lang}，再把 {key_name} 改为 {new}",
    },
    "check.unrecorded": {
        "en": "translation without a revision record: after checking it, add zh_of: {new}",
        "zh": "译文没有记录对应的原文版本：核对无误后，加上 zh_of: {new}",
    },
    "resolve.cycle": {
        "en": "parent regions form a cycle: {loop}",
        "zh": "上级地区形成了循环：{loop}",
    },
    "resolve.no_parent": {"en": "parent region '{id}' not found", "zh": "找不到上级地区“{id}”"},
    "resolve.level": {
        "en": "a {level} region cannot sit under '{parent}', a {parent_level} region",
        "zh": "{level}地区不能放在{parent_level}地区“{parent}”之下",
    },
    "resolve.only_in": {
        "en": "only_in: region '{id}' does not exist",
        "zh": "only_in：地区“{id}”不存在",
    },
    "resolve.overlay_moves": {
        "en": "{key_name} '{value}' differs from '{base}' in {file}",
        "zh": "{key_name}“{value}”与 {file} 中的“{base}”不一致",
    },
    "resolve.source_again": {
        "en": "source '{id}' is already defined for {region} in {file}; cite that one and leave this definition out, or give this source an id of its own",
        "zh": "来源“{id}”已在{region}的文件{file}中定义；请直接引用那条来源，删去这里的定义，或给这条来源另起一个代码",
    },
    "resolve.source_undefined": {
        "en": "source '{id}' is not defined in this file or a parent region",
        "zh": "来源“{id}”在本文件和上级地区中都没有定义",
    },
    "resolve.status": {
        "en": "status '{status}' is stronger than any of the item's sources",
        "zh": "status“{status}”比这条内容的任何来源都更确定",
    },
    "resolve.anchor": {
        "en": "{key_name}: '{id}' names no item of this kind here or in a parent region",
        "zh": "{key_name}：“{id}”在本地区和上级地区中都没有这一类条目",
    },
    "validate.review_future": {
        "en": "last_reviewed {date} is after today ({today})",
        "zh": "last_reviewed {date} 晚于今天（{today}）",
    },
    "validate.review_old": {
        "en": "last reviewed {date}, {n} days ago (more than {max}); check the facts against their sources",
        "zh": "最近核对于{date}，已过{n}天（超过{max}天）；请对照来源重新核对",
    },
    # --- rule titles (docs/data-format.md lists the same) -------------------------------------------
    "rule.CG001": {"en": "YAML syntax error", "zh": "YAML 语法错误"},
    "rule.CG002": {"en": "duplicate key in a mapping", "zh": "映射中有重复的键"},
    "rule.CG003": {"en": "unknown key", "zh": "未知的键"},
    "rule.CG004": {"en": "wrong type or value", "zh": "类型或取值错误"},
    "rule.CG005": {"en": "missing required field", "zh": "缺少必填字段"},
    "rule.CG006": {"en": "region id does not match the file name", "zh": "地区代码与文件名不一致"},
    "rule.CG007": {"en": "parent region not found", "zh": "找不到上级地区"},
    "rule.CG008": {"en": "parent regions form a cycle", "zh": "上级地区形成循环"},
    "rule.CG009": {"en": "duplicate id", "zh": "代码重复"},
    "rule.CG010": {
        "en": "condition names an unknown profile field",
        "zh": "条件中有未知的申请人情况字段",
    },
    "rule.CG011": {"en": "fact without a source", "zh": "内容没有来源"},
    "rule.CG012": {
        "en": "source id not defined in this file or its ancestors",
        "zh": "来源代码在本文件和上级中都没有定义",
    },
    "rule.CG013": {
        "en": "status outside official / secondary / uncertain",
        "zh": "status 不是 official / secondary / uncertain",
    },
    "rule.CG014": {"en": "a text lacks a language", "zh": "文本缺少某种语言"},
    "rule.CG015": {"en": "review date in the future", "zh": "核对日期在未来"},
    "rule.CG016": {"en": "review date older than the allowed age", "zh": "核对日期过旧"},
    "rule.CG017": {"en": "file is not valid UTF-8", "zh": "文件不是有效的 UTF-8"},
    "rule.CG018": {"en": "file is empty", "zh": "文件为空"},
    "rule.CG019": {
        "en": "YAML feature not allowed (anchors, aliases, tags, merge keys, deep nesting)",
        "zh": "不允许的 YAML 写法（锚点、别名、标签、合并键、过深嵌套）",
    },
    "rule.CG020": {
        "en": "before/after names an item that does not exist",
        "zh": "before/after 指向不存在的条目",
    },
    "rule.CG021": {"en": "region level does not fit its parent", "zh": "地区级别与上级不匹配"},
    "rule.CG022": {
        "en": "item claims a stronger status than any of its sources",
        "zh": "条目的确定程度高于其全部来源",
    },
    "rule.CG023": {"en": "text contains control characters", "zh": "文本含有控制字符"},
    "rule.CG024": {"en": "a rule names a region that does not exist", "zh": "规则指向不存在的地区"},
    "rule.CG025": {
        "en": "an overlay changes a region's parent or level",
        "zh": "本地覆盖文件改了地区的上级或级别",
    },
    "rule.CG026": {
        "en": "a translation is older than the text it translates",
        "zh": "译文比原文旧",
    },
    "rule.CG027": {
        "en": "a translation has no revision record",
        "zh": "译文没有记录对应的原文版本",
    },
    "catalog.left_out": {
        "en": "left out of the list: {problem}",
        "zh": "未列入：{problem}",
    },
    "catalog.skipped": {
        "en": "skipped {file}: a region file is a regular file named after its id (lowercase letters, digits and -, then .yaml)",
        "zh": "已跳过 {file}：地区文件须是普通文件，文件名为地区 id（小写字母、数字和 -）加 .yaml",
    },
    "load.not_regular": {
        "en": "not a regular file (a directory, FIFO or device); a region file is an ordinary file",
        "zh": "不是普通文件（而是目录、管道或设备）；地区文件须是普通文件",
    },
    "load.too_big": {
        "en": "the file is {size} bytes, over the limit of {limit} bytes",
        "zh": "文件有{size}字节，超过了{limit}字节的上限",
    },
    "rule.CG029": {
        "en": "not a regular file",
        "zh": "不是普通文件",
    },
    "rule.CG030": {
        "en": "file larger than the limit",
        "zh": "文件超过大小上限",
    },
    "load.link_outside": {
        "en": "a link to {target}, outside the data directories; cardguide reads nothing there",
        "zh": "链接指向数据目录以外的 {target}；本工具不读取数据目录以外的文件",
    },
    "rule.CG031": {
        "en": "a link that leads outside the data directories",
        "zh": "链接指向数据目录以外",
    },
    "check.too_long": {
        "en": "a text of {length} characters; texts are limited to {limit} characters",
        "zh": "文字长度为{length}个字符；每段文字不得超过{limit}个字符",
    },
    "rule.CG032": {
        "en": "text longer than the limit",
        "zh": "文字超过长度上限",
    },
    "rule.CG034": {
        "en": "a source's status is stronger than its kind allows",
        "zh": "来源的可信程度高于其类型允许的程度",
    },
    "check.source_kind": {
        "en": "source '{id}' is marked as {kind}, so its status can be at most '{cap}', not '{status}'; only a government site or a national newspaper is official, and a reprint at most secondary",
        "zh": "来源“{id}”标为{kind}，status 最高只能是“{cap}”，不能是“{status}”；只有政府网站和全国性报纸算官方，转载最高算转载",
    },
    "rule.CG035": {
        "en": "an item cites a source about another place",
        "zh": "条目引用了讲别的地方的来源",
    },
    "resolve.source_place": {
        "en": "source '{id}' speaks for {places} only, so it cannot support an item in {region}; move the item to that region's file, or cite a source about {region}",
        "zh": "来源“{id}”只适用于{places}，不能作为{region}条目的依据；请把这条内容移到那个地区的文件里，或引用讲{region}的来源",
    },
    "rule.CG036": {
        "en": "a region's own step shows beside its parent's step for the same thing",
        "zh": "本地区自己的步骤和上级同一件事的步骤同时出现",
    },
    "checklist.topic_twice": {
        "en": "for {whom}, the {procedure} checklist shows this step and {origin}'s step '{other}', both to {topic}; give this step the id '{other}' so it replaces the parent's, or list the steps completely",
        "zh": "对{whom}，“{procedure}”清单会同时列出这一步和{origin}的“{other}”，两步都是{topic}；请把这一步的 id 改为“{other}”以取代上级的版本，或把步骤列为完整清单",
    },
    "rule.CG037": {
        "en": "one checklist asks for the same document twice",
        "zh": "同一份清单两次要求同一种材料",
    },
    "checklist.document_twice": {
        "en": "for {whom}, the {procedure} checklist asks for {document} twice: here and in {origin}'s item '{other}'",
        "zh": "对{whom}，“{procedure}”清单两次要求{document}：这里一次，{origin}的“{other}”里又一次",
    },
    "catalog.too_many": {
        "en": "the directory holds {count} region files; a data directory is limited to {limit}",
        "zh": "该目录里有{count}个地区文件；每个数据目录最多{limit}个",
    },
    "rule.CG033": {
        "en": "too many region files in one directory",
        "zh": "同一目录里的地区文件过多",
    },
    "batch.columns": {
        "en": "unknown columns {unknown}; the columns are {columns}, and command is required",
        "zh": "不认识的列：{unknown}；可用的列是 {columns}，其中 command 必填",
    },
    "error.write": {
        "en": "the output could not be written: {reason}",
        "zh": "结果无法写出：{reason}",
    },
    "batch.too_big": {
        "en": "the input is over {limit} MB; split it",
        "zh": "输入超过{limit}MB；请拆分后再处理",
    },
    "batch.too_many_rows": {
        "en": "more than {limit} rows; split the file",
        "zh": "超过{limit}行；请拆分文件",
    },
    "batch.not_json": {
        "en": "this line is not a JSON object",
        "zh": "这一行不是 JSON 对象",
    },
    "batch.extra_values": {
        "en": "more values than columns in the header",
        "zh": "这一行的值比表头的列多",
    },
    "batch.unknown_field": {
        "en": "unknown field '{field}'; the fields are {columns}",
        "zh": "不认识的字段“{field}”；可用的字段是 {columns}",
    },
    "batch.field_too_long": {
        "en": "a value longer than {limit} characters",
        "zh": "取值超过{limit}个字符",
    },
    "batch.command": {
        "en": "'{command}' is not a command a row can run; one of {commands}",
        "zh": "“{command}”不是可以按行执行的命令；可用的有 {commands}",
    },
    "batch.profile": {
        "en": "'{value}' is not a situation; one of {facets}, several joined by ;",
        "zh": "“{value}”不是可选的情况；可用的有 {facets}，多个用 ; 分隔",
    },
    "batch.query_only_faq": {
        "en": "query is only for the faq command",
        "zh": "query 只能用于 faq 命令",
    },
    "batch.progress": {
        "en": "cardguide: {done}/{total} rows",
        "zh": "cardguide：已处理{done}/{total}行",
    },
    "batch.summary": {
        "en": "{failed} of {total} rows failed; each has an error result with its row and field",
        "zh": "{total}行中有{failed}行出错；每行的出错结果都写明了行号和字段",
    },
    "batch.unreadable": {
        "en": "cannot read '{file}': {problem}",
        "zh": "无法读取“{file}”：{problem}",
    },
    "batch.undecodable": {
        "en": "'{file}' is neither UTF-8 nor GB18030 text (line {line}); save the spreadsheet as CSV UTF-8, or give its encoding with --encoding",
        "zh": "“{file}”第{line}行既不是UTF-8编码，也不是GB18030编码；请把表格另存为“CSV UTF-8”格式，或注明文件的编码后再处理",
    },
    "batch.not_in_encoding": {
        "en": "'{file}' is not {encoding} text (line {line}); check the file's encoding",
        "zh": "“{file}”第{line}行不是{encoding}编码的文字；请确认文件的编码",
    },
    "batch.encoding_unknown": {
        "en": "--encoding {encoding}: no such text encoding; name one such as utf-8, gbk or gb18030",
        "zh": "没有“{encoding}”这种文字编码；请写 utf-8、gbk、gb18030 这样的编码名称",
    },
    "batch.encoding_guessed": {
        "en": "'{file}' is not UTF-8 text; read it as {encoding}. If the text looks wrong, give its encoding with --encoding",
        "zh": "“{file}”不是UTF-8编码，已按{encoding}编码读取；如果读出来的文字不对，请注明文件的编码后再处理",
    },
    "batch.stdin": {"en": "standard input", "zh": "标准输入"},
    # --- batch results as a spreadsheet: column headers and cells ----------------------------
    "batch.csv.row": {"en": "Row", "zh": "序号"},
    "batch.csv.status": {"en": "Result", "zh": "结果"},
    "batch.csv.ok": {"en": "OK", "zh": "成功"},
    "batch.csv.failed": {"en": "Failed", "zh": "出错"},
    "batch.csv.task": {"en": "Task", "zh": "办理事项"},
    "batch.csv.region": {"en": "Region", "zh": "地区"},
    "batch.csv.region_asked": {
        "en": "{place} ({region}'s rules)",
        "zh": "{place}（按{region}的规定）",
    },
    "batch.csv.who": {"en": "For", "zh": "适用对象"},
    "batch.csv.field": {"en": "Column at fault", "zh": "出错的列"},
    "batch.csv.error": {"en": "Problem", "zh": "出错原因"},
    "rule.CG028": {
        "en": "a complete list hides a parent's item from the people it was written for",
        "zh": "完整清单挡住了上级专为某类人写的事项",
    },
    "completeness.hidden": {
        "en": "the list of {kind} is complete, yet it hides {origin}'s item '{id}' from {whom}; give them this region's own version, or make the list complete only for the people it covers (complete with a when condition)",
        "zh": "“{kind}”声明为完整清单，却让{whom}看不到{origin}的“{id}”；请为他们写本地区的版本，或给 complete 加上 when 条件，只对清单真正覆盖的人算完整",
    },
}
