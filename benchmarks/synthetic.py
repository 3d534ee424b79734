"""Synthetic news corpus for throughput benchmarks.

Why: the real dev corpus is too small to time a pipeline meaningfully, and
copying real articles into the repository is not allowed. These documents
are assembled from invented sentence templates in English, Spanish,
Portuguese and Chinese (about 50/30/10/10), mention the kinds of actors,
places and relative dates real reports do, and are padded with filler
(trade figures, background) to about 2 KB of UTF-8 each, so the mention
and event stages see realistic work. Generation is deterministic: document
``i`` depends only on the seed and ``i``, not on how many are generated.

Usage: ``python benchmarks/synthetic.py OUT_DIR [--docs N] [--seed S]``.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

LANGUAGES: dict[str, float] = {"en": 0.5, "es": 0.3, "pt": 0.1, "zh": 0.1}
LANGUAGE_COLUMNS = ("en", "es", "pt", "zh")  # order of the per-language name tuples below
TARGET_BYTES = 2048
SOURCES = ("Example Wire", "Hemisphere Daily", "Diario Ejemplo", "Gazeta Exemplo", "示例新闻网")

# (en, es, pt, zh) names; "{c}" is filled with the country name in that language.
CHINESE_ACTORS: list[tuple[str, str, str, str]] = [
    ("the International Department of the CPC Central Committee",
     "el Departamento Internacional del Comité Central del PCCh",
     "o Departamento Internacional do Comitê Central do PCCh", "中共中央对外联络部"),
    ("the Chinese People's Association for Friendship with Foreign Countries",
     "la Asociación del Pueblo Chino para la Amistad con el Extranjero",
     "a Associação do Povo Chinês para a Amizade com os Países Estrangeiros",
     "中国人民对外友好协会"),
    ("the Embassy of China in {c}", "la Embajada de China en {c}", "a Embaixada da China em {c}",
     "中国驻{c}大使馆"),
    ("the China Council for the Promotion of International Trade",
     "el Consejo Chino para el Fomento del Comercio Internacional",
     "o Conselho Chinês para a Promoção do Comércio Internacional", "中国国际贸易促进委员会"),
    ("the Ministry of Foreign Affairs of China", "la Cancillería china",
     "o Ministério das Relações Exteriores da China", "外交部"),
    ("the National People's Congress", "la Asamblea Popular Nacional de China",
     "a Assembleia Popular Nacional da China", "全国人大"),
    ("the Jinhai Solar Group", "el grupo Jinhai Solar", "o grupo Jinhai Solar", "金海光伏集团"),
    ("Tianrun Port Holdings", "la empresa Tianrun Port Holdings", "a empresa Tianrun Port Holdings",
     "天润港口控股"),
]
PROVINCES: list[tuple[str, str]] = [
    ("Hunan", "湖南"), ("Guangdong", "广东"), ("Zhejiang", "浙江"), ("Sichuan", "四川"),
    ("Shandong", "山东"), ("Fujian", "福建"), ("Jiangsu", "江苏"), ("Yunnan", "云南"),
]

# country: (en, es, pt, zh), cities, regions, parties (as (original, zh))
COUNTRIES: list[dict[str, Any]] = [
    {"names": ("Argentina", "Argentina", "Argentina", "阿根廷"),
     "cities": ["Buenos Aires", "Rosario"],
     "regions": ["Jujuy", "Córdoba"], "parties": [("Republican Proposal", "共和国方案党")]},
    {"names": ("Brazil", "Brasil", "Brasil", "巴西"), "cities": ["Brasília", "São Paulo"],
     "regions": ["Bahia", "Maranhão"], "parties": [("Workers' Party", "劳工党")]},
    {"names": ("Chile", "Chile", "Chile", "智利"), "cities": ["Santiago", "Concepción"],
     "regions": ["Coquimbo", "Biobío"], "parties": [("Socialist Party of Chile", "智利社会党")]},
    {"names": ("Peru", "Perú", "Peru", "秘鲁"), "cities": ["Lima", "Arequipa"],
     "regions": ["Cusco", "Piura"], "parties": [("Peruvian Aprista Party", "秘鲁阿普拉党")]},
    {"names": ("Mexico", "México", "México", "墨西哥"), "cities": ["Mexico City", "Monterrey"],
     "regions": ["Jalisco", "Yucatán"], "parties": [("MORENA", "国家复兴运动党")]},
    {"names": ("Cuba", "Cuba", "Cuba", "古巴"), "cities": ["Havana", "Santiago de Cuba"],
     "regions": ["Matanzas", "Holguín"], "parties": [("Communist Party of Cuba", "古巴共产党")]},
    {"names": ("Venezuela", "Venezuela", "Venezuela", "委内瑞拉"), "cities": ["Caracas", "Maracay"],
     "regions": ["Zulia", "Lara"],
     "parties": [("United Socialist Party of Venezuela", "委内瑞拉统一社会主义党")]},
    {"names": ("Bolivia", "Bolivia", "Bolívia", "玻利维亚"), "cities": ["La Paz", "Santa Cruz"],
     "regions": ["Oruro", "Potosí"], "parties": [("Movement for Socialism", "争取社会主义运动")]},
    {"names": ("Uruguay", "Uruguay", "Uruguai", "乌拉圭"), "cities": ["Montevideo", "Salto"],
     "regions": ["Canelones", "Maldonado"], "parties": [("Broad Front", "广泛阵线")]},
    {"names": ("Colombia", "Colombia", "Colômbia", "哥伦比亚"), "cities": ["Bogotá", "Medellín"],
     "regions": ["Antioquia", "Valle del Cauca"],
     "parties": [("Liberal Party of Colombia", "哥伦比亚自由党")]},
    {"names": ("Jamaica", "Jamaica", "Jamaica", "牙买加"), "cities": ["Kingston", "Montego Bay"],
     "regions": ["Saint Catherine", "Saint James"],
     "parties": [("People's National Party", "人民民族党")]},
    {"names": ("Panama", "Panamá", "Panamá", "巴拿马"), "cities": ["Panama City", "Colón"],
     "regions": ["Chiriquí", "Veraguas"],
     "parties": [("Democratic Revolutionary Party", "民主革命党")]},
]

TOPICS: dict[str, list[str]] = {
    "en": ["trade", "agriculture", "renewable energy", "infrastructure", "public health",
           "education", "tourism", "party building", "digital technology", "poverty reduction"],
    "es": ["comercio", "agricultura", "energías renovables", "infraestructura", "salud pública",
           "educación", "turismo", "formación de cuadros", "tecnología digital",
           "reducción de la pobreza"],
    "pt": ["comércio", "agricultura", "energia renovável", "infraestrutura", "saúde pública",
           "educação", "turismo", "formação de quadros", "tecnologia digital",
           "redução da pobreza"],
    "zh": ["经贸", "农业", "可再生能源", "基础设施", "公共卫生", "教育", "旅游", "治党理政",
           "数字技术", "减贫"],
}

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
           "octubre", "noviembre", "diciembre"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
           "outubro", "novembro", "dezembro"],
}
WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    "pt": ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado",
           "domingo"],
    "zh": ["一", "二", "三", "四", "五", "六", "日"],
}

EVENT_TEMPLATES: dict[str, list[str]] = {
    "en": [
        "{cn} held talks {when} with a delegation of {lac} in {city}, and both sides agreed to "
        "deepen cooperation in {topic}.",
        "A delegation of {cn} visited {city} {when} and met representatives of {lac} to discuss "
        "{topic}.",
        "{lac} and {cn} signed a memorandum of understanding on {topic} {when} at a ceremony in "
        "{city}.",
        "Officials of {lac} took part {when} in a video conference organised by {cn} on {topic}.",
        "{cn} opened a two-week training course {when} for officials of {lac}, devoted to {topic}.",
    ],
    "es": [
        "{cn} sostuvo {when} una reunión con una delegación de {lac} en {city}, y ambas partes "
        "acordaron profundizar la cooperación en {topic}.",
        "Una delegación de {cn} visitó {city} {when} y se reunió con representantes de {lac} para "
        "conversar sobre {topic}.",
        "{lac} y {cn} firmaron {when} un memorando de entendimiento sobre {topic} en un acto "
        "celebrado en {city}.",
        "Funcionarios de {lac} participaron {when} en una videoconferencia organizada por {cn} "
        "sobre {topic}.",
    ],
    "pt": [
        "{cn} realizou {when} uma reunião com uma delegação de {lac} em {city}, e as duas partes "
        "concordaram em aprofundar a cooperação em {topic}.",
        "Uma delegação de {cn} visitou {city} {when} e se reuniu com representantes de {lac} para "
        "tratar de {topic}.",
        "{lac} e {cn} assinaram {when} um memorando de entendimento sobre {topic} durante "
        "cerimônia em {city}.",
    ],
    "zh": [
        "{when}，{cn}在{city}会见了{lac}代表团，双方同意深化{topic}领域合作。",
        "{when}，{cn}代表团访问{city}，与{lac}代表就{topic}问题交换意见。",
        "{when}，{lac}与{cn}在{city}签署{topic}合作谅解备忘录。",
        "{when}，{cn}以视频方式同{lac}举行会谈，重点讨论{topic}。",
    ],
}

LAC_ACTORS: dict[str, list[str]] = {
    "en": ["the government of {country}", "the {party}", "the governor of {region}",
           "the mayor of {city}", "the national legislature of {country}"],
    "es": ["el gobierno de {country}", "el partido {party}", "la gobernación de {region}",
           "la alcaldía de {city}", "el congreso de {country}"],
    "pt": ["o governo de {country}", "o partido {party}", "o governo estadual de {region}",
           "a prefeitura de {city}", "o congresso de {country}"],
    "zh": ["{country}政府", "{country}{party}", "{country}{region}省", "{country}{city}市",
           "{country}国会"],
}

FILLER: dict[str, list[str]] = {
    "en": [
        "Bilateral trade between China and {country} reached {n} billion US dollars in {year}, "
        "{p} percent more than a year earlier, according to customs figures quoted by the "
        "organisers.",
        "{country} sells mostly soybeans, copper, beef and fruit to the Chinese market, while its "
        "purchases from China are dominated by machinery, electronics and vehicles.",
        "Economists interviewed for this article said the relationship had broadened over the past "
        "decade from raw materials to ports, power lines and telecommunications.",
        "Local business chambers hoped the contacts would bring more direct flights, simpler visa "
        "procedures and new buyers for small producers in the interior of the country.",
        "The port of {city} handled {n} million tonnes of cargo last year, about a fifth of it "
        "bound for Asian destinations, the port authority said in its annual report.",
        "Opposition lawmakers asked for more transparency on the financing terms of several "
        "projects, while the ministry said all contracts were published on its website.",
    ],
    "es": [
        "El intercambio comercial entre China y {country} alcanzó {n} mil millones de dólares en "
        "{year}, un {p} por ciento más que el año anterior, según cifras aduaneras citadas por los "
        "organizadores.",
        "{country} vende sobre todo soja, cobre, carne y frutas al mercado chino, mientras que sus "
        "compras a China se concentran en maquinaria, electrónica y vehículos.",
        "Economistas consultados para esta nota señalaron que la relación se amplió en la última "
        "década desde las materias primas hacia puertos, líneas eléctricas y telecomunicaciones.",
        "Las cámaras empresariales locales esperan que los contactos se traduzcan en más "
        "vuelos directos, trámites de visado más sencillos y nuevos compradores para pequeños "
        "productores.",
        "El puerto de {city} movió {n} millones de toneladas de carga el año pasado, cerca de una "
        "quinta parte con destino a Asia, informó la autoridad portuaria.",
    ],
    "pt": [
        "O comércio bilateral entre a China e {country} chegou a {n} bilhões de dólares em {year}, "
        "alta de {p} por cento em relação ao ano anterior, segundo dados aduaneiros citados pelos "
        "organizadores.",
        "{country} vende principalmente soja, minério, carne e frutas ao mercado chinês, "
        "enquanto as compras da China se concentram em máquinas, eletrônicos e veículos.",
        "Economistas ouvidos pela reportagem afirmaram que a relação se ampliou na última década, "
        "das matérias-primas para portos, linhas de transmissão e telecomunicações.",
        "Entidades empresariais locais esperam que os contatos resultem em mais voos diretos, "
        "vistos mais simples e novos compradores para pequenos produtores do interior.",
    ],
    "zh": [
        "据主办方援引的海关数据，{year}年中国与{country}双边贸易额达{n}亿美元，同比增长{p}%。",
        "{country}对华出口以大豆、铜矿、牛肉和水果为主，自华进口则以机械设备、电子产品和汽车为主。",
        "受访经济学者表示，过去十年双方合作已由大宗商品扩展到港口、输电线路和通信等领域。",
        "当地商会希望，双方交往能够带来更多直航航班、更便利的签证手续，并为中小生产者开拓新的买家。",
        "{city}港去年货物吞吐量达{n}百万吨，其中约五分之一运往亚洲，港务部门在年度报告中表示。",
        "有议员要求公开部分项目的融资条件，相关部门表示所有合同均已在官方网站公布。",
    ],
}

TITLES: dict[str, str] = {
    "en": "{country} and China step up contacts on {topic}",
    "es": "{country} y China intensifican sus contactos en {topic}",
    "pt": "{country} e China ampliam contatos em {topic}",
    "zh": "中国与{country}加强{topic}领域交流",
}


def _when(rng: random.Random, lang: str, published: date) -> str:
    """A date expression of the kinds reports use: weekday, day and month, or full date."""
    day = published - timedelta(days=rng.randint(0, 6))
    kind = rng.randrange(3)
    if lang == "zh":
        return [f"本周{WEEKDAYS['zh'][day.weekday()]}", f"{day.month}月{day.day}日",
                f"{day.year}年{day.month}月{day.day}日"][kind]
    weekday, month = WEEKDAYS[lang][day.weekday()], MONTHS[lang][day.month - 1]
    if lang == "en":
        return [f"on {weekday}", f"on {month} {day.day}", f"on {month} {day.day}, {day.year}"][kind]
    if lang == "es":
        return [f"el {weekday}", f"el pasado {day.day} de {month}",
                f"el {day.day} de {month} de {day.year}"][kind]
    return [f"na última {weekday}" if weekday.endswith("feira") else f"no último {weekday}",
            f"em {day.day} de {month}", f"em {day.day} de {month} de {day.year}"][kind]


def _chinese_actor(rng: random.Random, lang: str, country_name: str) -> str:
    column = LANGUAGE_COLUMNS.index(lang)
    if rng.random() < 0.2:
        en, zh = rng.choice(PROVINCES)
        return {"en": f"the {en} Provincial Government", "es": f"el Gobierno Provincial de {en}",
                "pt": f"o Governo Provincial de {en}", "zh": f"{zh}省人民政府"}[lang]
    return rng.choice(CHINESE_ACTORS)[column].format(c=country_name)


CONTRACTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "es": ((" de el ", " del "), (" a el ", " al ")),
    "pt": ((" de o ", " do "), (" de a ", " da "), (" em o ", " no "), (" em a ", " na ")),
}


def _polish(text: str, lang: str) -> str:
    """Capitalise and apply the article contractions Spanish and Portuguese require."""
    for old, new in CONTRACTIONS.get(lang, ()):
        text = text.replace(old, new)
    return text[:1].upper() + text[1:]


def generate_document(seed: int, index: int) -> dict[str, Any]:
    """Document ``index`` of the corpus for ``seed`` (corpus-JSON shape)."""
    rng = random.Random(f"enlace-synthetic:{seed}:{index}")
    lang = rng.choices(list(LANGUAGES), weights=list(LANGUAGES.values()))[0]
    column = LANGUAGE_COLUMNS.index(lang)
    published = date(2013, 1, 1) + timedelta(days=rng.randrange(11 * 365))
    country = rng.choice(COUNTRIES)
    country_name = country["names"][column]
    party_original, party_zh = rng.choice(country["parties"])
    slots = {
        "country": country_name,
        "city": rng.choice(country["cities"]),
        "region": rng.choice(country["regions"]),
        "party": party_zh if lang == "zh" else party_original,
    }
    topic = rng.choice(TOPICS[lang])
    paragraphs: list[str] = []
    events = rng.choices([0, 1, 2, 3], weights=[15, 50, 25, 10])[0]
    for _ in range(events):
        template = rng.choice(EVENT_TEMPLATES[lang])
        sentence = template.format(
            cn=_chinese_actor(rng, lang, country_name),
            lac=rng.choice(LAC_ACTORS[lang]).format(**slots),
            when=_when(rng, lang, published),
            city=slots["city"],
            topic=rng.choice(TOPICS[lang]),
        )
        paragraphs.append(_polish(sentence, lang))
    # Filler goes after the lede, each template once before any repeats.
    target = rng.randint(TARGET_BYTES - 200, TARGET_BYTES + 200)
    size = sum(len(p.encode()) + 2 for p in paragraphs)
    pool: list[str] = []
    while size < target:
        if not pool:
            pool = rng.sample(FILLER[lang], len(FILLER[lang]))
        filler = pool.pop().format(
            n=rng.randint(2, 90), p=rng.randint(1, 30), year=published.year - 1, **slots
        )
        paragraphs.insert(rng.randint(min(1, len(paragraphs)), len(paragraphs)), filler)
        size += len(filler.encode()) + 2
    doc_id = f"syn{index:06d}"
    return {
        "doc_id": doc_id,
        "url": f"https://news.example.org/{lang}/{doc_id}",
        "title": TITLES[lang].format(country=country_name, topic=topic),
        "published": published.isoformat(),
        "language": lang,
        "source": rng.choice(SOURCES),
        "text": "\n\n".join(paragraphs),
    }


def generate(n: int = 10_000, seed: int = 0) -> Iterator[dict[str, Any]]:
    """The first ``n`` documents for ``seed``."""
    for index in range(n):
        yield generate_document(seed, index)


def write_corpus(folder: Path, n: int = 10_000, seed: int = 0) -> list[Path]:
    """Write ``n`` documents as ``<doc_id>.json`` files into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for document in generate(n, seed):
        path = folder / f"{document['doc_id']}.json"
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the corpus JSON files into")
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = write_corpus(args.out, args.docs, args.seed)
    print(f"wrote {len(paths)} documents to {args.out}")


if __name__ == "__main__":
    main()
