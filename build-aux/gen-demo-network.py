#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write tests/fixtures/demo-network.ini, the invented network that `build-aux/dev run --demo`
and screenshots show.

Usage: build-aux/gen-demo-network.py [OUT.ini]   (default: tests/fixtures/demo-network.ini)

Every person, company domain, phone number and profile is made up. Emails use the reserved
.example TLD and example.com/.org/.net (RFC 2606); phone numbers come from the ranges set
aside for fiction (ARCEP 06 39 98 / 01 99 00 …, Ofcom 07700 900xxx, NANP 555-01xx). The
random generator is seeded, so the output only changes when this script does.
"""

import os
import random
import sys
import unicodedata

SEED = 20260
N_CONTACTS = 200
TODAY = "2026-11-20"

# (given, gender) — gender only picks the French job title's agreement.
GIVEN_FR = [
    ("Frédéric", "m"), ("Émilie", "f"), ("Hélène", "f"), ("Zoé", "f"), ("Noël", "m"),
    ("Amélie", "f"), ("Benoît", "m"), ("Cécile", "f"), ("Clémence", "f"), ("Jérôme", "m"),
    ("Léa", "f"), ("Loïc", "m"), ("Océane", "f"), ("Raphaël", "m"), ("Stéphane", "m"),
    ("Valérie", "f"), ("Anaïs", "f"), ("Aurélien", "m"), ("Gaëlle", "f"), ("Joël", "m"),
    ("Maëlle", "f"), ("Françoise", "f"), ("François", "m"), ("Sébastien", "m"), ("Inès", "f"),
    ("Chloé", "f"), ("Élodie", "f"), ("Hervé", "m"), ("Agnès", "f"), ("Bénédicte", "f"),
    ("Céline", "f"), ("Jérémie", "m"), ("Mélanie", "f"), ("Solène", "f"), ("Timothée", "m"),
    ("Yannick", "m"), ("Camille", "f"), ("Julien", "m"), ("Nicolas", "m"), ("Sophie", "f"),
    ("Thomas", "m"), ("Claire", "f"), ("Antoine", "m"), ("Marion", "f"), ("Guillaume", "m"),
    ("Pauline", "f"), ("Maxime", "m"), ("Laure", "f"), ("Alexandre", "m"), ("Margaux", "f"),
    ("Baptiste", "m"), ("Élise", "f"), ("Romain", "m"), ("Juliette", "f"), ("Hugo", "m"),
    ("Manon", "f"), ("Arnaud", "m"), ("Delphine", "f"), ("Olivier", "m"), ("Pierre-Yves", "m"),
    ("Anne-Sophie", "f"), ("Jean-Baptiste", "m"), ("Marie-Hélène", "f"), ("Gaël", "m"),
    ("Ségolène", "f"), ("Côme", "m"), ("Lætitia", "f"), ("Eugénie", "f"), ("Théo", "m"),
]
FAMILY_FR = [
    "Martinet", "Lefèvre", "Dubois", "Moreau", "Girard", "Bonnet", "Mercier", "Faure",
    "Rousseau", "Blanchard", "Gauthier", "Chevalier", "Perrin", "Morel", "Fournier", "Lambert",
    "Bérard", "Pélissier", "Ménard", "Thévenin", "Lemaître", "Desprès", "Duchêne", "Crépin",
    "Géraud", "Hébert", "Lécuyer", "Rivière", "Sénéchal", "Brunet", "Carré", "Besnard",
    "Le Goff", "Le Floch", "Kerhervé", "Delacroix", "de La Roche", "Marchand", "Barbier", "Roux",
    "Vasseur", "Aubert", "Poulain", "Jacquet", "Masson", "Leclerc", "Gosselin", "Noël",
    "Benali", "Haddad", "Nguyen", "Da Silva", "Ferreira", "Lopez", "Cœurdacier", "Étienne",
]
GIVEN_EN = [
    ("Olivia", "f"), ("James", "m"), ("Amelia", "f"), ("Oliver", "m"), ("Charlotte", "f"),
    ("Harry", "m"), ("George", "m"), ("Emily", "f"), ("Jack", "m"), ("Isla", "f"),
    ("Hannah", "f"), ("William", "m"), ("Grace", "f"), ("Daniel", "m"), ("Rachel", "f"),
    ("Matthew", "m"), ("Priya", "f"), ("Rahul", "m"), ("Aisha", "f"), ("Ben", "m"),
    ("Katie", "f"), ("Sam", "m"), ("Lucy", "f"), ("Eleanor", "f"), ("Rory", "m"),
    ("Niamh", "f"), ("Callum", "m"), ("Fiona", "f"), ("Alastair", "m"), ("Imogen", "f"),
    ("Kwame", "m"), ("Wei", "m"), ("Mei", "f"), ("Tariq", "m"), ("Zara", "f"), ("Owen", "m"),
]
FAMILY_EN = [
    "Whitfield", "Hargreaves", "Thornton", "Pemberton", "Ashworth", "Fletcher", "Holloway",
    "Kendrick", "Brennan", "O'Connor", "McAllister", "Sutherland", "Chadwick", "Blackwood",
    "Rowntree", "Patel", "Shah", "Okafor", "Mensah", "Chen", "Kowalski", "Davies", "Evans",
    "Hughes", "Walsh", "Byrne", "Clarke", "Reid", "Bennett", "Gallagher", "Sinclair",
    "Lockwood", "Harrington", "Ellison", "Fairbairn",
]
GIVEN_QC = [("Étienne", "m"), ("Geneviève", "f"), ("Mathieu", "m"), ("Annie", "f"),
            ("Marc-André", "m"), ("Isabelle", "f"), ("Jean-François", "m"), ("Mélissa", "f")]
FAMILY_QC = ["Gagnon", "Tremblay", "Bouchard", "Côté", "Pelletier", "Lévesque", "Bergeron",
             "Gauthier", "Ouellet", "Thibodeau"]
FAMILY_BE = ["Vandenberghe", "Peeters", "Janssens", "Dumont", "Lemmens", "Wauters", "Delvaux"]
FAMILY_CH = ["Favre", "Rochat", "Bonvin", "Berset", "Zufferey", "Perroud"]

# city: (region, country, language, phone style, weight)
CITIES = {
    "Paris":      ("Île-de-France", "France", "fr", "paris", 34),
    "Lyon":       ("Auvergne-Rhône-Alpes", "France", "fr", "lyon", 12),
    "Nantes":     ("Pays de la Loire", "France", "fr", "nantes", 7),
    "Bordeaux":   ("Nouvelle-Aquitaine", "France", "fr", "bordeaux", 7),
    "Lille":      ("Hauts-de-France", "France", "fr", "lille", 6),
    "Toulouse":   ("Occitanie", "France", "fr", "toulouse", 7),
    "London":     ("England", "United Kingdom", "en", "london", 14),
    "Manchester": ("England", "United Kingdom", "en", "manchester", 5),
    "Montréal":   ("Québec", "Canada", "qc", "montreal", 4),
    "Bruxelles":  ("Bruxelles-Capitale", "Belgique", "be", "bruxelles", 3),
    "Genève":     ("Genève", "Suisse", "ch", "geneve", 3),
}

# Employers: well-known firms (emails still go to .example) and invented ones.
# name: (domain stem, cities it has people in)
ORGS = {
    "Capgemini": ("capgemini", ["Paris", "Lyon", "Toulouse", "Nantes", "Lille", "London"]),
    "Dassault Systèmes": ("3ds", ["Paris", "Lyon"]),
    "Sopra Steria": ("soprasteria", ["Paris", "Toulouse", "Nantes"]),
    "Thales": ("thales", ["Paris", "Toulouse", "Bordeaux"]),
    "Airbus": ("airbus", ["Toulouse"]),
    "Decathlon": ("decathlon", ["Lille"]),
    "Ubisoft": ("ubisoft", ["Montréal", "Paris", "Bordeaux"]),
    "Accenture": ("accenture", ["Paris", "London", "Bruxelles"]),
    "Deloitte": ("deloitte", ["Paris", "London", "Genève"]),
    "Lumen Analytics": ("lumen-analytics", ["Paris", "London"]),
    "Atelier Boréal": ("atelier-boreal", ["Nantes", "Paris"]),
    "Brightwater Labs": ("brightwater-labs", ["London", "Manchester"]),
    "Kestrel Talent": ("kestrel-talent", ["London", "Manchester"]),
    "Nordlys Conseil": ("nordlys-conseil", ["Paris", "Lyon"]),
    "Pixelune": ("pixelune", ["Bordeaux", "Paris"]),
    "Maison Verte Studio": ("maisonverte", ["Lyon"]),
    "Halcyon Partners": ("halcyon-partners", ["London", "Genève"]),
    "Ferrovia Systems": ("ferrovia", ["Lille", "Bruxelles"]),
    "Quillon & Associés": ("quillon", ["Paris", "Bruxelles"]),
    "Ardoise Capital": ("ardoise-capital", ["Paris"]),
    "Thistle Digital": ("thistle-digital", ["Manchester", "London"]),
    "Canopée Tech": ("canopee-tech", ["Toulouse", "Bordeaux"]),
    "Harbourside Ventures": ("harbourside", ["London"]),
    "Orbiteam": ("orbiteam", ["Lyon", "Genève"]),
    "Sillon Design": ("sillon", ["Nantes", "Lille"]),
    "Vélocité": ("velocite", ["Lyon", "Paris"]),
    "Granit RH": ("granit-rh", ["Paris", "Lyon", "Nantes"]),
    "Érable Numérique": ("erable-numerique", ["Montréal"]),
    "Saint-Laurent Data": ("stlaurent-data", ["Montréal"]),
    "Atomium Solutions": ("atomium-solutions", ["Bruxelles"]),
    "Léman Fintech": ("leman-fintech", ["Genève"]),
    "Cordée": ("cordee", ["Lyon", "Toulouse"]),
    "Mistral Ops": ("mistral-ops", ["Paris", "Toulouse"]),
    "Altitude Search": ("altitude-search", ["Paris", "Genève", "Bruxelles", "Montréal"]),
}
RECRUITMENT_FIRMS = ["Kestrel Talent", "Granit RH", "Altitude Search"]
BIG_FIRMS = ["Capgemini", "Dassault Systèmes", "Sopra Steria", "Thales", "Airbus", "Decathlon",
             "Ubisoft", "Accenture", "Deloitte"]

# persona: (weight, [(title FR masc, title FR fem, title EN)], departments)
PERSONAS = {
    "consultant": (22, [("Consultant senior", "Consultante senior", "Senior Consultant"),
                        ("Manager conseil", "Manager conseil", "Consulting Manager"),
                        ("Directeur de mission", "Directrice de mission", "Engagement Director"),
                        ("Associé", "Associée", "Partner")],
                   ["Conseil", "Transformation digitale", "Strategy"]),
    "founder": (14, [("Fondateur & CEO", "Fondatrice & CEO", "Founder & CEO"),
                     ("Cofondateur & CTO", "Cofondatrice & CTO", "Co-founder & CTO"),
                     ("Cofondateur", "Cofondatrice", "Co-founder")],
                ["", "Direction"]),
    "recruiter": (14, [("Chargé de recrutement", "Chargée de recrutement", "Talent Acquisition Partner"),
                       ("Chasseur de têtes", "Chasseuse de têtes", "Executive Search Consultant"),
                       ("Responsable RH", "Responsable RH", "Senior Recruiter")],
                  ["Ressources humaines", "Talent", "People"]),
    "engineer": (26, [("Ingénieur logiciel", "Ingénieure logicielle", "Software Engineer"),
                      ("Lead développeur backend", "Lead développeuse backend", "Staff Engineer"),
                      ("Data engineer", "Data engineer", "Data Engineer"),
                      ("Architecte cloud", "Architecte cloud", "Cloud Architect"),
                      ("Ingénieur SRE", "Ingénieure SRE", "Site Reliability Engineer")],
                  ["R&D", "Engineering", "Plateforme", "Data"]),
    "designer": (10, [("Product designer", "Product designer", "Product Designer"),
                      ("Designer UX senior", "Designer UX senior", "Senior UX Designer"),
                      ("Directeur artistique", "Directrice artistique", "Art Director"),
                      ("Chercheur UX", "Chercheuse UX", "UX Researcher")],
                  ["Design", "Produit", "Studio"]),
    "sales": (14, [("Responsable grands comptes", "Responsable grands comptes", "Account Executive"),
                   ("Business developer", "Business developer", "Business Development Manager"),
                   ("Directeur commercial", "Directrice commerciale", "Head of Sales"),
                   ("Responsable partenariats", "Responsable partenariats", "Head of Partnerships")],
               ["Ventes", "Sales", "Partenariats"]),
}

MET_WHERE = {
    "fr": ["Salon VivaTech, Paris", "Meetup Rust Paris", "Devoxx France", "BlendWebMix, Lyon",
           "Afterwork French Tech Lyon", "Product Camp Nantes", "Conférence Sud Web, Toulouse",
           "Dîner des anciens de l'INSA", "Mission commune chez un client", "Petit-déjeuner Granit RH",
           "Salon Big Data & AI Paris", "Via un message LinkedIn", "Ancien collègue",
           "Forum Alumni HEC", "Hackathon Bordeaux Métropole", "Apéro Flupa Lille"],
    "en": ["London Tech Week", "Mind the Product, London", "Manchester Tech Festival",
           "Coffee chat after a LinkedIn message", "Former colleague", "Silicon Roundabout meetup",
           "Client workshop", "Web Summit, Lisbon", "UX London", "Founders' breakfast, Shoreditch"],
    "qc": ["Conférence C2 Montréal", "Meetup Montréal Python", "Mission chez un client",
           "Web à Québec", "Via un message LinkedIn"],
    "be": ["Meetup JS Bruxelles", "Salon Digital First, Bruxelles", "Mission commune chez un client"],
    "ch": ["Forum des 100, Lausanne", "Meetup fintech Genève", "Mission chez un client"],
}

NOTES_FR = [
    "Cherche à recruter deux développeurs Rust pour le printemps.",
    "Très bon contact pour l'écosystème santé en région.",
    "Ex-collègue, toujours de bon conseil.",
    "Prépare une levée de fonds, série A visée.",
    "Préfère être contacté par email plutôt que par téléphone.",
    "A proposé de me présenter à son équipe produit.",
    "Veut un retour d'expérience sur notre migration cloud.",
    "Organise le meetup local ; cherche des orateurs.",
    "Connaît très bien le marché du recrutement tech à Lyon.",
    "Mentor informel. Lui envoyer des nouvelles deux fois par an.",
    "Grand cycliste : fait Paris-Roubaix amateur chaque année.",
    "Intervenant possible pour notre séminaire d'équipe.",
    "Client potentiel : budget validé pour le second semestre.",
    "Rencontré grâce à un ami commun. A un chien nommé Biscotte.",
    "Parle couramment allemand et italien.",
    "Ne pas relancer avant la fin de son congé parental.",
]
NOTES_EN = [
    "Hiring two senior designers this quarter.",
    "Great contact for anything fintech in the City.",
    "Former colleague; always happy to give candid feedback.",
    "Raising a seed round, wants intros to French angels.",
    "Prefers email to calls. Replies fast on Tuesdays.",
    "Offered to introduce me to their platform team.",
    "Interested in our lessons learned on the cloud migration.",
    "Runs the local meetup and is looking for speakers.",
    "Knows the tech recruitment market in the North West inside out.",
    "Informal mentor. Send news twice a year.",
    "Keen runner, did the London Marathon last spring.",
    "Possible speaker for our team offsite.",
    "Potential client: budget signed off for next year.",
]

INTERACTIONS = {
    "fr": {
        "meeting": ["Café près de la gare, a parlé de sa levée de fonds.",
                    "Déjeuner : point sur son nouveau poste.",
                    "Rencontre au meetup, discussion sur l'observabilité.",
                    "Atelier chez le client, très bonne dynamique.",
                    "Afterwork, m'a présenté deux personnes de son équipe."],
        "call": ["Appel sur le plan de recrutement du trimestre.",
                 "Visio de 30 minutes : conseils sur la tarification.",
                 "Appel rapide pour caler une intervention au meetup.",
                 "Point téléphonique sur la proposition commerciale."],
        "message": ["Message LinkedIn : félicitations pour le nouveau poste.",
                    "Email de remerciement après la présentation.",
                    "Envoyé l'article sur le design system dont on avait parlé.",
                    "Relance au sujet de la mise en relation."],
        "note": ["Penser à lui envoyer le compte rendu de l'atelier.",
                 "Son équipe passe en télétravail complet en janvier.",
                 "À recontacter après l'été."],
    },
    "en": {
        "meeting": ["Coffee near King's Cross; talked about their seed round.",
                    "Lunch: catching up on the new role.",
                    "Met at the meetup, chatted about observability.",
                    "Client workshop, good energy in the room."],
        "call": ["Call about the Q3 hiring plan.",
                 "30-minute video call: advice on pricing.",
                 "Quick call to book a talk at the meetup.",
                 "Call about the partnership proposal."],
        "message": ["LinkedIn message: congratulations on the new job.",
                    "Thank-you email after the demo.",
                    "Sent the design systems article we discussed.",
                    "Followed up on the introduction."],
        "note": ["Send them the workshop write-up.",
                 "Team goes fully remote in January.",
                 "Get back in touch after the summer."],
    },
}

CIRCLE_COLORS = ["#3584e4", "#2190a4", "#3a944a", "#c88800", "#ed5b00", "#e62d42", "#d56199",
                 "#9141ac", "#6f8396"]


def fold(text):
    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return plain.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae").replace("Æ", "Ae")


def slug(text):
    out = []
    for c in fold(text).lower():
        out.append(c if c.isalnum() else "-")
    return "-".join(filter(None, "".join(out).split("-")))


def weighted(rng, table):
    names = list(table)
    return rng.choices(names, weights=[table[n][-1] for n in names])[0]


def random_date(rng, start, end):
    """A date between two YYYY-MM-DD strings, inclusive."""
    import datetime
    a = datetime.date.fromisoformat(start)
    b = datetime.date.fromisoformat(end)
    return (a + datetime.timedelta(days=rng.randint(0, (b - a).days))).isoformat()


def pick_name(rng, lang, used):
    while True:
        if lang == "en" or (lang in ("fr", "be", "ch") and rng.random() < 0.06):
            given, gender = rng.choice(GIVEN_EN)
            family = rng.choice(FAMILY_EN)
        elif lang == "qc":
            given, gender = rng.choice(GIVEN_QC + GIVEN_FR[:20])
            family = rng.choice(FAMILY_QC)
        else:
            given, gender = rng.choice(GIVEN_FR)
            pool = {"be": FAMILY_BE + FAMILY_FR[:20], "ch": FAMILY_CH + FAMILY_FR[:20]}.get(lang, FAMILY_FR)
            family = rng.choice(pool)
            if lang == "fr" and rng.random() < 0.05:  # a French expat in London, or the reverse
                family = rng.choice(FAMILY_EN)
        if (given, family) not in used:
            used.add((given, family))
            return given, family, gender


def pick_org(rng, city, persona):
    here = [name for name, (_, cities) in ORGS.items() if city in cities and
            (name not in RECRUITMENT_FIRMS or persona in ("recruiter", "founder", "sales")) and
            (name not in BIG_FIRMS or persona != "founder")]
    return rng.choice(here)


def is_search_title(title):
    return any(w in title for w in ("Chasseu", "Executive Search"))


def title_for(rng, persona, lang, gender):
    masc, fem, en = rng.choice(PERSONAS[persona][1])
    if lang == "en":
        return en
    if lang in ("fr", "qc", "be", "ch") and rng.random() < 0.15:
        return en  # English job titles are common in French tech companies too
    return fem if gender == "f" else masc


def phone_for(rng, style, mobile):
    d = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))
    if style in ("london", "manchester"):
        if mobile:
            return f"+44 7700 900{d(3)}"
        return f"+44 20 7946 0{d(3)}" if style == "london" else f"+44 161 496 0{d(3)}"
    if style == "montreal":
        return f"+1 514 555 01{d(2)}"
    if mobile or style in ("bruxelles", "geneve"):
        return f"+33 6 39 98 {d(2)} {d(2)}"
    prefix = {"paris": "1 99 00", "lyon": "4 65 71", "nantes": "2 61 91", "bordeaux": "5 36 49",
              "toulouse": "5 36 49", "lille": "3 53 01"}[style]
    return f"+33 {prefix} {d(2)} {d(2)}"


def emails_for(rng, given, family, org):
    g, f = slug(given), slug(family).replace("-", "")
    stem = ORGS[org][0]
    work = rng.choice([f"{g}.{f}", f"{g[0]}.{f}", f"{g}{f[0]}", f"{g}"]) + f"@{stem}.example"
    personal = rng.choice([f"{g}.{f}", f"{g}{f}", f"{g[0]}{f}", f"{g}.{f}{rng.randint(2, 99)}"])
    personal += "@" + rng.choice(["example.org", "example.com", "example.net"])
    roll = rng.random()
    if roll < 0.55:
        return [f"work:{work}"]
    if roll < 0.85:
        return [f"work:{work}", f"home:{personal}"]
    return [f"home:{personal}"]


def make_contact(rng, used_names, used_keys):
    city = weighted(rng, CITIES)
    region, country, lang, phone_style, _ = CITIES[city]
    given, family, gender = pick_name(rng, lang, used_names)
    text_lang = "en" if lang == "en" or fold(family) in map(fold, FAMILY_EN) else "fr"
    persona = rng.choices(list(PERSONAS), weights=[p[0] for p in PERSONAS.values()])[0]
    org = pick_org(rng, city, persona)
    if persona == "recruiter" and rng.random() < 0.6:
        org = rng.choice([o for o in RECRUITMENT_FIRMS if city in ORGS[o][1]] or [org])
    key = slug(f"{given} {family}")
    while key in used_keys:
        key += "-2"
    used_keys.add(key)

    c = {"key": key, "given": given, "family": family, "organization": org,
         "title": title_for(rng, persona, lang, gender), "lang": text_lang, "persona": persona}
    # Headhunters work for search firms; companies hire their own recruiters.
    while persona == "recruiter" and (org in RECRUITMENT_FIRMS) != is_search_title(c["title"]):
        c["title"] = title_for(rng, persona, lang, gender)
    departments = PERSONAS[persona][2]
    if rng.random() < 0.4:
        c["department"] = rng.choice(departments)
    c["emails"] = emails_for(rng, given, family, org)
    if rng.random() < 0.6:
        phones = [f"mobile:{phone_for(rng, phone_style, True)}"]
        if rng.random() < 0.25:
            phones.append(f"work:{phone_for(rng, phone_style, False)}")
        c["phones"] = phones
    if rng.random() < 0.55:
        profile = f"{slug(given)}-{slug(family)}-{rng.getrandbits(24):06x}"
        urls = [f"https://www.linkedin.com/in/{profile}"]
        if persona in ("founder", "designer") and rng.random() < 0.4:
            urls.append(f"https://www.{ORGS[org][0]}.example/")
        c["urls"] = urls
    c["locality"], c["region"], c["country"] = city, region, country
    c["tie"] = rng.choices(["close", "regular", "weak"], weights=[15, 45, 40])[0]
    if rng.random() < 0.7:
        c["met_where"] = rng.choice(MET_WHERE[lang])
        c["met_on"] = random_date(rng, "2016-01-01", "2026-10-31")
    if rng.random() < 0.55:
        c["notes"] = rng.choice(NOTES_EN if text_lang == "en" else NOTES_FR)
        if rng.random() < 0.15:
            c["notes"] += "\n" + rng.choice(NOTES_EN if text_lang == "en" else NOTES_FR)

    interactions = []
    for _ in range(rng.choices([0, 1, 2, 3, 4], weights=[25, 30, 25, 12, 8])[0]):
        kind = rng.choices(["meeting", "call", "message", "note"], weights=[30, 25, 35, 10])[0]
        text = rng.choice(INTERACTIONS[text_lang][kind])
        if any(text == t for _, _, t in interactions):
            continue
        start = max(c.get("met_on", "2025-01-01"), "2025-01-01")
        interactions.append((random_date(rng, start, TODAY), kind, text))
    c["interactions"] = [f"{k}|{d}|{t}" for d, k, t in sorted(interactions)]

    # A change of job Réseau recorded: the card was first saved with the previous one.
    if rng.random() < 0.2:
        c["previous_organization"] = pick_org(rng, city, persona) if rng.random() < 0.8 else org
        if c["previous_organization"] == org:
            c["previous_title"] = title_for(rng, persona, lang, gender)
            if c["previous_title"] == c["title"]:
                c["previous_title"] = "Stagiaire" if text_lang == "fr" else "Graduate Engineer"
        elif rng.random() < 0.6:
            previous = persona if rng.random() < 0.8 else rng.choice(list(PERSONAS))
            c["previous_title"] = title_for(rng, previous, lang, gender)
        start = max(c.get("met_on", "2025-01-01"), "2025-01-01")
        c["changed_on"] = random_date(rng, start, TODAY)
    return c


# Keep-in-touch rhythms in days, so that "Reconnect" has people in the demo.
CIRCLE_CADENCES = {"proches": 30, "recruteurs": 90, "anciens-capgemini": 180}


def make_circles(rng, contacts):
    def members(pred, limit):
        keys = [c["key"] for c in contacts if pred(c)]
        rng.shuffle(keys)
        return sorted(keys[:limit])

    circles = [
        ("anciens-capgemini", "Anciens de Capgemini", "alumni",
         members(lambda c: "Capgemini" in (c["organization"], c.get("previous_organization")), 30)),
        ("french-tech-lyon", "French Tech Lyon", "community",
         members(lambda c: c["locality"] == "Lyon", 25)),
        ("london-network", "London network", "place",
         members(lambda c: c["locality"] == "London", 30)),
        ("recruteurs", "Recruteurs & chasseurs", "interest",
         members(lambda c: c["persona"] == "recruiter", 40)),
        ("fondateurs", "Founders I follow", "interest",
         members(lambda c: c["persona"] == "founder", 40)),
        ("vivatech", "Rencontrés à VivaTech", "event",
         members(lambda c: c.get("met_where", "").startswith("Salon VivaTech"), 20)),
        ("design-ux", "Design & UX", "interest",
         members(lambda c: c["persona"] == "designer", 30)),
        ("proches", "Proches", "personal",
         members(lambda c: c["tie"] == "close", 25)),
    ]
    return [(key, name, kind, CIRCLE_COLORS[i % len(CIRCLE_COLORS)], m)
            for i, (key, name, kind, m) in enumerate(circles) if m]


def escape(value):
    """GKeyFile value escaping (see g_key_file_parse_value_as_string)."""
    out = value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    return "\\s" + out[1:] if out.startswith(" ") else out


def escape_list(values):
    return ";".join(escape(v).replace(";", "\\;") for v in values) + ";"


FIELD_ORDER = ["given", "family", "organization", "department", "title", "emails", "phones", "urls",
               "locality", "region", "country", "tie", "introduced_by", "met_where", "met_on",
               "notes", "interactions", "previous_organization", "previous_title", "changed_on"]
LIST_FIELDS = {"emails", "phones", "urls", "interactions"}


def main():
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(top, "tests", "fixtures", "demo-network.ini")
    rng = random.Random(SEED)
    used_names, used_keys = set(), set()
    contacts = [make_contact(rng, used_names, used_keys) for _ in range(N_CONTACTS)]

    # Introductions only point back to people known before, as in life: no cycles.
    for i, c in enumerate(contacts):
        if i > 5 and rng.random() < 0.3:
            same_city = [p for p in contacts[:i] if p["locality"] == c["locality"]]
            introducer = rng.choice(same_city if same_city and rng.random() < 0.7 else contacts[:i])
            c["introduced_by"] = introducer["key"]

    lines = [
        "# SPDX-License-Identifier: GPL-3.0-or-later",
        "#",
        "# An invented professional network for demos and screenshots: no real people. Generated",
        "# by build-aux/gen-demo-network.py; edit that script and run it again rather than this file.",
        "# Loaded with tests/tools/reseau-seed (build-aux/dev run --demo, screenshot --demo).",
        "#",
        "# [contact:KEY]  given, family, organization, department, title, locality, region, country,",
        "#                tie (close|regular|weak), introduced_by (another KEY), met_where, met_on,",
        "#                notes; emails, phones, urls: ';'-separated, each optionally 'TYPE:'-prefixed",
        "#                (work, home, mobile, profile, other); interactions: 'kind|YYYY-MM-DD|text'",
        "#                entries (meeting, call, message, note); previous_organization and",
        "#                previous_title with changed_on: the job held before, recorded as history.",
        "# [circle:KEY]   name, kind, color, cadence (keep-in-touch days, optional), emoji (optional),",
        "#                members (contact KEYs).",
        "",
    ]
    for c in contacts:
        lines.append(f"[contact:{c['key']}]")
        for field in FIELD_ORDER:
            value = c.get(field)
            if not value:
                continue
            lines.append(f"{field}={escape_list(value) if field in LIST_FIELDS else escape(value)}")
        lines.append("")
    for key, name, kind, color, members in make_circles(rng, contacts):
        lines += [f"[circle:{key}]", f"name={escape(name)}", f"kind={kind}", f"color={color}"]
        if key in CIRCLE_CADENCES:
            lines.append(f"cadence={CIRCLE_CADENCES[key]}")
        lines += [f"members={escape_list(members)}", ""]

    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print(f"{out_path}: {len(contacts)} contacts")


if __name__ == "__main__":
    main()
