"""Extract stage, domain knowledge: festivals, sections, awards, places, theme words.

Contract: plain constant tables, general knowledge of the film world, nothing about a
particular review. Each festival entry is ``(canonical name, strong aliases, weak
aliases)``: a strong alias names the festival on its own ("Berlinale", "Cannes"); a weak
one is also a city and counts only with an edition year or ordinal ("Venice 2023",
"the 80th Venice").
"""

from __future__ import annotations

FESTIVALS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Cannes Film Festival",
     ("Cannes Film Festival", "Festival de Cannes", "Cannes Festival", "Cannes",
      "Croisette"), ()),
    ("Berlin International Film Festival",
     ("Berlin International Film Festival", "Berlin Film Festival", "Berlinale",
      "Berlin Festival"), ("Berlin",)),
    ("Venice Film Festival",
     ("Venice International Film Festival", "Venice Film Festival", "Mostra de Venise",
      "Venice Festival", "Mostra di Venezia", "Venice Biennale", "Mostra"),
     ("Venice", "Venezia")),
    ("Toronto International Film Festival",
     ("Toronto International Film Festival", "Toronto Film Festival", "TIFF"),
     ("Toronto",)),
    ("Sundance Film Festival", ("Sundance Film Festival", "Sundance"), ()),
    ("Locarno Film Festival",
     ("Locarno International Film Festival", "Locarno Film Festival", "Locarno"), ()),
    ("San Sebastián International Film Festival",
     ("San Sebastián International Film Festival", "San Sebastian International Film "
      "Festival", "San Sebastián Film Festival", "San Sebastian Film Festival",
      "Zinemaldia"), ("San Sebastián", "San Sebastian")),
    ("International Film Festival Rotterdam",
     ("International Film Festival Rotterdam", "Rotterdam Film Festival", "IFFR"),
     ("Rotterdam",)),
    ("Alpe d'Huez International Comedy Film Festival",
     ("Alpe d'Huez International Comedy Film Festival", "Alpe d'Huez Comedy Film "
      "Festival", "Alpe d'Huez Film Festival", "Alpe d'Huez Festival",
      "Festival de l'Alpe d'Huez", "Alpe d'Huez"), ()),
    ("Annecy International Animation Film Festival",
     ("Annecy International Animation Film Festival", "Annecy International Animated "
      "Film Festival", "Annecy Festival", "Annecy Film Festival"), ("Annecy",)),
    ("Tribeca Festival",
     ("Tribeca Film Festival", "Tribeca Festival", "Tribeca"), ()),
    ("South by Southwest", ("South by Southwest", "SXSW"), ()),
    ("Telluride Film Festival", ("Telluride Film Festival", "Telluride"), ()),
    ("New York Film Festival", ("New York Film Festival", "NYFF"), ()),
    ("BFI London Film Festival",
     ("BFI London Film Festival", "London Film Festival", "LFF"), ()),
    ("Karlovy Vary International Film Festival",
     ("Karlovy Vary International Film Festival", "Karlovy Vary Film Festival",
      "Karlovy Vary", "KVIFF"), ()),
    ("Busan International Film Festival",
     ("Busan International Film Festival", "Busan Film Festival", "BIFF"), ("Busan",)),
    ("Clermont-Ferrand International Short Film Festival",
     ("Clermont-Ferrand International Short Film Festival", "Clermont-Ferrand Short "
      "Film Festival", "Clermont-Ferrand Film Festival", "Clermont-Ferrand"), ()),
    ("Deauville American Film Festival",
     ("Deauville American Film Festival", "Deauville Film Festival",
      "Festival du cinéma américain de Deauville"), ("Deauville",)),
    ("Angoulême Francophone Film Festival",
     ("Angoulême Francophone Film Festival", "Festival du film francophone "
      "d'Angoulême", "Angoulême Film Festival"), ("Angoulême", "Angouleme")),
    ("Fantastic Fest", ("Fantastic Fest",), ()),
    ("Sitges Film Festival", ("Sitges Film Festival", "Sitges"), ()),
    ("Tallinn Black Nights Film Festival",
     ("Tallinn Black Nights Film Festival", "Black Nights Film Festival", "PÖFF"), ()),
    ("Sarajevo Film Festival", ("Sarajevo Film Festival",), ("Sarajevo",)),
    ("Thessaloniki International Film Festival",
     ("Thessaloniki International Film Festival", "Thessaloniki Film Festival"),
     ("Thessaloniki",)),
    ("Tokyo International Film Festival",
     ("Tokyo International Film Festival", "Tokyo Film Festival"), ()),
    ("Hot Docs",
     ("Hot Docs Canadian International Documentary Festival", "Hot Docs"), ()),
    ("International Documentary Film Festival Amsterdam",
     ("International Documentary Film Festival Amsterdam", "IDFA"), ()),
    ("CPH:DOX", ("CPH:DOX",), ()),
    ("Palm Springs International Film Festival",
     ("Palm Springs International Film Festival", "Palm Springs Film Festival"), ()),
    ("AFI Fest", ("AFI Fest", "AFI FEST"), ()),
    ("Fantasia International Film Festival",
     ("Fantasia International Film Festival", "Fantasia Film Festival",
      "Fantasia Fest"),
     ()),
    ("Edinburgh International Film Festival",
     ("Edinburgh International Film Festival", "Edinburgh Film Festival"), ()),
    ("Marrakech International Film Festival",
     ("Marrakech International Film Festival", "Marrakech Film Festival"), ()),
    ("Red Sea International Film Festival",
     ("Red Sea International Film Festival", "Red Sea Film Festival"), ()),
    ("Shanghai International Film Festival",
     ("Shanghai International Film Festival", "Shanghai Film Festival"), ()),
    ("Gérardmer International Fantastic Film Festival",
     ("Gérardmer International Fantastic Film Festival", "Gérardmer Film Festival",
      "Gérardmer"), ()),
    ("Lumière Festival", ("Lumière Festival", "Festival Lumière"), ()),
    ("Les Arcs Film Festival", ("Les Arcs Film Festival",), ()),
    ("Premiers Plans Festival", ("Premiers Plans Festival", "Premiers Plans"), ()),
    ("Mar del Plata International Film Festival",
     ("Mar del Plata International Film Festival", "Mar del Plata Film Festival"), ()),
    ("Raindance Film Festival", ("Raindance Film Festival", "Raindance"), ()),
)  # fmt: skip

#: Edition year = base + ordinal, for the editions held from ``since`` on: festival ->
#: (base, since). Before ``since`` a festival skipped years or changed its rhythm, so
#: an older ordinal gives no year (the 3rd Cannes was 1949, the 33rd Venice 1972).
ORDINAL_BASE: dict[str, tuple[int, int]] = {
    "Cannes Film Festival": (1947, 1952),
    "Berlin International Film Festival": (1950, 1951),
    "Venice Film Festival": (1943, 1980),
    "Locarno Film Festival": (1947, 1980),
    "Toronto International Film Festival": (1975, 1976),
    "Karlovy Vary International Film Festival": (1966, 2000),
    "San Sebastián International Film Festival": (1952, 1953),
}

#: Section names (as written in reviews) -> the label we store.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("out of competition", "out of competition"),
    ("hors compétition", "out of competition"),
    ("main competition", "competition"),
    ("official competition", "competition"),
    ("international competition", "competition"),
    ("in competition", "competition"),
    ("in the competition", "competition"),
    ("en compétition", "competition"),
    ("competition", "competition"),
    ("Un Certain Regard", "Un Certain Regard"),
    ("Directors' Fortnight", "Directors' Fortnight"),
    ("Quinzaine des réalisateurs", "Directors' Fortnight"),
    ("Quinzaine des cinéastes", "Directors' Fortnight"),
    ("Critics' Week", "Critics' Week"),
    ("Semaine de la critique", "Critics' Week"),
    ("Cannes Premiere", "Cannes Premiere"),
    ("Midnight Screenings", "Midnight Screenings"),
    ("Special Screenings", "Special Screenings"),
    ("Panorama", "Panorama"),
    ("Berlinale Special", "Berlinale Special"),
    ("Encounters", "Encounters"),
    ("Generation Kplus", "Generation"),
    ("Generation 14plus", "Generation"),
    ("Forum", "Forum"),
    ("Orizzonti", "Orizzonti"),
    ("Horizons", "Orizzonti"),
    ("Venice Days", "Venice Days"),
    ("Giornate degli Autori", "Venice Days"),
    ("Special Presentations", "Special Presentations"),
    ("Gala Presentations", "Gala Presentations"),
    ("Midnight Madness", "Midnight Madness"),
    ("Contemporary World Cinema", "Contemporary World Cinema"),
    ("Wavelengths", "Wavelengths"),
    ("Discovery", "Discovery"),
    ("Platform", "Platform"),
    ("Piazza Grande", "Piazza Grande"),
    ("Cineasti del presente", "Cineasti del presente"),
    ("World Cinema Dramatic Competition", "World Cinema Dramatic Competition"),
    ("World Cinema Documentary Competition", "World Cinema Documentary Competition"),
    ("U.S. Dramatic Competition", "U.S. Dramatic Competition"),
    ("U.S. Documentary Competition", "U.S. Documentary Competition"),
    ("Tiger Competition", "Tiger Competition"),
    ("Bright Future", "Bright Future"),
    ("New Directors", "New Directors"),
    ("Zabaltegi", "Zabaltegi"),
)

#: Prizes, canonical spelling first; matched case-insensitively.
AWARDS: tuple[str, ...] = (
    "Palme d'Or", "Grand Prix", "Jury Prize", "Caméra d'Or", "Queer Palm",
    "Best Director", "Best Actress", "Best Actor", "Best Screenplay",
    "Golden Bear", "Silver Bear Grand Jury Prize", "Silver Bear", "Golden Lion",
    "Silver Lion", "Grand Jury Prize", "Volpi Cup", "People's Choice Award",
    "Audience Award", "Golden Leopard", "Golden Shell", "Silver Shell", "Tiger Award",
    "Crystal Globe", "Grand Prize", "Special Jury Prize", "FIPRESCI Prize",
    "Jury Grand Prize", "Prix du public", "Grand Prix du Jury", "Cristal",
    "Lion d'Or", "Ours d'Or", "Leopard d'Or", "Best Film", "Best Picture",
)  # fmt: skip

#: Prizes that only one festival gives: "Palme d'Or 2023" names a Cannes edition.
AWARD_FESTIVALS: dict[str, str] = {
    "Palme d'Or": "Cannes Film Festival",
    "Caméra d'Or": "Cannes Film Festival",
    "Golden Bear": "Berlin International Film Festival",
    "Ours d'Or": "Berlin International Film Festival",
    "Golden Lion": "Venice Film Festival",
    "Lion d'Or": "Venice Film Festival",
    "Volpi Cup": "Venice Film Festival",
    "Golden Leopard": "Locarno Film Festival",
    "Leopard d'Or": "Locarno Film Festival",
    "Golden Shell": "San Sebastián International Film Festival",
}

#: Countries and regions (for settings and "within"): a place, never a person.
REGIONS: frozenset[str] = frozenset(
    """France Brittany Normandy Provence Alsace Burgundy Corsica Auvergne Occitanie
    Dordogne Savoie Picardy Lorraine Champagne Aquitaine Gascony Vendée Ardennes
    Jura Paris Marseille Lyon Lille Bordeaux Toulouse Nantes Nice Brest Rennes
    Italy Sicily Sardinia Tuscany Naples Rome Milan Calabria Apulia Puglia Umbria
    Venice Lombardy Piedmont Spain Catalonia Andalusia Galicia Madrid Barcelona
    Portugal Lisbon Germany Bavaria Berlin Hamburg Munich Austria Vienna Switzerland
    Belgium Brussels Netherlands Amsterdam Denmark Copenhagen Sweden Stockholm Norway
    Oslo Finland Iceland Ireland Dublin Scotland Wales England London Yorkshire
    Manchester Liverpool Glasgow Britain Poland Warsaw Ukraine Kyiv Kiev Russia Moscow
    Siberia Georgia Armenia Turkey Istanbul Anatolia Greece Athens Romania Bulgaria
    Hungary Budapest Czechia Prague Serbia Bosnia Croatia Slovenia Kosovo Albania
    Iran Tehran Iraq Syria Lebanon Beirut Israel Jerusalem Palestine Gaza Jordan
    Egypt Cairo Morocco Algeria Algiers Tunisia Libya Senegal Mali Nigeria Ghana Kenya
    Ethiopia Somalia Sudan Congo Rwanda Uganda Tanzania Zimbabwe Cameroon Chad
    Afghanistan Pakistan India Mumbai Bombay Delhi Kolkata Kerala Bengal Punjab Nepal
    Bangladesh Tibet China Beijing Shanghai Taiwan Taipei Japan Tokyo Osaka Hokkaido
    Korea Seoul Mongolia Vietnam Saigon Hanoi Cambodia Thailand Bangkok Laos Myanmar
    Burma Indonesia Java Bali Philippines Manila Malaysia Singapore Australia Sydney
    Melbourne Outback Zealand Canada Quebec Québec Montreal Toronto Vancouver Ontario
    Alberta Alaska Texas California Florida Louisiana Mississippi Alabama Georgia
    Tennessee Kentucky Ohio Michigan Detroit Chicago Illinois Montana Wyoming Idaho
    Oklahoma Kansas Nebraska Iowa Minnesota Wisconsin Arizona Nevada Utah Colorado
    Oregon Washington Brooklyn Manhattan Harlem Bronx Queens Boston Philadelphia
    Baltimore Appalachia Virginia Carolina Maine Vermont Hawaii Mexico Cuba Havana
    Haiti Jamaica Guatemala Honduras Nicaragua Panama Colombia Bogotá Venezuela
    Ecuador Peru Lima Bolivia Chile Santiago Argentina Patagonia Uruguay Paraguay
    Brazil Amazon Amazonia Rio""".split()
) | frozenset(
    ("New York", "Los Angeles", "San Francisco", "New Orleans", "New Mexico",
     "New Jersey", "North Carolina", "South Carolina", "West Virginia", "South Dakota",
     "North Dakota", "Rhode Island", "New Zealand", "South Africa", "South Korea",
     "North Korea", "Saudi Arabia", "Hong Kong", "Sri Lanka", "Buenos Aires",
     "Rio de Janeiro", "São Paulo", "Mexico City", "Northern Ireland", "Great Britain",
     "United Kingdom", "United States", "Basque Country", "Côte d'Azur",
     "French Riviera", "Loire Valley", "Massif Central", "Pays de la Loire",
     "Île-de-France", "Hauts-de-France", "Nouvelle-Aquitaine", "West Bank",
     "Middle East", "Latin America", "Ivory Coast", "Côte d'Ivoire", "Bosnia and "
     "Herzegovina", "Czech Republic", "Las Vegas", "East Berlin", "West Berlin")
)  # fmt: skip

#: Adjectives of nationality -> the country a setting is in ("a Turkish resort").
DEMONYMS: dict[str, str] = {
    "Turkish": "Turkey", "Irish": "Ireland", "French": "France", "Italian": "Italy",
    "Spanish": "Spain", "German": "Germany", "Japanese": "Japan", "Korean": "Korea",
    "Greek": "Greece", "Mexican": "Mexico", "Danish": "Denmark",
    "Norwegian": "Norway", "Swedish": "Sweden", "Finnish": "Finland",
    "Polish": "Poland", "Portuguese": "Portugal", "Scottish": "Scotland",
    "Welsh": "Wales", "English": "England", "Chinese": "China", "Indian": "India",
    "Iranian": "Iran", "Brazilian": "Brazil", "Icelandic": "Iceland",
    "Belgian": "Belgium", "Dutch": "Netherlands", "Swiss": "Switzerland",
    "Austrian": "Austria", "Russian": "Russia", "Ukrainian": "Ukraine",
    "Romanian": "Romania", "Hungarian": "Hungary", "Moroccan": "Morocco",
    "Algerian": "Algeria", "Tunisian": "Tunisia", "Egyptian": "Egypt",
    "Lebanese": "Lebanon", "Israeli": "Israel", "Argentine": "Argentina",
    "Chilean": "Chile", "Colombian": "Colombia", "Cuban": "Cuba",
    "Australian": "Australia", "Canadian": "Canada", "Senegalese": "Senegal",
    "Nigerian": "Nigeria", "Thai": "Thailand", "Vietnamese": "Vietnam",
}  # fmt: skip

#: Nouns that are themes wherever they occur (specific social and human subjects).
THEME_NOUNS: frozenset[str] = frozenset(
    """illiteracy desertification depopulation gentrification deindustrialisation
    deindustrialization unemployment homelessness poverty alcoholism addiction
    euthanasia dementia alzheimer's racism xenophobia antisemitism homophobia
    transphobia misogyny sexism patriarchy colonialism colonization colonisation
    decolonisation immigration emigration exile displacement gerrymandering
    radicalisation radicalization terrorism fundamentalism extremism authoritarianism
    totalitarianism dictatorship censorship surveillance corruption inequality
    exploitation bullying harassment incest grief mourning bereavement loneliness
    solitude infertility motherhood fatherhood parenthood adolescence puberty
    masculinity femininity feminism consumerism capitalism globalisation
    globalization climate deforestation pollution overtourism urbanisation
    urbanization secularism trauma ptsd depression anorexia suicide divorce abortion
    gambling debt inheritance obsession smuggling segregation adoption migration
    asylum restitution deportation genocide slavery infidelity adultery aids hiv
    cancer disability deafness blindness mutation kidnapping trafficking
    prostitution refugees poetry architecture aviation féminicide avortement
    immigration handicap exil vengeance trahison amitié""".split()
)  # fmt: skip

#: Head nouns that make "X of Y" a theme ("closure of a school", "death of a town").
THEME_HEADS: frozenset[str] = frozenset(
    "closure decline disappearance death collapse loss end decay abandonment".split()
)

#: Broad themes: counted when a review uses the word at least twice or after a cue.
GENERAL_THEMES: frozenset[str] = frozenset(
    """marriage friendship love grief family death mortality memory identity faith
    guilt loneliness revenge vengeance betrayal violence war childhood motherhood
    truth justice freedom survival trust illness
    deafness greed ambition desire jealousy fame exile belonging immigration poverty
    racism colonialism religion sex sexuality ageing aging youth parenthood
    fatherhood masculinity womanhood patriarchy capitalism corruption trauma
    amitié amour handicap deuil famille mémoire vengeance trahison prison
    liberté exil enfance vieillesse mort""".split()
)
