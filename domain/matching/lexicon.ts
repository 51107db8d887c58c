/**
 * Word lists for entity resolution in Finnish / Swedish / English names. Entries are written naturally
 * (with ä, ö, å); normalise.ts folds them at load time, so lookups are diacritics-insensitive.
 *
 * These are closed, slowly changing classes of words (legal forms, kinds of organisation, bilingual place
 * names, compass words), not a list of the organisations in any data set.
 */

/**
 * Legal forms: removed from names before comparison (they say how an organisation is registered, not
 * which one it is). Recognised only as the first or last words of a name, so "As" or "Ab" inside a name
 * stays. Dotted spellings ("r.y.", "s.r.") are joined before lookup. Multi-word forms come first.
 */
export const LEGAL_FORMS: readonly string[] = [
  'asunto oy',
  'kiinteistö oy',
  'as oy',
  'koy',
  'oy ab',
  'oyj abp',
  'osakeyhtiö',
  'julkinen osakeyhtiö',
  'oy',
  'oyj',
  'ab',
  'abp',
  'aktiebolag',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'llc',
  'plc',
  'corp',
  'corporation',
  'gmbh',
  'ag',
  'asa',
  'a/s',
  'aps',
  'bv',
  'nv',
  'ry',
  'rf',
  'rekisteröity yhdistys',
  'registrerad förening',
  'sr',
  'osk',
  'osuuskunta',
  'andelslag',
  'ky',
  'kommandiittiyhtiö',
  'kb',
  'kommanditbolag',
  'ay',
  'avoin yhtiö',
  'hb',
  'handelsbolag',
  'tmi',
  'toiminimi',
  'ek',
  'ekonomisk förening',
];

/**
 * Kinds of organisation. A word or phrase maps to a concept; two names with the same concept in
 * different languages ("yliopisto" / "universitet" / "university") are translations of each other, and
 * two names with different, unrelated concepts ("yliopisto" vs "ammattiopisto") are different
 * organisations however similar the rest is.
 *
 * Choice on municipalities: "kaupunki", "kunta", "stad", "kommun", "city", "municipality" are a concept
 * (CITY), not a legal suffix. "Kokkolan kaupunki" is the city organisation; "Kokkola" is the place (a City
 * node, another entity type, never matched against an Organisation). Between two organisation records,
 * "Kokkola" vs "Kokkolan kaupunki" is a likely but not certain duplicate (score ~0.85): one name lacks the
 * descriptor. Finnish towns and municipalities are the same kind of body, so kaupunki ~ kunta ~ kommun.
 */
export const CONCEPTS: Readonly<Record<string, { label: string; words: readonly string[] }>> = {
  UNIVERSITY: { label: 'university', words: ['yliopisto', 'universitet', 'universitetet', 'university', 'universität'] },
  UAS: {
    label: 'university of applied sciences',
    words: ['ammattikorkeakoulu', 'amk', 'yrkeshögskola', 'yrkeshögskolan', 'university of applied sciences', 'polytechnic'],
  },
  HIGHER_ED: { label: 'higher-education institution', words: ['korkeakoulu', 'högskola', 'högskolan'] },
  VOCATIONAL: {
    label: 'vocational college',
    words: [
      'ammattiopisto',
      'ammattikoulu',
      'ammatillinen oppilaitos',
      'vocational college',
      'vocational school',
      'vocational institute',
      'yrkesinstitut',
      'yrkesinstitutet',
      'yrkesskola',
      'yrkesskolan',
    ],
  },
  EDU_FEDERATION: {
    label: 'education federation',
    words: ['koulutusyhtymä', 'koulutuskuntayhtymä', 'federation of education', 'education consortium', 'utbildningssamkommun'],
  },
  JOINT_AUTHORITY: {
    label: 'joint municipal authority',
    words: ['kuntayhtymä', 'samkommun', 'samkommunen', 'joint municipal authority', 'joint authority'],
  },
  UNIV_CENTRE: {
    label: 'university centre',
    words: [
      'yliopistokeskus',
      'universitetscenter',
      'universitetscentret',
      'university consortium',
      'university centre',
      'university center',
    ],
  },
  COUNCIL: {
    label: 'regional council',
    words: [
      'maakuntaliitto',
      'liitto',
      'liiton',
      'förbund',
      'förbundet',
      'landskapsförbund',
      'landskapsförbundet',
      'regional council',
      'council',
    ],
  },
  CITY: {
    label: 'city or municipality',
    words: ['kaupunki', 'kaupungin', 'kunta', 'kunnan', 'stad', 'staden', 'kommun', 'kommunen', 'city', 'town', 'municipality'],
  },
  RESEARCH: {
    label: 'research institute',
    words: [
      'tutkimuskeskus',
      'tutkimuslaitos',
      'instituutti',
      'research institute',
      'research centre',
      'research center',
      'institute',
      'institut',
      'institutet',
      'forskningsinstitut',
      'forskningscentral',
    ],
  },
  DEV_COMPANY: {
    label: 'development company',
    words: ['kehitysyhtiö', 'kehittämisyhtiö', 'elinkeinoyhtiö', 'development company', 'utvecklingsbolag', 'utvecklingsbolaget'],
  },
  FUND: { label: 'fund', words: ['rahasto', 'fund', 'fond', 'fonden'] },
  FOUNDATION: { label: 'foundation', words: ['säätiö', 'stiftelse', 'stiftelsen', 'foundation'] },
  ASSOCIATION: { label: 'association', words: ['yhdistys', 'yhdistyksen', 'förening', 'föreningen', 'association'] },
  CHAMBER: {
    label: 'chamber of commerce',
    words: ['kauppakamari', 'handelskammare', 'handelskammaren', 'chamber of commerce'],
  },
  HEALTH: {
    label: 'health district or wellbeing county',
    words: ['sairaanhoitopiiri', 'hyvinvointialue', 'välfärdsområde', 'välfärdsområdet', 'hospital district', 'wellbeing services county'],
  },
  ELY: {
    label: 'ELY centre',
    words: ['ely keskus', 'elykeskus', 'ely centre', 'ntm centralen', 'elinkeino liikenne ja ympäristökeskus'],
  },
  CLUSTER: { label: 'cluster', words: ['klusteri', 'cluster', 'kluster'] },
  SCHOOL: { label: 'school', words: ['koulu', 'lukio', 'skola', 'skolan', 'school', 'gymnasium'] },
};

/** Concept pairs that are different words for overlapping kinds of body: a soft difference, not a conflict. */
export const RELATED_CONCEPTS: ReadonlyArray<readonly [string, string]> = [
  ['VOCATIONAL', 'EDU_FEDERATION'],
  ['EDU_FEDERATION', 'JOINT_AUTHORITY'],
  ['HIGHER_ED', 'UNIVERSITY'],
  ['HIGHER_ED', 'UAS'],
  ['FUND', 'FOUNDATION'],
  ['SCHOOL', 'VOCATIONAL'],
];

/**
 * Compound heads that carry a concept inside one Finnish/Swedish word: "Satakuntaliitto" is
 * "Satakunta" + "liitto". Only split when the rest is at least four letters.
 */
export const CONCEPT_HEADS: readonly string[] = [
  'ammattikorkeakoulu',
  'yliopistokeskus',
  'ammattiopisto',
  'koulutusyhtymä',
  'kuntayhtymä',
  'kauppakamari',
  'tutkimuskeskus',
  'tutkimuslaitos',
  'kehitysyhtiö',
  'yliopisto',
  'liitto',
  'säätiö',
  'yhdistys',
  'rahasto',
  'kaupunki',
  'institutet',
  'institut',
  'förbund',
  'universitet',
];

/**
 * Bilingual and English place names, canonical (Finnish) form first. Irregular Finnish genitives are
 * listed because the regular rule (drop a final -n after a vowel) does not recover them
 * ("Turun" -> "Turku", "Satakunnan" -> "Satakunta"). Multi-word names map to several canonical words.
 */
export const PLACES: ReadonlyArray<readonly string[]> = [
  ['suomi', 'suomen', 'finland', 'finlands', 'finnish'],
  ['ruotsi', 'sverige', 'sweden', 'swedish', 'sveriges'],
  ['norja', 'norge', 'norway'],
  ['helsinki', 'helsingin', 'helsingfors'],
  ['espoo', 'esbo'],
  ['vantaa', 'vanda'],
  ['turku', 'turun', 'åbo'],
  ['tampere', 'tampereen', 'tammerfors'],
  ['oulu', 'uleåborg'],
  ['kokkola', 'karleby'],
  ['vaasa', 'vasa'],
  ['pori', 'björneborg'],
  ['lappeenranta', 'lappeenrannan', 'villmanstrand'],
  ['tornio', 'torneå'],
  ['rovaniemi', 'rovaniemen'],
  ['pietarsaari', 'pietarsaaren', 'jakobstad'],
  ['uusikaarlepyy', 'uudenkaarlepyyn', 'nykarleby'],
  ['kristiinankaupunki', 'kristiinankaupungin', 'kristinestad'],
  ['raahe', 'brahestad'],
  ['hämeenlinna', 'tavastehus'],
  ['porvoo', 'borgå'],
  ['lahti', 'lahden', 'lahtis'],
  ['mikkeli', 'sankt michel', 's:t michel'],
  ['savonlinna', 'nyslott'],
  ['kajaani', 'kajana'],
  ['rauma', 'raumo'],
  ['hanko', 'hangon', 'hangö'],
  ['loviisa', 'lovisa'],
  ['kauniainen', 'kauniaisten', 'grankulla'],
  ['kerava', 'kervo'],
  ['järvenpää', 'träskända'],
  ['naantali', 'nådendal'],
  ['uusikaupunki', 'uudenkaupungin', 'nystad'],
  ['tammisaari', 'tammisaaren', 'ekenäs'],
  ['kaskinen', 'kaskisten', 'kaskö'],
  ['seinäjoki', 'seinäjoen'],
  ['kemi'],
  ['jyväskylä'],
  ['kuopio'],
  ['joensuu'],
  ['skellefteå', 'skellefteån'],
  ['västerbotten', 'länsipohja'],
  ['norrbotten', 'norrbottens', 'pohjanpohja'],
  ['uumaja', 'umeå'],
  ['luulaja', 'luleå'],
  ['tukholma', 'tukholman', 'stockholm'],
  ['pirkanmaa', 'birkaland'],
  ['pohjanmaa', 'österbotten', 'ostrobothnia'],
  ['satakunta', 'satakunnan', 'satakunda'],
  ['lappi', 'lapin', 'lappland', 'lapland'],
  ['uusimaa', 'uudenmaan', 'nyland'],
  ['häme', 'hämeen', 'tavastland'],
  ['savo', 'savolax'],
  ['karjala', 'karelen', 'karelia'],
  ['kainuu', 'kajanaland'],
  ['ahvenanmaa', 'åland'],
  ['varsinais suomi', 'varsinais suomen', 'egentliga finland', 'southwest finland', 'finland proper'],
];

/** Compass words in names of regions ("Pohjois-Pohjanmaa", "Norra Österbotten", "North Ostrobothnia"). */
export const DIRECTIONS: ReadonlyArray<readonly string[]> = [
  ['pohjois', 'north', 'northern', 'norra'],
  ['etelä', 'south', 'southern', 'södra'],
  ['itä', 'east', 'eastern', 'östra'],
  ['länsi', 'west', 'western', 'västra'],
  ['keski', 'central', 'mellersta'],
  ['lounais', 'southwest', 'sydvästra'],
];

/** Words that only glue a name together. */
export const STOPWORDS: readonly string[] = [
  'of',
  'the',
  'and',
  'for',
  'in',
  'at',
  'on',
  'ja',
  'sekä',
  'och',
  'i',
  'för',
  'av',
  'på',
  'de',
];

/** Common words that say little about which organisation is meant: they count, but weakly. */
export const GENERIC_WORDS: readonly string[] = [
  'seutu',
  'seudun',
  'alue',
  'region',
  'regionen',
  'group',
  'konserni',
  'koncern',
  'holding',
  'palvelu',
  'palvelut',
  'services',
  'service',
  'tjänster',
  'solutions',
  'international',
  'nordic',
  'global',
  'company',
  'yhtiö',
  'bolag',
  'partners',
  'keskus',
  'centre',
  'center',
  'european',
  'euroopan',
];

/**
 * Parts of Finnish compounds, for acronyms built from initials of compound parts:
 * "Oulun seudun ammattiopisto" -> Oulun Seudun Ammatti-Opisto -> OSAO.
 */
export const ACRONYM_PARTS: readonly string[] = [
  'korkeakoulu',
  'yliopisto',
  'opisto',
  'koulu',
  'keskus',
  'rahasto',
  'yhtymä',
  'liitto',
  'laitos',
  'kehitys',
  'yhdistys',
  'säätiö',
  'virasto',
  'palvelut',
  'palvelu',
  'teollisuus',
  'tekniikka',
  'kamari',
  'vara',
  'talous',
  'yhtiö',
  'kunta',
  'ammatti',
  'tutkimus',
  'alue',
  'koulutus',
  'instituutti',
];

/** Standard abbreviations of whole words used inside acronyms ("Oulun ammattikorkeakoulu" -> OAMK). */
export const WORD_ABBREVIATIONS: Readonly<Record<string, string>> = { ammattikorkeakoulu: 'amk' };

/** Titles and honorifics dropped from people's names. */
export const HONORIFICS: readonly string[] = [
  'dr',
  'tri',
  'prof',
  'professori',
  'professor',
  'mr',
  'mrs',
  'ms',
  'miss',
  'herr',
  'fru',
  'rouva',
  'herra',
  'phd',
  'fil',
  'ft',
  'di',
  'ktm',
  'dos',
  'emeritus',
];

/** E-mail domains shared by unrelated people and organisations: never evidence of identity. */
export const SHARED_MAIL_DOMAINS: readonly string[] = [
  'gmail.com',
  'googlemail.com',
  'hotmail.com',
  'hotmail.fi',
  'outlook.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'protonmail.com',
  'proton.me',
  'luukku.com',
  'suomi24.fi',
  'kolumbus.fi',
  'welho.com',
  'elisanet.fi',
  'saunalahti.fi',
  'telia.com',
  'example.com',
];

/** Web hosts that carry many unrelated organisations' pages: a shared host is not a shared website. */
export const SHARED_WEB_HOSTS: readonly string[] = [
  'facebook.com',
  'linkedin.com',
  'instagram.com',
  'x.com',
  'twitter.com',
  'youtube.com',
  'google.com',
  'blogspot.com',
  'wordpress.com',
  'wixsite.com',
  'github.io',
  'sites.google.com',
  'yritykset.fi',
  'finder.fi',
  'ytj.fi',
];

/** Public suffixes with two labels (the registrable domain is then three labels). Enough for Nordic use. */
export const TWO_LABEL_SUFFIXES: readonly string[] = [
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'com.au',
  'org.au',
  'co.nz',
  'co.jp',
  'com.br',
  'co.za',
  'com.cn',
  'ac.at',
  'or.at',
  'co.at',
  'ac.se',
  'pp.se',
  'gov.fi',
  'priv.no',
  'blogspot.com',
  'github.io',
];

/**
 * Common given names in Finland (Finnish and Swedish), for telling a typo from another name: "Sanna" and
 * "Hanna" are both names, so they are different people's names; "Tqpio" is no name, so it is a typo of
 * "Tapio". Not exhaustive: names not listed fall back to length rules.
 */
export const GIVEN_NAMES: readonly string[] = `
Juha Timo Matti Kari Mikko Jari Antti Jukka Mika Markku Pekka Hannu Heikki Seppo Janne Ari Sami Petri Ville Marko Jani
Tuomas Jussi Lauri Teemu Jouni Esa Pentti Veikko Erkki Risto Kalle Pasi Tommi Tero Jarmo Harri Kimmo Eero Raimo Olli Tapio
Kai Jaakko Joni Toni Juho Aleksi Eetu Joonas Niko Jesse Arttu Henri Jyrki Reijo Arto Vesa Kalevi Ilkka Jorma Martti Mauri
Pertti Rauno Sakari Simo Taisto Unto Väinö Aki Elias Onni Eino Leo Oliver Oskari Aarne Atte Henrik Johan Björn Mats Lars
Anders Erik Karl Peter Mikael Daniel David Samuel Emil Otto Akseli Valtteri Veeti Rasmus Patrik Robert Tomas Stefan Jonas
Fredrik Magnus Nils Per Sven Kristian Christian Markus Lasse Jarkko Jarno Juuso Kristo Mikael Paavo Pauli Petteri Sauli
Tuomo Urho Voitto Yrjö Hans Gustav Axel Oscar Viktor Anton Jan Jon Kim Mathias Tobias Benjamin Jere Miro Roni Santeri
Anna Maria Tiina Sari Päivi Minna Johanna Marja Leena Riitta Anne Satu Hanna Sanna Kirsi Katja Elina Anu Heidi Tuula
Pirjo Merja Eeva Mari Outi Marjo Jaana Tarja Helena Liisa Kaisa Laura Riikka Susanna Niina Jenni Sini Emmi Aino Ella Emma
Sofia Aada Venla Iida Elli Helmi Lotta Saara Noora Hilkka Irma Raija Ritva Aila Eila Terttu Sirkka Marjatta Kaarina Annikki
Kristiina Tuija Seija Sirpa Paula Piia Pia Heli Heini Henna Jonna Milla Mira Nina Tanja Terhi Ulla Virpi Katariina Kati Kaija
Karin Åsa Ingrid Maja Ebba Linnea Elsa Ida Julia Sara Ronja Oona Inka Essi Elisa Veera Krista Tiia Hilla Jutta Maarit Minttu
Taru Anni Annika Eveliina Hanne Jenna Kaisu Katri Kirsti Leila Maija Marika Marita Mervi Mirja Mirva Nea Pauliina Petra
Raisa Reetta Saija Salla Sanni Senja Silja Sonja Suvi Taina Tuulia Tytti Vilma Eija Erja Hely Inkeri Irja Kerttu Lea Lilja
Maire Oili Orvokki Sinikka Tellervo Vappu Vuokko Karoliina Camilla Kristina Catharina Margareta Birgitta Ulrika Jessica
`
  .split(/\s+/)
  .filter(Boolean);
