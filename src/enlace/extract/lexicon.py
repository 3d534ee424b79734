"""Cue words in the four languages, compiled once.

All patterns run on folded text (lower case, no accents; see
``enlace.gazetteer.text.fold``). Each table maps a codebook value to the words
that signal it; the first table that matches in order of priority wins where
one value is chosen.
"""

from __future__ import annotations

import re

from enlace.extract.cues import Cue


def _compile(words: list[str]) -> Cue:
    return Cue(words)


# Activity cues, in priority order: the first activity whose cue a sentence holds wins.
ACTIVITY_CUES: list[tuple[str, Cue]] = [
    ("video_call", _compile([
        r"video ?(?:call|conference|link|meeting)", r"videoconferencias?", r"videollamadas?",
        r"via zoom", r"virtual(?:ly)? (?:meeting|talks)", r"reunion virtual", r"reuniao virtual",
        r"videoconferencia", r"por video", "视频会见", "视频会谈", "视频通话", "视频连线", "视频会议",
        "通电话", "phone call", "telephone conversation", "conversacion telefonica",
    ])),
    ("message", _compile([
        r"congratulatory (?:message|letter)", r"message of (?:congratulations|condolences?)",
        r"sent (?:a )?(?:message|letter)", r"condolences?", r"sen(?:t|ds?) congratulations",
        r"congratulatory", r"video (?:address|message|speech)", r"videomensaje",
        r"mensaje (?:en|de) video", r"(?:envio|envia) (?:sus )?felicitaciones",
        r"(?:enviou|envia) (?:suas )?felicitacoes", r"mensagem em video", "视频致辞", "书面致辞",
        "致贺", "致信", r"mensaje de (?:felicitacion|condolencias?)",
        r"(?:envio|remitio) (?:un )?(?:mensaje|carta)", r"carta de felicitacion", r"pesames?",
        r"mensagem de (?:felicitacoes|condolencias)", "贺电", "贺信", "致电", "致信", "唁电", "慰问电",
        "回信", "复信",
    ])),
    ("training", _compile([
        r"training (?:course|program(?:me)?|session|workshop)s?",
        r"curso de (?:capacitacion|formacion)", r"seminario de capacitacion",
        r"curso de capacitacao", r"curso de formacao", "培训班", "研修班",
    ])),
    ("trade_promotion", _compile([
        r"trade fair", r"expo", r"exhibition", r"business (?:roundtable|matchmaking)",
        r"promotion conference", r"investment promotion", r"trade mission", r"rueda de negocios",
        r"feria", r"exposicion", r"promocion (?:comercial|de inversiones)",
        r"exposicao", r"rodada de negocios", r"canton fair", r"ciie", "博览会", "交易会", "推介会",
        "展览会", "洽谈会", "对接会",
    ])),
    ("seminar", _compile([
        r"seminar", r"symposium", r"workshop", r"lecture", r"briefing session",
        r"seminario", r"simposio", r"taller", r"conversatorio", r"coloquio", r"dialogo politico",
        r"palestra", "研讨会", "座谈会", "宣讲", "对话会", "讲座", "交流会",
    ])),
    ("signing", _compile([
        r"signed", r"sign", r"signing", r"inked", r"memorandum", r"mou", r"sister[- ]cit(?:y|ies)",
        r"sister[- ](?:states?|provinces?|regions?)", r"estados?[- ]irma(?:o|os|s)?",
        r"(?:provincias?|estados?|regiones) herman[ao]s",
        r"twin(?:ning|ned)? (?:agreement|cities|city)", r"friendship cit(?:y|ies)",
        r"firmaron", r"firmo", r"firma", r"suscribieron", r"suscribio", r"memorando",
        r"rubricaron", r"rubrico", r"suscrito", r"suscrita", r"firmado", r"firmada",
        r"memorandum de entendimiento", r"hermanamiento", r"ciudades hermanas", r"hermanadas?",
        r"assinaram", r"assinou", r"assinatura", r"assinad[oa]s?", r"assinam", r"assinar",
        r"firmar", r"firman", r"firmaran", r"memorando de entendimento", r"geminacao",
        r"cidades[- ]irmas", r"irmanamento", r"acordo de cooperacao", r"acuerdo de cooperacion",
        "签署", "签订", "签约", "友好城市", "友城", "结好", "谅解备忘录", "备忘录",
    ])),
    ("donation", _compile([
        r"donated", r"donation", r"handed over", r"dono", r"donacion", r"donativo",
        r"entrego", r"doou", r"doacao", "捐赠", "捐助", "援助物资", "交接",
    ])),
    ("meeting", _compile([
        r"met", r"meets?", r"meeting", r"talks", r"received", r"receives", r"courtesy call",
        r"call(?:ed)? on", r"held (?:a )?(?:talks|meeting|discussions?)", r"exchanged views",
        r"credentials", r"farewell", r"hosted", r"briefed", r"reception", r"luncheon",
        r"reuni\w*", r"recib\w*", r"encuentros?", r"mantuvo (?:un |una )?(?:reunion|encuentro)",
        r"sostuvo", r"sostuvieron", r"conversaron", r"converso", r"dialogo", r"dialogaron",
        r"intercambio", r"intercambiaron", r"cartas credenciales", r"se entrevisto",
        r"reuniram", r"reunioes", r"receb\w*", r"encontros?", r"se encontrou", r"recepcao",
        r"conversou", r"audiencia", r"homenagem", r"homenaje", r"almuerzo", r"almoco",
        r"cena", r"jantar", r"banquet(?:e|es)?", r"meetings?", r"conversaciones",
        r"conversacoes", r"negociaciones", r"negociacoes", r"(?:came|got) into contact",
        r"first contacts?", r"primer(?:os)? contactos?", r"primeiros? contatos?",
        r"acercamiento", r"aproximacao", "接触", "洽谈",
        "会见", "会谈", "见面", "拜会", "接见", "会晤", "座谈", "交流",
        "递交国书", "辞行", "拜访", "宴请", "出席", "举行", "会面", "接待", "看望", "共同出席",
    ])),
    ("forum", _compile([
        r"forum", r"summit", r"ministerial meeting", r"foro", r"cumbre", r"forum empresarial",
        r"cupula", "论坛", "峰会", "部长级会议",
    ])),
    ("visit", _compile([
        r"visit(?:ed|ing|s)?", r"delegation", r"tour(?:ed)?", r"trip", r"arrived",
        r"visita(?:ron|ra)?", r"visito", r"delegacion", r"gira", r"llego", r"arribo",
        r"visitou", r"visitaram", r"delegacao", r"chegou", "访问", "考察", "出访", "代表团", "到访",
        "访华", "走访", "来访", "之旅", "参观",
    ])),
]

# A sentence reporting a plan, not a past occasion.
FUTURE = _compile([
    r"will (?:visit|meet|travel|hold|sign|attend|host)", r"is (?:set|scheduled|expected|due) to",
    r"plans? to", r"planned", r"would (?:visit|meet)", r"upcoming",
    r"visitara", r"viajara", r"se reunira", r"firmara", r"participara", r"realizara",
    r"tiene previsto", r"prevista?", r"proxima visita",
    r"visitara", r"vai visitar", r"ira visitar", r"devera", r"pretende",
    "将访问", "将会见", "将于", "计划", "拟于", "将出席", "将前往", "还将", "将赴", "将举行",
    r"will (?:travel|go|head|continue)", r"se trasladaran", r"viajaran", r"visitaran",
    r"se reuniran", r"recorreran", r"viajarao", r"irao", r"visitarao",
])

# Fields (subjects discussed or agreed), Hanqi's four plus Myers'.
FIELD_WORDS: dict[str, list[str]] = {
    "political": [
        r"political", r"party(?:-to-party)?", r"inter-party", r"governance", r"politic[ao]s?",
        r"partidos?", r"partidari[ao]s?", r"bilateral relations", r"relaciones bilaterales",
        r"relacoes bilaterais", r"one-china", r"una sola china", r"uma so china", r"diplomatic",
        r"diplomatic[ao]s?", r"strategic partnership", r"asociacion estrategica", "政治", "政党",
        "党际", "治国理政", "一个中国", "双边关系",
    ],
    "economic": [
        r"econom\w*", r"trade", r"invest\w*", r"business\w*", r"commerc\w*", r"agricultur\w*",
        r"infrastructure", r"export\w*", r"import\w*", r"industr\w*", r"comercio", r"inversion\w*",
        r"empresari\w*", r"negocios", r"infraestructura", r"exportaciones", r"comercial\w*",
        r"investimentos?", r"comercio", r"agricola", r"agropecuari\w*", r"mineri\w*", r"port\w*",
        r"belt and road", r"franja y la ruta", r"cinturao e rota", "经济", "经贸", "贸易", "投资",
        "合作项目", "基础设施", "农业", "产业", "一带一路",
    ],
    "cultural": [
        r"cultur\w*", r"touris\w*", r"people-to-people", r"sports?", r"art\w*", r"turismo",
        r"deportes?", r"esporte\w*", r"intercambios? culturales", r"humanit\w*", r"friendship",
        r"amistad", r"amizade", r"media", r"medios", "文化", "旅游", "人文", "体育", "友好",
        "媒体",
    ],
    "green": [
        r"green", r"renewable\w*", r"climate", r"environment\w*", r"clean energy", r"solar",
        r"wind power", r"energias? renovables?", r"medio ambiente", r"ambiental\w*",
        r"sustentab\w*", r"sostenib\w*", r"energia limpa", r"meio ambiente", "绿色", "新能源",
        "环保", "气候", "可再生能源", "生态",
    ],
    "security": [
        r"securit\w*", r"defen[cs]e", r"military", r"police", r"seguridad", r"defensa",
        r"militar\w*", r"policia", r"seguranca", "安全", "军事", "国防", "警务",
    ],
    "technology": [
        r"technolog\w*", r"science", r"scientific", r"innovation", r"digital", r"5g", r"space",
        r"tecnolog\w*", r"ciencia", r"cientific\w*", r"innovacion", r"inovacao", r"research",
        r"investigacion", r"pesquisa", "科技", "技术", "创新", "数字", "航天", "科研",
    ],
    "health": [
        r"health", r"medical", r"vaccines?", r"covid\w*", r"pandemic", r"hospital\w*",
        r"salud", r"medic\w*", r"vacunas?", r"pandemia", r"saude", r"vacinas?", "卫生", "医疗",
        "疫苗", "疫情", "健康",
    ],
    "education": [
        r"educat\w*", r"universit\w*", r"students?", r"scholarships?", r"schools?",
        r"confucius", r"language", r"educacion", r"educativ[ao]s?", r"universidad\w*",
        r"estudiantes", r"becas", r"escuelas", r"educacao", r"universidade\w*", r"alunos",
        r"bolsas", r"mandarin", "教育", "大学", "学生", "奖学金", "孔子学院", "留学",
    ],
}
FIELD_CUES: dict[str, Cue] = {label: Cue(words) for label, words in FIELD_WORDS.items()}

OUTCOME_WORDS: dict[str, list[str]] = {
    "twinning": [
        r"sister[- ]cit(?:y|ies)", r"sister[- ]provinces?", r"sister[- ]states?",
        r"estados?[- ]irma(?:o|os|s)?", r"provincias? herman[ao]s?", r"estados? herman[ao]s?",
        r"provincias?[- ]irmas?", r"sister[- ]regions?", r"regiones herman[ao]s",
        r"twin(?:ning|ned)?", r"friendship cit(?:y|ies)", r"friendly cit(?:y|ies)",
        r"hermanamiento", r"ciudades hermanas", r"hermanad[ao]s?", r"provincias hermanas",
        r"geminacao", r"cidades[- ]irmas", r"irmanamento", r"irmanad[ao]s?",
        "友好城市", "友城", "结好", "友好省", "姐妹城市",
    ],
    "mou": [
        r"memorand(?:um|a)", r"mou", r"memorando", r"memorandums?", r"cooperation agreements?",
        r"letter of intent", r"framework agreement", r"acuerdos? de cooperacion", r"convenios?",
        r"carta de intencion", r"acordos? de cooperacao", r"protocolo de intencoes",
        "谅解备忘录", "备忘录", "合作协议", "框架协议", "意向书",
    ],
    "contract": [r"contracts?", r"contratos?", "合同"],
    "loan": [r"loans?", r"credit line", r"prestamos?", r"emprestimos?", "贷款"],
    "investment": [
        r"invest(?:ed|s) (?:us)?\$", r"investment agreements?", r"acuerdo de inversion",
        "投资协议",
    ],
    "donation": [
        r"donated", r"donation", r"dono", r"donacion", r"donativo", r"doou", r"doacao", "捐赠",
    ],
    "joint_statement": [
        r"joint (?:statement|declaration|communique)", r"declaracion conjunta",
        r"comunicado conjunto", r"declaracao conjunta", "联合声明", "联合公报",
    ],
    "training_delivered": [
        r"graduat\w+", r"completed (?:the )?(?:training|course)", r"clausura del curso",
        "结业",
    ],
}
OUTCOME_CUES: dict[str, Cue] = {label: Cue(words) for label, words in OUTCOME_WORDS.items()}

KNOWLEDGE_EXCHANGE = _compile([
    r"seminar", r"symposium", r"workshop", r"training course", r"study tour", r"field trip",
    r"theoretical", r"experience in (?:governance|party building|state governance)",
    r"share (?:experiences?|knowledge)", r"exchange of experiences?", r"think[- ]tanks?",
    r"scholars?", r"lecture", r"expounded", r"xi jinping thought", r"party[- ]building",
    r"governance experience", r"surveyed", r"seminario", r"taller", r"curso de capacitacion",
    r"intercambio de experiencias", r"compartir experiencias", r"gira de estudio",
    r"intercambios? y (?:formacion|capacitacion)", r"programa de (?:encuentros|intercambios?)",
    r"visita de intercambio",
    r"curso de treinamento", r"troca de experiencias", r"experiencias de governanca",
    "研讨会", "培训班", "研修", "宣讲", "治国理政经验", "智库", "学者",
])

GLOBAL_MECHANISM = _compile([
    r"world political parties", r"political parties of the world", r"brics",
    r"world parties", r"partidos politicos del mundo", r"partidos politicos do mundo",
    r"world summit", r"cumbre mundial", r"global (?:summit|forum|dialogue)",
    "世界政党", "金砖", "全球政党",
])
REGIONAL_MECHANISM = _compile([
    r"celac", r"china-celac", r"china-lac", r"latin america(?:n)? and (?:the )?caribbean",
    r"latin american (?:and caribbean )?(?:countries|parties|envoys|ambassadors|political)",
    r"america latina y el caribe", r"latinoamericanos? y caribenos?", r"sao paulo forum",
    r"foro de sao paulo", r"copppal", r"parlatino", r"parlacen", r"america latina e caribe",
    "中拉论坛", "拉共体", "圣保罗论坛", "拉美和加勒比国家",
])

VIRTUAL = _compile([
    r"video ?(?:call|conference|link|message|speech)", r"videoconferencias?", r"virtual(?:ly)?",
    r"online", r"en linea", r"via zoom", r"por video", r"videomensaje", r"mensaje", r"message",
    r"letter", r"carta", r"mensagem", r"telephone", r"phone", "视频", "线上", "致电", "致信",
    "贺电", "贺信", "电话", "网络",
])

# "in China" cues: Chinese capital landmarks and "visit to China".
IN_CHINA = _compile([
    r"great hall of the people", r"gran palacio del pueblo", r"grande palacio do povo",
    r"diaoyutai", r"zhongnanhai", r"visit(?:ed|ing|s)? (?:to )?china", r"in china",
    r"visita (?:oficial |de estado |de trabajo )?a china", r"en china", r"na china",
    r"in beijing", r"en beijing", r"en pekin", r"em pequim", r"em beijing",
    r"in shanghai", r"en shanghai", r"em xangai", r"ambassador to china", r"trip to china",
    r"gira por china", r"viaje a china", r"viagem a china", r"visitou a china",
    "人民大会堂", "钓鱼台", "在京", "在北京", "来华", "访华", "驻华", "在华",
])

# Locative words before a place name: "in Lima", "en Córdoba", "em Recife", "在利马".
LOCATIVE = re.compile(r"(?:\b(?:in|en|em|at|no|na)\s+|在|于)$")

CPC_DELEGATION = _compile([
    r"cpc delegation", r"delegation of the (?:communist party of china|cpc)",
    r"delegacion del (?:partido comunista de china|pcch)",
    r"delegacao do (?:partido comunista da china|pcch)",
    "中共代表团", "中国共产党代表团",
])


# A sentence that goes on about the occasion the previous one reported.
CONTINUATION = _compile([
    r"during the (?:meeting|talks|visit|conversation|call|event|ceremony)",
    r"at the (?:meeting|talks|event|ceremony)", r"in the (?:meeting|talks)",
    r"(?:both|the two) sides", r"(?:the|both) parties also",
    r"durante (?:el|la) (?:encuentro|reunion|visita|conversacion|cita|ceremonia|charla)",
    r"en (?:el|la) (?:encuentro|reunion|cita)", r"(?:ambas|las dos) partes", r"ambos lados",
    r"durante a (?:reuniao|visita|conversa|cerimonia)", r"(?:no|na) (?:encontro|reuniao)",
    r"(?:ambas|as duas) partes", "会见中", "会谈中", "会上", "会见时", "会谈时", "双方",
    r"(?:the|both) (?:two )?(?:cities|provinces|states|regions|delegations)",
    r"(?:las|los) dos (?:ciudades|provincias|estados|regiones|delegaciones)",
    r"ambas (?:ciudades|provincias|regiones|delegaciones)", r"ambos estados",
    r"as duas (?:cidades|provincias|delegacoes)", r"os dois estados", "两市", "两省",
])

# Dates of foundings and of diplomatic ties date no engagement (codebook).
FOUNDING = _compile([
    r"founded", r"founding", r"established", r"establishment", r"creation", r"created",
    r"fundad[oa]", r"fundacion", r"fundacao", r"cread[oa]", r"creacion", r"establecimiento",
    r"estableci(?:o|eron)", r"estabelecimento", r"estabelece(?:u|ram)", r"criad[oa]",
    "成立", "建交", "建立外交关系", "创立", "创建",
])

# Taiwan's officials are not Chinese actors under the codebook.
TAIWAN = _compile([
    r"taiwan\w*", r"republic of china", r"republica (?:de )?china", r"roc", r"taipei",
    r"taipe", r"taipei economic and cultural office", "台湾", "台北", "中华民国",
])

# Another meeting on the same trip: "also met", "later met", "también se reunió", "还会见".
ANOTHER_MEETING = _compile([
    r"also (?:met|held talks|visited|received)", r"(?:later|then|afterwards) (?:met|visited)",
    r"on the same day", r"el mismo dia", r"no mesmo dia",
    r"tambien (?:se reunio|se reunieron|visito|recibio|sostuvo)",
    r"tambem (?:se reuniu|visitou|recebeu)", r"ademas,? (?:se reunio|visito)", "还会见", "还拜会",
    "随后会见", "还访问了", "当天还",
])

# Chinese readouts chain several engagements in one sentence with commas:
# "访问尤卡坦州，会见州长…，出席…座谈会，走访…孔子学院". A clause opening with one
# of these verbs is an engagement of its own.
CLAUSE_VERBS_ZH = (
    "会见", "会谈", "出席", "考察", "走访", "访问", "参观", "拜会", "签署", "参加", "接见",
    "会晤", "举行", "看望", "宴请", "与",
)

# "Xi Jinping Thought", "pensamiento de Xi Jinping": a doctrine, not the head of state.
DOCTRINE = _compile([
    r"xi jinping thought", r"thought on socialism", r"pensamiento de xi jinping",
    r"pensamento de xi jinping", r"pensamiento xi jinping", "习近平新时代中国特色社会主义思想",
    "习近平思想", "习近平外交思想",
])
