"""Two fictional instruments written for these tests, in the six languages. Neither is a treaty,
and no sentence here is taken from one.

LIGHTHOUSES  "Specimen Convention on Lighthouse Keeping": a preamble, three chapters (the second
             in two sections), six titled articles, numbered paragraphs three levels deep in each
             language's style, and a footnote.
BUOYS        "Specimen Protocol on Harbour Buoys": a preamble and thirty untitled articles, no
             chapters; its numbered paragraphs are list items in its HTML documents.

`write_tree` writes an instrument as the site's Markdown tree: what `treaty import` must produce.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from treaty.model.labels import heading

LANGS = ["ar", "zh", "en", "fr", "ru", "es"]
NB = "\u00a0"

LIGHTHOUSES = {
    "symbol": "SPEC/2025/1",
    "title": {
        "en": "Specimen Convention on Lighthouse Keeping",
        "fr": "Convention spécimen sur la garde des phares",
        "es": "Convención modelo sobre la guarda de faros",
        "ru": "Типовая конвенция о содержании маяков",
        "zh": "保管灯塔示范公约",
        "ar": "الاتفاقية النموذجية بشأن حراسة المنارات",
    },
    # What a General Assembly-style document puts before the annexed instrument.
    "resolution": {
        "en": ["Specimen Assembly resolution SPEC/2025/1",
               "1. Adopts the Specimen Convention on Lighthouse Keeping annexed to the present resolution;",
               "2. Requests the depositary to open it for signature."],
        "fr": ["Résolution SPEC/2025/1 de l'Assemblée spécimen",
               "1. Adopte la Convention spécimen sur la garde des phares annexée à la présente résolution ;",
               "2. Prie le dépositaire de l'ouvrir à la signature."],
        "es": ["Resolución SPEC/2025/1 de la Asamblea modelo",
               "1. Aprueba la Convención modelo sobre la guarda de faros que figura en el anexo de la presente resolución;",
               "2. Solicita al depositario que la abra a la firma."],
        "ru": ["Резолюция SPEC/2025/1 Типовой ассамблеи",
               "1. принимает Типовую конвенцию о содержании маяков, содержащуюся в приложении к настоящей резолюции;",
               "2. просит депозитария открыть ее для подписания."],
        "zh": ["示范大会第SPEC/2025/1号决议",
               "1. 通过本决议所附的《保管灯塔示范公约》；",
               "2. 请保存人开放公约供签署。"],
        "ar": ["قرار الجمعية النموذجية SPEC/2025/1",
               "1 - تعتمد الاتفاقية النموذجية بشأن حراسة المنارات المرفقة بهذا القرار؛",
               "2 - تطلب إلى الوديع أن يفتح باب التوقيع عليها."],
    },
    "preamble": {
        "en": ["The States Parties to this Convention,",
               "Recognizing that lighthouses guide vessels safely along coasts and into harbours,",
               "Desiring to keep registers of lighthouses that are accurate, complete and open to all,",
               "Have agreed as follows:"],
        "fr": ["Les États Parties à la présente Convention,",
               "Reconnaissant que les phares guident les navires en sécurité le long des côtes et jusque dans les ports,",
               "Désireux de tenir des registres des phares exacts, complets et ouverts à tous,",
               f"Sont convenus de ce qui suit{NB}:"],
        "es": ["Los Estados partes en la presente Convención,",
               "Reconociendo que los faros guían a los buques con seguridad a lo largo de las costas y hasta los puertos,",
               "Deseosos de llevar registros de faros exactos, completos y abiertos a todos,",
               "Han convenido en lo siguiente:"],
        "ru": ["Государства — участники настоящей Конвенции,",
               "признавая, что маяки обеспечивают безопасное плавание судов вдоль побережий и при входе в порты,",
               "желая вести реестры маяков, которые были бы точными, полными и открытыми для всех,",
               "согласились о нижеследующем:"],
        "zh": ["本公约缔约国，",
               "认识到灯塔引导船舶沿海岸安全航行并驶入港口，",
               "希望保持准确、完整且向所有人开放的灯塔登记册，",
               "兹协议如下："],
        "ar": ["إن الدول الأطراف في هذه الاتفاقية،",
               "إذ تدرك أن المنارات ترشد السفن بأمان على امتداد السواحل وإلى الموانئ،",
               "ورغبة منها في مسك سجلات للمنارات تكون دقيقة وكاملة ومتاحة للجميع،",
               "قد اتفقت على ما يلي:"],
    },
    "chapters": {
        1: {"en": "General provisions", "fr": "Dispositions générales", "es": "Disposiciones generales",
            "ru": "Общие положения", "zh": "总则", "ar": "أحكام عامة"},
        2: {"en": "Registration and inspection", "fr": "Enregistrement et inspection",
            "es": "Registro e inspección", "ru": "Регистрация и инспектирование", "zh": "登记和检查",
            "ar": "التسجيل والتفتيش"},
        3: {"en": "Final provisions", "fr": "Dispositions finales", "es": "Disposiciones finales",
            "ru": "Заключительные положения", "zh": "最后条款", "ar": "أحكام ختامية"},
    },
    "sections": {  # chapter -> section -> (label, title) per language
        2: {
            1: {"en": ("Section 1", "The register"), "fr": ("Section 1", "Le registre"),
                "es": ("Sección 1", "El registro"), "ru": ("Раздел 1", "Реестр"),
                "zh": ("第一节", "登记册"), "ar": ("الفرع 1", "السجل")},
            2: {"en": ("Section 2", "Inspection"), "fr": ("Section 2", "Inspection"),
                "es": ("Sección 2", "Inspección"), "ru": ("Раздел 2", "Инспектирование"),
                "zh": ("第二节", "检查"), "ar": ("الفرع 2", "التفتيش")},
        },
    },
    # article -> (chapter, section, titles, paragraphs per language)
    "articles": {
        1: (1, None, {"en": "Purpose", "fr": "Objet", "es": "Finalidad", "ru": "Цель", "zh": "宗旨", "ar": "الغرض"}, {
            "en": ["The purpose of this Convention is to promote the registration, maintenance and inspection of lighthouses."],
            "fr": ["La présente Convention a pour objet de promouvoir l'enregistrement, l'entretien et l'inspection des phares."],
            "es": ["La finalidad de la presente Convención es promover el registro, el mantenimiento y la inspección de los faros."],
            "ru": ["Цель настоящей Конвенции заключается в содействии регистрации, содержанию и инспектированию маяков."],
            "zh": ["本公约的宗旨是促进灯塔的登记、维护和检查。"],
            "ar": ["الغرض من هذه الاتفاقية هو تعزيز تسجيل المنارات وصيانتها وتفتيشها."],
        }),
        2: (1, None, {"en": "Use of terms", "fr": "Terminologie", "es": "Definiciones", "ru": "Термины",
                      "zh": "术语的使用", "ar": "المصطلحات المستخدمة"}, {
            "en": ["For the purposes of this Convention:",
                   "(a) \"Lighthouse\" means a tower or other structure that displays a light to guide vessels;",
                   "(b) \"Keeper\" means any person responsible for the operation of a lighthouse;",
                   "(c) \"Register\" means the register established under article 3."],
            "fr": [f"Aux fins de la présente Convention{NB}:",
                   f"a) On entend par «{NB}phare{NB}» une tour ou autre structure qui émet une lumière pour guider les navires{NB};",
                   f"b) On entend par «{NB}gardien{NB}» toute personne responsable du fonctionnement d'un phare{NB};",
                   f"c) On entend par «{NB}registre{NB}» le registre établi en vertu de l'article 3."],
            "es": ["A los efectos de la presente Convención:",
                   "a) Por \"faro\" se entenderá una torre u otra estructura que emite una luz para guiar a los buques;",
                   "b) Por \"guardián\" se entenderá toda persona responsable del funcionamiento de un faro;",
                   "c) Por \"registro\" se entenderá el registro establecido en virtud del artículo 3."],
            "ru": ["Для целей настоящей Конвенции:",
                   "а) «маяк» означает башню или иное сооружение, излучающее свет для ориентирования судов;",
                   "б) «смотритель» означает любое лицо, отвечающее за работу маяка;",
                   "в) «реестр» означает реестр, созданный в соответствии со статьей 3."],
            "zh": ["在本公约中：",
                   "（a）“灯塔”系指发出灯光以引导船舶的塔或其他建筑物；",
                   "（b）“看守人”系指负责灯塔运行的任何人；",
                   "（c）“登记册”系指根据第三条建立的登记册。"],
            "ar": ["لأغراض هذه الاتفاقية:",
                   "(أ) يقصد بتعبير \"المنارة\" أي برج أو منشأة أخرى تصدر ضوءا لإرشاد السفن؛",
                   "(ب) يقصد بتعبير \"الحارس\" أي شخص مسؤول عن تشغيل المنارة؛",
                   "(ج) يقصد بتعبير \"السجل\" السجل المنشأ بموجب المادة 3."],
        }),
        3: (2, 1, {"en": "Register of lighthouses", "fr": "Registre des phares", "es": "Registro de faros",
                   "ru": "Реестр маяков", "zh": "灯塔登记册", "ar": "سجل المنارات"}, {
            "en": ["1. Each State Party shall establish a register of the lighthouses on its coasts.",
                   "2. The register shall record for each lighthouse:",
                   "(a) its position and height;",
                   "(b) its light characteristics, namely:",
                   "(i) the colour of the light;",
                   "(ii) the rhythm of the light;",
                   "(c) the name of its keeper.",
                   "3. The register shall be open to the public."],
            "fr": ["1. Chaque État Partie établit un registre des phares situés sur ses côtes.",
                   f"2. Le registre indique pour chaque phare{NB}:",
                   f"a) sa position et sa hauteur{NB};",
                   f"b) les caractéristiques de son feu, à savoir{NB}:",
                   f"i) la couleur du feu{NB};",
                   f"ii) le rythme du feu{NB};",
                   "c) le nom de son gardien.",
                   "3. Le registre est ouvert au public."],
            "es": ["1. Cada Estado parte establecerá un registro de los faros situados en sus costas.",
                   "2. El registro indicará respecto de cada faro:",
                   "a) su posición y su altura;",
                   "b) las características de su luz, a saber:",
                   "i) el color de la luz;",
                   "ii) el ritmo de la luz;",
                   "c) el nombre de su guardián.",
                   "3. El registro estará abierto al público."],
            "ru": ["1. Каждое Государство-участник создает реестр маяков, расположенных на его побережье.",
                   "2. В реестре указываются в отношении каждого маяка:",
                   "а) его местоположение и высота;",
                   "б) характеристики его огня, а именно:",
                   "i) цвет огня;",
                   "ii) ритм огня;",
                   "в) имя его смотрителя.",
                   "3. Реестр открыт для общественности."],
            "zh": ["1. 各缔约国应当建立其海岸灯塔登记册。",
                   "2. 登记册应当就每座灯塔记录：",
                   "（a）其位置和高度；",
                   "（b）其灯光特性，即：",
                   "（i）灯光的颜色；",
                   "（ii）灯光的节奏；",
                   "（c）其看守人的姓名。",
                   "3. 登记册应当向公众开放。"],
            "ar": ["1 - تنشئ كل دولة طرف سجلا للمنارات الواقعة على سواحلها.",
                   "2 - يبين السجل فيما يخص كل منارة ما يلي:",
                   "(أ) موقعها وارتفاعها؛",
                   "(ب) خصائص ضوئها، وهي:",
                   "(1) لون الضوء؛",
                   "(2) إيقاع الضوء؛",
                   "(ج) اسم حارسها.",
                   "3 - يكون السجل متاحا للجمهور."],
        }),
        4: (2, 2, {"en": "Inspection", "fr": "Inspection", "es": "Inspección", "ru": "Инспектирование",
                   "zh": "检查", "ar": "التفتيش"}, {
            "en": ["1. Each State Party shall inspect every registered lighthouse at least once a year.",
                   "2. Inspections shall follow the guidelines adopted by the Conference of the States Parties.[^1]",
                   "3. The results of each inspection shall be entered in the register.",
                   "[^1]: The first guidelines are to be adopted at the first session of the Conference."],
            "fr": ["1. Chaque État Partie inspecte chaque phare enregistré au moins une fois par an.",
                   "2. Les inspections suivent les lignes directrices adoptées par la Conférence des États Parties[^1].",
                   "3. Les résultats de chaque inspection sont inscrits au registre.",
                   "[^1]: Les premières lignes directrices doivent être adoptées à la première session de la Conférence."],
            "es": ["1. Cada Estado parte inspeccionará cada faro registrado al menos una vez al año.",
                   "2. Las inspecciones se ajustarán a las directrices aprobadas por la Conferencia de los Estados partes[^1].",
                   "3. Los resultados de cada inspección se inscribirán en el registro.",
                   "[^1]: Las primeras directrices se aprobarán en el primer período de sesiones de la Conferencia."],
            "ru": ["1. Каждое Государство-участник не реже одного раза в год инспектирует каждый зарегистрированный маяк.",
                   "2. Инспекции проводятся в соответствии с руководящими принципами, принятыми Конференцией Государств-участников[^1].",
                   "3. Результаты каждой инспекции вносятся в реестр.",
                   "[^1]: Первые руководящие принципы должны быть приняты на первой сессии Конференции."],
            "zh": ["1. 各缔约国应当每年至少检查每座已登记灯塔一次。",
                   "2. 检查应当遵循缔约国会议通过的准则[^1]。",
                   "3. 每次检查的结果应当记入登记册。",
                   "[^1]: 首批准则将在缔约国会议第一届会议上通过。"],
            "ar": ["1 - تفتش كل دولة طرف كل منارة مسجلة مرة واحدة في السنة على الأقل.",
                   "2 - تجرى عمليات التفتيش وفقا للمبادئ التوجيهية التي يعتمدها مؤتمر الدول الأطراف[^1].",
                   "3 - تقيد نتائج كل عملية تفتيش في السجل.",
                   "[^1]: تعتمد المبادئ التوجيهية الأولى في الدورة الأولى للمؤتمر."],
        }),
        5: (3, None, {"en": "Signature and ratification", "fr": "Signature et ratification",
                      "es": "Firma y ratificación", "ru": "Подписание и ратификация", "zh": "签署和批准",
                      "ar": "التوقيع والتصديق"}, {
            "en": ["1. This Convention shall be open for signature by all States.",
                   "2. This Convention is subject to ratification, acceptance or approval."],
            "fr": ["1. La présente Convention est ouverte à la signature de tous les États.",
                   "2. La présente Convention est soumise à ratification, acceptation ou approbation."],
            "es": ["1. La presente Convención estará abierta a la firma de todos los Estados.",
                   "2. La presente Convención estará sujeta a ratificación, aceptación o aprobación."],
            "ru": ["1. Настоящая Конвенция открыта для подписания всеми государствами.",
                   "2. Настоящая Конвенция подлежит ратификации, принятию или утверждению."],
            "zh": ["1. 本公约开放供所有国家签署。",
                   "2. 本公约须经批准、接受或核准。"],
            "ar": ["1 - يفتح باب التوقيع على هذه الاتفاقية أمام جميع الدول.",
                   "2 - تخضع هذه الاتفاقية للتصديق أو القبول أو الإقرار."],
        }),
        6: (3, None, {"en": "Authentic texts", "fr": "Textes faisant foi", "es": "Textos auténticos",
                      "ru": "Аутентичные тексты", "zh": "作准文本", "ar": "النصوص ذات الحجية"}, {
            "en": ["The Arabic, Chinese, English, French, Russian and Spanish texts of this Convention are equally authentic.",
                   "IN WITNESS WHEREOF, the undersigned, being duly authorized thereto, have signed this Convention."],
            "fr": ["Les textes anglais, arabe, chinois, espagnol, français et russe de la présente Convention font également foi.",
                   "EN FOI DE QUOI les soussignés, à ce dûment autorisés, ont signé la présente Convention."],
            "es": ["Los textos en árabe, chino, español, francés, inglés y ruso de la presente Convención son igualmente auténticos.",
                   "EN TESTIMONIO DE LO CUAL, los infrascritos, debidamente autorizados para ello, han firmado la presente Convención."],
            "ru": ["Тексты настоящей Конвенции на английском, арабском, испанском, китайском, русском и французском языках являются равно аутентичными.",
                   "В УДОСТОВЕРЕНИЕ ЧЕГО нижеподписавшиеся, должным образом на то уполномоченные, подписали настоящую Конвенцию."],
            "zh": ["本公约的阿拉伯文、中文、英文、法文、俄文和西班牙文文本同等作准。",
                   "下列签署人经正式授权，在本公约上签字，以昭信守。"],
            "ar": ["تتساوى في الحجية النصوص الإسبانية والإنكليزية والروسية والصينية والعربية والفرنسية لهذه الاتفاقية.",
                   "وإثباتا لذلك، قام الموقعون أدناه، المفوضون بذلك حسب الأصول، بالتوقيع على هذه الاتفاقية."],
        }),
    },
}

# The thirty articles of the protocol are built from these sentences ({n}: the article's number).
BUOY_SENTENCES = {
    "en": ("Each Party shall keep buoy {n} in good order and shall light it at night.",
           "Buoy {n} shall be painted red.", "Buoy {n} shall carry a bell, which shall ring:",
           "in fog;", "at night."),
    "fr": ("Chaque Partie maintient la bouée {n} en bon état et l'éclaire la nuit.",
           "La bouée {n} est peinte en rouge.", f"La bouée {{n}} porte une cloche, qui sonne{NB}:",
           f"par temps de brouillard{NB};", "la nuit."),
    "es": ("Cada Parte mantendrá la boya {n} en buen estado y la iluminará de noche.",
           "La boya {n} estará pintada de rojo.", "La boya {n} llevará una campana, que sonará:",
           "en caso de niebla;", "de noche."),
    "ru": ("Каждая Сторона содержит буй {n} в исправном состоянии и освещает его ночью.",
           "Буй {n} окрашивается в красный цвет.", "Буй {n} оснащается колоколом, который звонит:",
           "в туман;", "ночью."),
    "zh": ("各缔约方应当保持第{n}号浮标状况良好，并在夜间为其照明。",
           "第{n}号浮标应当漆成红色。", "第{n}号浮标应当装有一口钟，该钟应当在下列情况下鸣响：",
           "有雾时；", "夜间。"),
    "ar": ("يحافظ كل طرف على العوامة رقم {n} في حالة جيدة وينيرها ليلا.",
           "تطلى العوامة رقم {n} باللون الأحمر.", "تزود العوامة رقم {n} بجرس يدق:",
           "في الضباب؛", "ليلا."),
}
ENUMERATORS = {  # paragraph "1.", subparagraphs "(a)", "(b)" as each language types them
    "en": ("{n}.", "(a)", "(b)"), "fr": ("{n}.", "a)", "b)"), "es": ("{n}.", "a)", "b)"),
    "ru": ("{n}.", "a)", "b)"), "zh": ("{n}.", "（a）", "（b）"), "ar": ("{n} -", "(أ)", "(ب)"),
}


def buoy_article(lang: str, n: int) -> list[str]:
    keep, red, bell, fog, night = (s.replace("{n}", str(n)) for s in BUOY_SENTENCES[lang])
    number, a, b = ENUMERATORS[lang]
    if n % 3:
        return [keep]
    paragraphs = [f"{number.format(n=1)} {red}", f"{number.format(n=2)} {bell if n % 6 == 0 else red}"]
    if n % 6 == 0:
        space = "" if lang == "zh" else " "  # no space after a full-width bracket
        paragraphs += [f"{a}{space}{fog}", f"{b}{space}{night}"]
    return paragraphs


BUOYS = {
    "symbol": "SPEC/2025/2",
    "title": {
        "en": "Specimen Protocol on Harbour Buoys", "fr": "Protocole spécimen relatif aux bouées portuaires",
        "es": "Protocolo modelo sobre boyas portuarias", "ru": "Типовой протокол о портовых буях",
        "zh": "港口浮标示范议定书", "ar": "البروتوكول النموذجي بشأن عوامات الموانئ",
    },
    "preamble": {
        "en": ["The Parties to this Protocol,", "Have agreed as follows:"],
        "fr": ["Les Parties au présent Protocole,", f"Sont convenues de ce qui suit{NB}:"],
        "es": ["Las Partes en el presente Protocolo,", "Han convenido en lo siguiente:"],
        "ru": ["Стороны настоящего Протокола", "согласились о нижеследующем:"],
        "zh": ["本议定书缔约方，", "兹协议如下："],
        "ar": ["إن الأطراف في هذا البروتوكول،", "قد اتفقت على ما يلي:"],
    },
    "articles": {n: (None, None, None, {lang: buoy_article(lang, n) for lang in LANGS}) for n in range(1, 31)},
}

PREAMBLE_TITLES = {"en": "Preamble", "fr": "Préambule", "es": "Preámbulo", "ru": "Преамбула", "zh": "序言",
                   "ar": "الديباجة"}


def page(meta: dict, body: str = "") -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + (
        "\n" + body if body else "")


def write_tree(instrument: dict, docs: Path, langs=LANGS) -> Path:
    """The instrument as `treaty import` writes it: status official, source its symbol."""
    official = {"status": "official", "source": instrument["symbol"]}
    for lang in langs:
        base = docs / lang
        (base / "articles").mkdir(parents=True, exist_ok=True)
        (base / "preamble.md").write_text(page(
            {"preamble": True, "title": PREAMBLE_TITLES[lang], "title_status": "provisional", **official},
            "\n\n".join(instrument["preamble"][lang]) + "\n"), encoding="utf-8")
        for number, titles in instrument.get("chapters", {}).items():
            (base / "chapters").mkdir(exist_ok=True)
            sections = instrument.get("sections", {}).get(number, {})
            body = "\n\n".join(f"## {heading(lang, *s[lang])}" for s in sections.values())
            (base / "chapters" / f"{number}.md").write_text(page(
                {"chapter": number, "title": titles[lang], "title_status": "official", **official},
                body + "\n" if body else ""), encoding="utf-8")
        for number, (chapter, section, titles, paragraphs) in instrument["articles"].items():
            meta = {"article": number}
            if chapter:
                meta["chapter"] = chapter
            if section:
                meta["section"] = section
            if titles:
                meta["title"] = titles[lang]
            meta.update(title_status="official", **official)
            (base / "articles" / f"{number}.md").write_text(
                page(meta, "\n\n".join(paragraphs[lang]) + "\n"), encoding="utf-8")
    return docs


def outline(instrument: dict, path: Path) -> Path:
    """The instrument's outline, in the format of data/convention-outline.yml."""
    data = {}
    if instrument.get("chapters"):
        data["chapters"] = [
            {"number": n, "roman": "I" * n, "title": titles["en"],
             "articles": {a: art[2]["en"] for a, art in instrument["articles"].items() if art[0] == n}}
            for n, titles in instrument["chapters"].items()]
    else:
        data["articles"] = len(instrument["articles"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def config(instrument: dict, folder: Path, **settings) -> Path:
    """A project of the instrument in `folder` (mkdocs.yml, data/instrument.yml, data/outline.yml,
    data/import.yml with `settings`, the chooser and an empty docs/); returns the folder."""
    from sitekit import ROOT

    data = folder / "data"
    outline(instrument, data / "outline.yml")
    facts = {"kind": "convention", "names": instrument["title"], "symbol": instrument["symbol"],
             "languages": LANGS, "reference_language": "en", "outline": "outline.yml", "import": "import.yml"}
    (data / "instrument.yml").write_text(yaml.safe_dump(facts, allow_unicode=True, sort_keys=False), encoding="utf-8")
    settings = {
        "chapters": {"present": bool(instrument.get("chapters")), "numbering": "roman"},
        "sections": bool(instrument.get("sections")),
        "articles": {"titles": any(a[2] for a in instrument["articles"].values()), "numbering": "arabic"},
        "paragraphs": "lists", **settings,
    }
    (data / "import.yml").write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (folder / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "docs").mkdir(exist_ok=True)
    (folder / "docs" / "index.md").write_text((ROOT / "docs" / "index.md").read_text(encoding="utf-8"),
                                              encoding="utf-8")
    return folder
