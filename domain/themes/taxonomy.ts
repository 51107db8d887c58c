/**
 * The theme taxonomy of the battery and circular-economy value chain: a tree (one parent per theme) with
 * names and synonyms in Finnish, Swedish and English. It extends the demo network: every theme the demo
 * seeds (scripts/seed/demo-network.ts) keeps its id, names, kind and parent here, and the new themes hang
 * under them or under a few new roots. `taxonomySeedNodes` / `taxonomySeedRelationships` give it as seed
 * data (Theme nodes and PART_OF child → parent links, with the demo's relationship ids, so seeding both
 * is idempotent).
 *
 * Synonyms are written in base form; the matcher stems and splits compounds, so "akkujen kierrätys"
 * also finds "akkujen kierrätykseen" and "akkukierrätyksen". Organisation types ("yliopisto",
 * "ammattikorkeakoulu") are deliberately not synonyms: they name partners, not what a project works on.
 */
import type { z } from 'zod';
import type { ThemeSchema } from '../entities';
import type { RelationshipType } from '../relationships';

export interface ThemeEntry {
  id: string;
  /** Finnish name (the node's `name`). */
  name: string;
  nameEn: string;
  nameSv: string;
  parent?: string;
  kind: 'topic' | 'skill';
  synonyms: { fi: string[]; sv: string[]; en: string[] };
}

/** Compact rows: [id, parent, kind, [fi name, en name, sv name], fi synonyms, en synonyms, sv synonyms]. */
type Row = [string, string | null, 'topic' | 'skill', [string, string, string], string[], string[], string[]];

// prettier-ignore
const ROWS: Row[] = [
  // --- Mineral raw materials ------------------------------------------------------------------------
  ['theme-raw-materials', null, 'topic', ['Mineraaliset raaka-aineet', 'Mineral raw materials', 'Mineraliska råvaror'],
    ['akkuraaka-aineet', 'akkumineraalit', 'raaka-ainetuotanto', 'raaka-aineiden saatavuus'],
    ['battery raw materials', 'battery minerals', 'raw material supply'],
    ['batteriråvaror', 'batterimineral', 'råvaruförsörjning']],
  ['theme-mining', 'theme-raw-materials', 'topic', ['Kaivannaisala', 'Mining', 'Gruvnäring'],
    ['kaivostoiminta', 'kaivosteollisuus', 'kaivos', 'kaivannaistoiminta', 'kaivannaisteollisuus', 'kaivannaisyritys', 'kaivosyhtiö'],
    ['mining', 'mining industry', 'mine', 'extractive industry', 'mining company'],
    ['gruvindustri', 'gruvdrift', 'gruva', 'gruvbolag']],
  ['theme-exploration', 'theme-mining', 'topic', ['Malminetsintä', 'Mineral exploration', 'Malmprospektering'],
    ['malminetsintä', 'mineraalietsintä', 'kairaus', 'malmiesiintymä', 'geologinen kartoitus'],
    ['mineral exploration', 'ore exploration', 'prospecting', 'drilling campaign', 'ore deposit'],
    ['prospektering', 'malmletning', 'mineralprospektering', 'malmfyndighet']],
  ['theme-mineral-processing', 'theme-mining', 'topic', ['Rikastus', 'Mineral processing', 'Anrikning'],
    ['malmin rikastus', 'rikastamo', 'mineraalitekniikka', 'vaahdotus'],
    ['mineral processing', 'ore beneficiation', 'beneficiation', 'concentrator', 'flotation'],
    ['anrikningsverk', 'mineralteknik', 'flotation']],
  ['theme-critical-minerals', 'theme-raw-materials', 'topic', ['Kriittiset mineraalit', 'Critical minerals', 'Kritiska mineraler'],
    ['kriittiset raaka-aineet', 'kriittiset metallit', 'strategiset mineraalit'],
    ['critical raw materials', 'critical metals', 'strategic minerals'],
    ['kritiska råvaror', 'kritiska metaller']],
  ['theme-lithium', 'theme-critical-minerals', 'topic', ['Litium', 'Lithium', 'Litium'],
    ['litiumesiintymä', 'litiumkaivos', 'spodumeeni', 'litiummalmi'],
    ['lithium deposit', 'lithium mine', 'spodumene', 'lithium ore'],
    ['litiumfyndighet', 'litiumgruva', 'spodumen']],
  ['theme-graphite', 'theme-critical-minerals', 'topic', ['Grafiitti', 'Graphite', 'Grafit'],
    ['grafiittiesiintymä', 'luonnongrafiitti', 'synteettinen grafiitti'],
    ['natural graphite', 'synthetic graphite', 'graphite deposit'],
    ['naturgrafit', 'grafitfyndighet']],
  ['theme-rare-earths', 'theme-critical-minerals', 'topic', ['Harvinaiset maametallit', 'Rare earth elements', 'Sällsynta jordartsmetaller'],
    ['maametallit', 'harvinaiset maametallit'],
    ['rare earths', 'rare earth metals', 'rare earth elements'],
    ['sällsynta jordarter', 'jordartsmetaller']],
  ['theme-technology-metals', 'theme-raw-materials', 'topic', ['Teknologiametallit', 'Technology metals', 'Teknikmetaller'],
    ['teknologiametalli', 'teknologiametalliklusteri', 'metalliteollisuus', 'metalliklusteri'],
    ['technology metals', 'tech metals', 'metals industry', 'metal cluster'],
    ['teknikmetaller', 'metallindustri', 'metallkluster']],
  ['theme-metal-refining', 'theme-technology-metals', 'topic', ['Metallien jalostus', 'Metal refining', 'Metallförädling'],
    ['metallinjalostus', 'metallurgia', 'metallurginen teollisuus', 'sulatto', 'jalostamo'],
    ['metallurgy', 'metallurgical industry', 'smelter', 'smelting', 'refinery'],
    ['metallurgi', 'smältverk', 'raffinaderi']],
  ['theme-copper-refining', 'theme-metal-refining', 'topic', ['Kuparin jalostus', 'Copper refining', 'Kopparförädling'],
    ['kupari', 'kuparituotanto', 'kuparikatodi'],
    ['copper', 'copper production', 'copper cathode'],
    ['koppar', 'kopparproduktion']],
  ['theme-nickel-refining', 'theme-metal-refining', 'topic', ['Nikkelin jalostus', 'Nickel refining', 'Nickelförädling'],
    ['nikkeli', 'nikkelisulfaatti', 'nikkelituotanto'],
    ['nickel', 'nickel sulphate', 'nickel sulfate', 'nickel production'],
    ['nickel', 'nickelsulfat']],
  ['theme-gold-refining', 'theme-metal-refining', 'topic', ['Kullan jalostus', 'Gold refining', 'Guldförädling'],
    ['kulta', 'kultakaivos'], ['gold', 'gold mine'], ['guld', 'guldgruva']],
  ['theme-silver-refining', 'theme-metal-refining', 'topic', ['Hopean jalostus', 'Silver refining', 'Silverförädling'],
    ['hopea'], ['silver'], ['silver']],
  ['theme-cobalt-refining', 'theme-metal-refining', 'topic', ['Koboltin jalostus', 'Cobalt refining', 'Koboltförädling'],
    ['koboltti', 'kobolttisulfaatti', 'kobolttituotanto'],
    ['cobalt', 'cobalt sulphate', 'cobalt sulfate'],
    ['kobolt', 'koboltsulfat']],
  ['theme-lithium-refining', 'theme-metal-refining', 'topic', ['Litiumin jalostus', 'Lithium refining', 'Litiumförädling'],
    ['litiumhydroksidi', 'litiumkarbonaatti', 'litiumkemikaali', 'litiumjalostamo'],
    ['lithium hydroxide', 'lithium carbonate', 'lithium chemicals', 'lithium refinery'],
    ['litiumhydroxid', 'litiumkarbonat', 'litiumraffinaderi']],
  ['theme-hydrometallurgy', 'theme-metal-refining', 'topic', ['Hydrometallurgia', 'Hydrometallurgy', 'Hydrometallurgi'],
    ['liuotus', 'bioliuotus', 'hydrometallurginen prosessi', 'kemiallinen liuotus'],
    ['leaching', 'bioleaching', 'hydrometallurgical process', 'solvent extraction'],
    ['lakning', 'biolakning']],
  ['theme-magnets', 'theme-technology-metals', 'topic', ['Magneetit', 'Magnets', 'Magneter'],
    ['kestomagneetti', 'magneettimateriaali', 'magneettituotanto'],
    ['permanent magnets', 'magnet materials', 'magnet production'],
    ['permanentmagneter', 'magnetmaterial']],

  // --- Battery value chain ----------------------------------------------------------------------------
  ['theme-battery-value-chain', null, 'topic', ['Akkuteollisuuden arvoketju', 'Battery value chain', 'Batteriernas värdekedja'],
    ['akkuteollisuus', 'akkuala', 'akkuklusteri', 'akkustrategia', 'akkuvyöhyke', 'akkuekosysteemi', 'akkujen arvoketju', 'litiumioniakku'],
    ['battery industry', 'battery cluster', 'battery strategy', 'battery belt', 'battery ecosystem', 'battery sector', 'lithium-ion battery'],
    ['batteriindustri', 'batterikluster', 'batterivärdekedja', 'batteristrategi', 'batteribälte', 'litiumjonbatteri']],
  ['theme-battery-chemistry', 'theme-battery-value-chain', 'topic', ['Akkukemia', 'Battery chemistry', 'Batterikemi'],
    ['akkumateriaalit', 'akkumateriaalitutkimus', 'sähkökemia', 'akkukemian osaaminen'],
    ['battery materials', 'battery materials research', 'electrochemistry'],
    ['batterimaterial', 'elektrokemi']],
  ['theme-battery-chemicals', 'theme-battery-chemistry', 'topic', ['Akkukemikaalit', 'Battery chemicals', 'Batterikemikalier'],
    ['akkukemikaali', 'akkukemikaalitehdas', 'akkukemikaalituotanto'],
    ['battery chemical', 'battery-grade chemicals', 'battery chemicals plant'],
    ['batterikemikalie', 'batterikemikaliefabrik']],
  ['theme-cathode-materials', 'theme-battery-chemicals', 'topic', ['Katodimateriaalit', 'Cathode materials', 'Katodmaterial'],
    ['katodimateriaali', 'katodiaktiivimateriaali', 'esiastemateriaali', 'prekursori', 'pcam'],
    ['cathode material', 'cathode active material', 'precursor cathode active material', 'precursors', 'pcam'],
    ['katodmaterial', 'prekursor']],
  ['theme-anode-materials', 'theme-battery-chemicals', 'topic', ['Anodimateriaalit', 'Anode materials', 'Anodmaterial'],
    ['anodimateriaali', 'grafiittianodi', 'piianodi'],
    ['anode material', 'graphite anode', 'silicon anode'],
    ['anodmaterial', 'grafitanod']],
  ['theme-cell-manufacturing', 'theme-battery-value-chain', 'topic', ['Akkukennojen valmistus', 'Battery cell manufacturing', 'Battericelltillverkning'],
    ['akkukennotehdas', 'akkutehdas', 'kennotuotanto', 'akkujen valmistus', 'akkutuotanto', 'gigatehdas', 'akkukenno'],
    ['cell manufacturing', 'battery factory', 'gigafactory', 'battery production', 'cell production', 'battery manufacturing', 'battery cells'],
    ['batterifabrik', 'cellproduktion', 'batteriproduktion', 'gigafabrik', 'battericell']],
  ['theme-battery-systems', 'theme-battery-value-chain', 'topic', ['Akkujärjestelmät', 'Battery systems and packs', 'Batterisystem'],
    ['akusto', 'akkupaketti', 'akunhallintajärjestelmä', 'akkumoduuli'],
    ['battery systems', 'battery packs', 'battery management system', 'battery modules'],
    ['batteripaket', 'batterimodul']],

  // --- Circular economy -------------------------------------------------------------------------------
  ['theme-circular-economy', null, 'topic', ['Kiertotalous', 'Circular economy', 'Cirkulär ekonomi'],
    ['kiertotalouden tiekartta', 'materiaalitehokkuus', 'resurssiviisaus', 'kiertotalousalusta'],
    ['material efficiency', 'resource efficiency', 'circularity'],
    ['kretsloppsekonomi', 'resurseffektivitet', 'cirkularitet']],
  ['theme-recycling', 'theme-circular-economy', 'topic', ['Kierrätys', 'Recycling', 'Återvinning'],
    ['kierrättäminen', 'uusiokäyttö', 'materiaalien talteenotto', 'kierrätysmateriaali'],
    ['material recovery', 'recycled materials', 'recycle'],
    ['materialåtervinning']],
  ['theme-battery-recycling', 'theme-recycling', 'topic', ['Akkujen kierrätys', 'Battery recycling', 'Batteriåtervinning'],
    ['akkukierrätys', 'mustamassa', 'akkumetallien talteenotto', 'käytetyt akut', 'akkujäte', 'akkukemikaalien kierrätys', 'akkukemian kierrätys'],
    ['black mass', 'recovery of battery metals', 'spent batteries', 'end-of-life batteries', 'battery waste'],
    ['återvinning av batterier', 'svartmassa', 'uttjänta batterier', 'batteriavfall']],
  ['theme-metal-recycling', 'theme-recycling', 'topic', ['Metallien kierrätys', 'Metal recycling', 'Metallåtervinning'],
    ['metalliromu', 'romumetalli', 'metallikierrätys', 'romun käsittely'],
    ['scrap metal', 'metal scrap', 'scrap processing'],
    ['metallskrot', 'skrothantering']],
  ['theme-battery-second-life', 'theme-recycling', 'topic', ['Akkujen uudelleenkäyttö', 'Second-life batteries', 'Återanvändning av batterier'],
    ['akkujen toinen elinkaari', 'akkujen uusiokäyttö', 'käytettyjen akkujen uudelleenkäyttö'],
    ['battery second life', 'battery reuse', 'repurposed batteries', 'second life'],
    ['återanvända batterier', 'andra livet för batterier']],
  ['theme-industrial-symbiosis', 'theme-circular-economy', 'topic', ['Teollinen symbioosi', 'Industrial symbiosis', 'Industriell symbios'],
    ['teollisuussymbioosi', 'sivutuotteiden hyödyntäminen', 'symbioosi', 'materiaalivirtojen yhdistäminen'],
    ['by-product exchange', 'symbiosis', 'by-product synergies'],
    ['industrisymbios', 'symbios']],
  ['theme-side-streams', 'theme-industrial-symbiosis', 'topic', ['Teollisuuden sivuvirrat', 'Industrial side streams', 'Industriella sidoströmmar'],
    ['sivuvirta', 'sivutuote', 'jäämät', 'kuona', 'teollisuusjäte', 'sivuvirtojen hyödyntäminen'],
    ['side streams', 'by-products', 'industrial by-products', 'residues', 'slag', 'industrial waste'],
    ['sidoströmmar', 'biprodukter', 'restprodukter', 'slagg', 'industriavfall']],
  ['theme-mining-waste', 'theme-side-streams', 'topic', ['Kaivannaisjätteet', 'Mine tailings and waste rock', 'Gruvavfall'],
    ['rikastushiekka', 'sivukivi', 'kaivosjäte', 'kaivannaisjäte'],
    ['mine tailings', 'tailings', 'waste rock', 'mining waste'],
    ['anrikningssand', 'gråberg', 'gruvavfall']],
  ['theme-industrial-areas', 'theme-industrial-symbiosis', 'topic', ['Teollisuusalueet', 'Industrial areas', 'Industriområden'],
    ['teollisuusalue', 'teollisuuspuisto', 'ekoteollisuuspuisto', 'teollisuusaluenäkökulma', 'suurteollisuusalue'],
    ['industrial area', 'industrial park', 'industrial site', 'eco-industrial park'],
    ['industriområde', 'industripark']],

  // --- Environment ------------------------------------------------------------------------------------
  ['theme-environment', null, 'topic', ['Ympäristö', 'Environment', 'Miljö'],
    ['ympäristönsuojelu', 'ympäristöasiat', 'ympäristön tila'],
    ['environmental protection', 'environmental issues'],
    ['miljöskydd', 'miljöfrågor']],
  ['theme-water-treatment', 'theme-environment', 'topic', ['Vedenkäsittely', 'Water treatment', 'Vattenrening'],
    ['vesienkäsittely', 'vedenpuhdistus', 'jätevedenkäsittely', 'jätevesi', 'prosessivesi', 'vesienhallinta', 'vesien käsittely'],
    ['wastewater treatment', 'water purification', 'process water', 'water management', 'wastewater'],
    ['vattenbehandling', 'avloppsvattenrening', 'processvatten', 'avloppsvatten']],
  ['theme-mine-water', 'theme-water-treatment', 'topic', ['Kaivosvedet', 'Mine water treatment', 'Gruvvatten'],
    ['kaivosvesi', 'kaivosvesien käsittely', 'suotovesi', 'kuivatusvesi'],
    ['mine water', 'mine drainage', 'acid mine drainage', 'mine effluent'],
    ['gruvvatten', 'lakvatten', 'dräneringsvatten']],
  ['theme-industrial-wastewater', 'theme-water-treatment', 'topic', ['Teollisuuden jätevedet', 'Industrial wastewater', 'Industriellt avloppsvatten'],
    ['teollisuusjätevesi', 'prosessijätevesi', 'teollisuuden jätevesi'],
    ['industrial effluent', 'industrial effluents', 'process effluent'],
    ['industriavloppsvatten', 'industriellt avloppsvatten']],
  ['theme-low-carbon', 'theme-environment', 'topic', ['Vähähiilisyys', 'Low-carbon', 'Koldioxidsnålhet'],
    ['hiilineutraalius', 'päästövähennys', 'hiilidioksidipäästöt', 'ilmastonmuutos', 'hiilijalanjälki', 'vähähiilinen'],
    ['carbon neutrality', 'emission reductions', 'co2 emissions', 'climate change', 'carbon footprint', 'decarbonisation', 'decarbonization'],
    ['klimatneutralitet', 'utsläppsminskningar', 'koldioxidavtryck', 'klimatförändringar', 'fossilfri']],
  ['theme-environmental-impact', 'theme-environment', 'topic', ['Ympäristövaikutukset ja luvitus', 'Environmental impact and permitting', 'Miljöpåverkan och tillstånd'],
    ['ympäristövaikutus', 'ympäristölupa', 'ympäristövaikutusten arviointi', 'luvitus', 'ympäristöluvitus'],
    ['environmental impact', 'environmental permit', 'environmental impact assessment', 'permitting'],
    ['miljöpåverkan', 'miljötillstånd', 'miljökonsekvensbeskrivning']],

  // --- Energy -----------------------------------------------------------------------------------------
  ['theme-energy', null, 'topic', ['Energia', 'Energy', 'Energi'],
    ['energiajärjestelmä', 'energiasektori', 'energiantuotanto', 'energiamurros'],
    ['energy system', 'energy sector', 'energy production', 'energy transition'],
    ['energisystem', 'energisektor', 'energiomställning']],
  ['theme-electrification', 'theme-energy', 'topic', ['Sähköistyminen', 'Electrification', 'Elektrifiering'],
    ['sähköistäminen', 'sähköistys', 'elektrifikaatio'],
    ['electrify', 'electrified'],
    ['elektrifiera']],
  ['theme-electric-transport', 'theme-electrification', 'topic', ['Liikenteen sähköistäminen', 'Electric mobility', 'Elektrifierade transporter'],
    ['sähköauto', 'sähköinen liikenne', 'sähköliikenne', 'sähköajoneuvo', 'sähköbussi', 'työkoneiden sähköistäminen'],
    ['electric vehicles', 'e-mobility', 'electric transport', 'electric buses', 'electric machinery'],
    ['elbil', 'elfordon', 'elbuss', 'elektrifierade transporter']],
  ['theme-hydrogen', 'theme-energy', 'topic', ['Vetytalous', 'Hydrogen economy', 'Vätgasekonomi'],
    ['vety', 'vihreä vety', 'vedyn tuotanto', 'elektrolyysi', 'vetylaakso', 'vetyklusteri', 'elektrolysaattori'],
    ['hydrogen', 'green hydrogen', 'electrolysis', 'power-to-x', 'hydrogen valley', 'electrolyser', 'electrolyzer'],
    ['vätgas', 'grön vätgas', 'elektrolys']],
  ['theme-energy-storage', 'theme-energy', 'topic', ['Energian varastointi', 'Energy storage', 'Energilagring'],
    ['energiavarasto', 'sähkövarasto', 'akkuvarasto', 'lämpövarasto', 'varastointiratkaisu'],
    ['battery storage', 'battery energy storage', 'grid storage', 'thermal storage', 'storage system'],
    ['batterilager', 'energilager']],
  ['theme-renewable-energy', 'theme-energy', 'topic', ['Uusiutuva energia', 'Renewable energy', 'Förnybar energi'],
    ['tuulivoima', 'aurinkoenergia', 'aurinkovoima', 'tuulipuisto', 'uusiutuvat energialähteet'],
    ['wind power', 'solar energy', 'solar power', 'wind farm', 'renewables'],
    ['vindkraft', 'solenergi', 'vindpark', 'solkraft']],

  // --- Bioeconomy -------------------------------------------------------------------------------------
  ['theme-bioeconomy', null, 'topic', ['Biotalous', 'Bioeconomy', 'Bioekonomi'],
    ['metsäbiotalous', 'biopohjainen materiaali', 'biojalostamo', 'kierto- ja biotalous'],
    ['bio-based materials', 'biorefinery', 'forest bioeconomy', 'bio-economy'],
    ['biobaserade material', 'bioraffinaderi']],
  ['theme-biofuels', 'theme-bioeconomy', 'topic', ['Biopolttoaineet', 'Biofuels', 'Biobränslen'],
    ['biopolttoaine', 'biokaasu', 'biodiesel', 'uusiutuva polttoaine'],
    ['biofuel', 'biogas', 'biodiesel', 'renewable fuels'],
    ['biobränsle', 'biogas', 'biodiesel', 'förnybara bränslen']],
  ['theme-forest-side-streams', 'theme-bioeconomy', 'topic', ['Metsäteollisuuden sivuvirrat', 'Forest-industry side streams', 'Skogsindustrins sidoströmmar'],
    ['puujäte', 'metsätähde', 'sellutehtaan sivuvirrat', 'metsäteollisuuden sivutuotteet', 'puutähde'],
    ['forest industry side streams', 'wood waste', 'forest residues', 'pulp mill by-products'],
    ['träavfall', 'skogsrester', 'skogsindustrins biprodukter']],

  // --- Skills and education ---------------------------------------------------------------------------
  ['theme-skills-training', null, 'skill', ['Osaaminen ja koulutus', 'Skills and training', 'Kompetens och utbildning'],
    ['osaaminen', 'koulutus', 'osaamisen kehittäminen', 'koulutustarjonta', 'koulutusohjelma'],
    ['skills', 'training', 'education', 'competence development', 'training offer'],
    ['kompetens', 'utbildning', 'utbildningsutbud']],
  ['theme-battery-skills', 'theme-skills-training', 'skill', ['Akkualan osaaminen', 'Battery-industry skills', 'Batterikompetens'],
    ['akkuosaaminen', 'akkuteollisuuden osaaminen', 'akkualan koulutus', 'akkuteollisuuden työpaikat'],
    ['battery skills', 'battery industry skills', 'battery training', 'battery competence', 'battery industry jobs'],
    ['batteriutbildning', 'batterikompetens']],
  ['theme-competence-needs', 'theme-skills-training', 'skill', ['Osaamistarpeet', 'Competence needs', 'Kompetensbehov'],
    ['osaamistarve', 'osaamistarpeiden kartoitus', 'koulutustarve', 'osaamisen ennakointi', 'työvoimatarve', 'kuiluanalyysi'],
    ['skills needs', 'skills gap', 'gap analysis', 'skills anticipation', 'training needs', 'competence need'],
    ['utbildningsbehov', 'kompetensförsörjning', 'gapanalys']],
  ['theme-vocational-education', 'theme-skills-training', 'skill', ['Ammatillinen koulutus', 'Vocational education and training', 'Yrkesutbildning'],
    ['ammatillinen oppilaitos', 'toisen asteen koulutus', 'oppisopimus', 'ammatillinen tutkinto', 'ammatillinen taso'],
    ['vocational training', 'vocational education', 'vet', 'apprenticeship', 'vocational level'],
    ['yrkesskola', 'lärlingsutbildning', 'yrkesinriktad utbildning']],
  ['theme-uas-education', 'theme-skills-training', 'skill', ['Ammattikorkeakoulutus', 'University of applied sciences education', 'Yrkeshögskoleutbildning'],
    ['ammattikorkeakoulutaso', 'amk-tutkinto', 'ammattikorkeakoulututkinto', 'insinöörikoulutus'],
    ['applied sciences education', 'uas level', 'bachelor of engineering', 'engineering education'],
    ['yrkeshögskolenivå', 'ingenjörsutbildning']],
  ['theme-university-education', 'theme-skills-training', 'skill', ['Yliopistokoulutus', 'University education', 'Universitetsutbildning'],
    ['korkeakoulutus', 'tohtorikoulutus', 'maisteriohjelma', 'yliopistotaso'],
    ['higher education', 'doctoral training', 'master programme', 'university level'],
    ['högre utbildning', 'forskarutbildning', 'masterprogram']],
  ['theme-continuing-education', 'theme-skills-training', 'skill', ['Jatkuva oppiminen ja täydennyskoulutus', 'Continuous learning and upskilling', 'Fortbildning och kompetensutveckling'],
    ['täydennyskoulutus', 'jatkuva oppiminen', 'uudelleenkoulutus', 'muuntokoulutus', 'työvoimakoulutus'],
    ['upskilling', 'reskilling', 'continuing education', 'lifelong learning', 'continuous learning'],
    ['fortbildning', 'kompetensutveckling', 'omskolning', 'livslångt lärande']],
  // Competences that organisations NEED and education providers OFFER training in (skills gap of the
  // Battery Region question). Synonyms name the job or the competence, never the topic alone, so that a
  // project on battery recycling is not suggested the recycling operator skill.
  ['theme-skill-battery-production', 'theme-battery-skills', 'skill', ['Akkutuotannon osaaminen', 'Battery production skills', 'Kompetens inom batteriproduktion'],
    ['akkutuotannon ammattilainen', 'akkutehtaan työntekijä', 'akkutuotannon koulutus'],
    ['battery production worker', 'battery manufacturing skills', 'battery production training'],
    ['batteriproduktionsutbildning', 'batterifabriksarbetare']],
  ['theme-skill-cell-manufacturing-operator', 'theme-battery-skills', 'skill', ['Kennovalmistuksen operaattori', 'Cell manufacturing operator', 'Operatör inom celltillverkning'],
    ['kennotehtaan operaattori', 'akkukennojen valmistuksen operaattori', 'kennotuotannon prosessinhoitaja'],
    ['battery cell operator', 'cell production operator', 'gigafactory operator'],
    ['celloperatör', 'battericelloperatör', 'processoperatör i cellfabrik']],
  ['theme-skill-recycling-process', 'theme-battery-skills', 'skill', ['Kierrätysprosessien osaaminen', 'Recycling process skills', 'Kompetens inom återvinningsprocesser'],
    ['kierrätysprosessin operaattori', 'kierrätyslaitoksen prosessinhoitaja', 'mustamassan käsittelyn osaaminen'],
    ['recycling process operator', 'recycling plant operator', 'black mass processing skills'],
    ['återvinningsoperatör', 'processoperatör i återvinningsanläggning']],
  ['theme-skill-battery-chemistry-expertise', 'theme-battery-skills', 'skill', ['Akkukemian asiantuntijuus', 'Battery chemistry expertise', 'Expertis inom batterikemi'],
    ['akkukemian asiantuntija', 'akkukemian tutkijakoulutus', 'sähkökemian asiantuntija'],
    ['battery chemist', 'battery chemistry specialist', 'electrochemistry expertise'],
    ['batterikemist', 'elektrokemisk expertis']],
  ['theme-skill-automation', 'theme-skills-training', 'skill', ['Automaatio- ja robotiikkaosaaminen', 'Automation and robotics skills', 'Kompetens inom automation och robotik'],
    ['automaatioasentaja', 'automaatioinsinööri', 'robotiikkaosaaminen', 'automaatiotekniikan koulutus'],
    ['automation technician', 'automation engineer', 'robotics skills', 'automation training'],
    ['automationstekniker', 'automationsingenjör', 'robotkompetens']],
  ['theme-skill-chemical-process-operator', 'theme-skills-training', 'skill', ['Kemianteollisuuden prosessinhoitaja', 'Chemical process operator', 'Processoperatör inom kemisk industri'],
    ['prosessinhoitaja', 'prosessiteollisuuden operaattori', 'prosessiteollisuuden perustutkinto', 'kemianteollisuuden operaattori'],
    ['chemical process operator', 'process industry operator', 'chemical plant operator'],
    ['processoperatör', 'kemisk processoperatör']],
  ['theme-skill-industrial-safety', 'theme-skills-training', 'skill', ['Työ- ja kemikaaliturvallisuusosaaminen', 'Industrial and chemical safety skills', 'Kompetens inom arbets- och kemikaliesäkerhet'],
    ['työturvallisuuskoulutus', 'kemikaaliturvallisuuskoulutus', 'prosessiturvallisuusosaaminen', 'tulityökortti'],
    ['occupational safety training', 'chemical safety training', 'process safety skills'],
    ['arbetssäkerhetsutbildning', 'kemikaliesäkerhetsutbildning', 'processäkerhetskompetens']],
  ['theme-skill-electrical-maintenance', 'theme-skills-training', 'skill', ['Sähkö- ja kunnossapito-osaaminen', 'Electrical and maintenance skills', 'Kompetens inom el och underhåll'],
    ['sähköasentaja', 'kunnossapitoasentaja', 'teollisuusasentaja', 'kunnossapidon koulutus'],
    ['electrician', 'maintenance technician', 'industrial mechanic', 'maintenance training'],
    ['elektriker', 'underhållstekniker', 'industrimekaniker']],

  // --- Regional development ---------------------------------------------------------------------------
  ['theme-regional-development', null, 'topic', ['Alueiden kehittäminen', 'Regional development', 'Regional utveckling'],
    ['aluekehitys', 'aluekehittäminen', 'alueellinen elinvoima', 'aluetalous'],
    ['regional policy', 'regional economy', 'regional growth'],
    ['regionalpolitik', 'regional tillväxt']],
  ['theme-smart-specialisation', 'theme-regional-development', 'topic', ['Älykäs erikoistuminen (S3)', 'Smart specialisation (S3)', 'Smart specialisering (S3)'],
    ['älykäs erikoistuminen', 's3-strategia', 'erikoistumisstrategia', 'arktinen erikoistuminen', 'erikoistumisohjelma'],
    ['smart specialisation', 'smart specialization', 's3 strategy', 'specialisation strategy'],
    ['smart specialisering', 's3-strategi']],
  ['theme-cluster-development', 'theme-regional-development', 'topic', ['Klusterikehitys', 'Cluster development', 'Klusterutveckling'],
    ['klusterin kehittäminen', 'klusterialoite', 'yritysverkosto', 'innovaatioekosysteemi'],
    ['cluster initiative', 'business network', 'innovation ecosystem', 'cluster management'],
    ['klusterinitiativ', 'företagsnätverk', 'innovationsekosystem']],
  ['theme-labour-market', 'theme-regional-development', 'topic', ['Työmarkkinat', 'Labour market', 'Arbetsmarknad'],
    ['työvoima', 'rekrytointi', 'työvoiman saatavuus', 'työmarkkinatoimija'],
    ['labor market', 'workforce', 'recruitment', 'labour supply'],
    ['arbetskraft', 'rekrytering', 'kompetensförsörjning']],
  ['theme-rdi', 'theme-regional-development', 'topic', ['TKI-toiminta ja teknologiansiirto', 'RDI and technology transfer', 'FoUI och tekniköverföring'],
    ['tki-toiminta', 'tutkimus- ja kehitystoiminta', 'teknologiansiirto', 'tutkimusyhteistyö', 'tki'],
    ['rdi', 'research and development', 'technology transfer', 'research cooperation', 'r&d'],
    ['foui', 'forskning och utveckling', 'tekniköverföring']],

  // --- Industry ---------------------------------------------------------------------------------------
  ['theme-industry', null, 'topic', ['Teollisuus', 'Industry', 'Industri'],
    ['raskas teollisuus', 'valmistava teollisuus', 'teollisuusyritys'],
    ['heavy industry', 'manufacturing industry'],
    ['tung industri', 'tillverkningsindustri']],
  ['theme-industrial-services', 'theme-industry', 'topic', ['Teollisuuspalvelut', 'Industrial services', 'Industriella tjänster'],
    ['teollisuuspalveluyritys', 'kunnossapito', 'teollinen kunnossapito', 'alihankinta'],
    ['industrial service companies', 'maintenance services', 'subcontracting', 'industrial maintenance'],
    ['industriservice', 'underhåll', 'underleverantörer']],
  ['theme-arctic-industry', 'theme-industry', 'topic', ['Arktinen teollisuus', 'Arctic industry', 'Arktisk industri'],
    ['arktiset olosuhteet', 'arktinen', 'pohjoinen teollisuus'],
    ['arctic conditions', 'arctic'],
    ['arktiska förhållanden', 'arktisk']],
  ['theme-industrial-digitalisation', 'theme-industry', 'topic', ['Teollisuuden digitalisaatio', 'Industrial digitalisation', 'Industriell digitalisering'],
    ['digitalisaatio', 'teollinen internet', 'datatalous', 'tekoäly', 'digitaalinen kaksonen'],
    ['digitalisation', 'digitalization', 'industrial internet', 'data economy', 'artificial intelligence', 'digital twin'],
    ['digitalisering', 'industriell internet', 'artificiell intelligens']],
];

export const THEME_TAXONOMY: readonly ThemeEntry[] = ROWS.map(([id, parent, kind, [name, nameEn, nameSv], fi, en, sv]) => ({
  id,
  name,
  nameEn,
  nameSv,
  ...(parent ? { parent } : {}),
  kind,
  synonyms: { fi, sv, en },
}));

/**
 * Words that appear inside compounds and that the splitter should know even where no synonym uses them
 * alone; the synonyms' own words are added too (see `taxonomyVocabulary`).
 */
export const COMPOUND_PARTS: { fi: string[]; sv: string[]; forms: { fi: [string, string][]; sv: [string, string][] } } = {
  fi: (
    'akku kenno tehdas kemikaali kemia materiaali metalli mineraali malmi kaivos kaivannais rikastus vesi jäte ' +
    'käsittely puhdistus kierto kierrätys talous bio sivu virta tuote teollisuus alue puisto palvelu yritys ' +
    'osaaminen tarve koulutus ammatti korkeakoulu sähkö energia vety varasto auto liikenne ajoneuvo hiili päästö ' +
    'ympäristö lupa teknologia klusteri litium nikkeli koboltti kupari grafiitti magneetti katodi anodi metsä puu ' +
    'polttoaine ioni strategia tutkimus kehitys toiminta tuotanto valmistus arvo ketju verkosto keskus raaka aine ' +
    'prosessi kemikaalit tiekartta innovaatio alusta työ voima markkina kaasu lämpö tuuli aurinko laakso'
  ).split(' '),
  sv: (
    'batteri cell fabrik kemikalie kemi material metall mineral malm gruva vatten avfall rening behandling ' +
    'återvinning ekonomi bio ström produkt industri område park tjänst kompetens behov utbildning el energi ' +
    'vätgas lager fordon koldioxid miljö teknik kluster litium nickel kobolt koppar grafit magnet katod anod skog ' +
    'trä bränsle värde kedja produktion tillverkning process råvara'
  ).split(' '),
  forms: {
    fi: [
      ['veden', 'vesi'],
      ['vesien', 'vesi'],
      ['metallien', 'metalli'],
      ['akkujen', 'akku'],
      ['jätteiden', 'jäte'],
      ['vedyn', 'vety'],
      ['työkoneiden', 'työkone'],
    ],
    sv: [
      ['gruv', 'gruva'],
      ['yrkes', 'yrke'],
      ['råvaru', 'råvara'],
    ],
  },
};

// ---------------------------------------------------------------------------------------------------
// Lookups over the tree
// ---------------------------------------------------------------------------------------------------

/** How two themes relate in the tree, for weighting shared themes. */
export type ThemeRelation = 'same' | 'sibling' | 'parent' | 'child' | 'ancestor' | 'descendant' | 'cousin' | 'none';

export class Taxonomy {
  readonly byId: ReadonlyMap<string, ThemeEntry>;
  private readonly children = new Map<string, string[]>();

  constructor(readonly entries: readonly ThemeEntry[] = THEME_TAXONOMY) {
    this.byId = new Map(entries.map((e) => [e.id, e]));
    for (const e of entries) {
      if (!e.parent) continue;
      const list = this.children.get(e.parent) ?? [];
      list.push(e.id);
      this.children.set(e.parent, list);
    }
  }

  get(id: string): ThemeEntry | undefined {
    return this.byId.get(id);
  }

  childrenOf(id: string): readonly string[] {
    return this.children.get(id) ?? [];
  }

  /** Parent first, root last. Stops at a cycle rather than looping (integrity tests report cycles). */
  ancestors(id: string): string[] {
    const out: string[] = [];
    let cur = this.byId.get(id)?.parent;
    while (cur && !out.includes(cur) && cur !== id) {
      out.push(cur);
      cur = this.byId.get(cur)?.parent;
    }
    return out;
  }

  siblings(id: string): string[] {
    const parent = this.byId.get(id)?.parent;
    return parent ? this.childrenOf(parent).filter((c) => c !== id) : [];
  }

  private readonly relations = new Map<string, ThemeRelation>();

  /** What a is to b: 'child' when b is a's parent, 'ancestor' when a is above b's parent, ... Memoised. */
  relation(a: string, b: string): ThemeRelation {
    if (a === b) return 'same';
    const key = `${a}\u0000${b}`;
    let rel = this.relations.get(key);
    if (rel === undefined) {
      rel = this.computeRelation(a, b);
      this.relations.set(key, rel);
    }
    return rel;
  }

  private computeRelation(a: string, b: string): ThemeRelation {
    const ea = this.byId.get(a);
    const eb = this.byId.get(b);
    if (!ea || !eb) return 'none';
    if (ea.parent && ea.parent === eb.parent) return 'sibling';
    if (ea.parent === b) return 'child';
    if (eb.parent === a) return 'parent';
    const ancA = this.ancestors(a);
    if (ancA.includes(b)) return 'descendant';
    const ancB = this.ancestors(b);
    if (ancB.includes(a)) return 'ancestor';
    // Cousins: the grandparents match (both under one theme two levels up).
    if (ancA[1] && ancA[1] === ancB[1]) return 'cousin';
    return 'none';
  }

  /** Label in a language, for explanations. */
  label(id: string, lang: 'fi' | 'en' | 'sv'): string {
    const e = this.byId.get(id);
    if (!e) return id;
    return lang === 'fi' ? e.name : lang === 'en' ? e.nameEn : e.nameSv;
  }
}

let defaultTaxonomy: Taxonomy | undefined;
/** The shared taxonomy built from THEME_TAXONOMY. */
export function getTaxonomy(): Taxonomy {
  return (defaultTaxonomy ??= new Taxonomy(THEME_TAXONOMY));
}

/** Every Finnish and Swedish word in the names and synonyms, for seeding the compound splitter. */
export function taxonomyVocabulary(entries: readonly ThemeEntry[] = THEME_TAXONOMY): { fi: string[]; sv: string[] } {
  const fi = new Set(COMPOUND_PARTS.fi);
  const sv = new Set(COMPOUND_PARTS.sv);
  const wordsOf = (s: string) => s.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  for (const e of entries) {
    for (const s of [e.name, ...e.synonyms.fi]) wordsOf(s).forEach((w) => fi.add(w));
    for (const s of [e.nameSv, ...e.synonyms.sv]) wordsOf(s).forEach((w) => sv.add(w));
  }
  return { fi: [...fi], sv: [...sv] };
}

// ---------------------------------------------------------------------------------------------------
// Seed data
// ---------------------------------------------------------------------------------------------------

/** Shaped like scripts/seed SeedNode, with props checked against the Theme schema's input type. */
export interface ThemeSeedNode {
  type: 'Theme';
  id: string;
  props: z.input<typeof ThemeSchema>;
}

export interface ThemeSeedRelationship {
  id: string;
  type: Extract<RelationshipType, 'PART_OF'>;
  from: string;
  to: string;
}

/** Theme nodes; the synonyms go to `aliases` (at most 50, the schema's limit), Finnish first. */
export function taxonomySeedNodes(entries: readonly ThemeEntry[] = THEME_TAXONOMY): ThemeSeedNode[] {
  return entries.map((e) => {
    const aliases = [...new Set([...e.synonyms.fi, ...e.synonyms.en, ...e.synonyms.sv])].filter(
      (a) => a !== e.name && a !== e.nameEn && a !== e.nameSv,
    );
    return {
      type: 'Theme',
      id: e.id,
      props: { name: e.name, nameEn: e.nameEn, nameSv: e.nameSv, kind: e.kind, aliases: aliases.slice(0, 50) },
    };
  });
}

/** PART_OF child → parent, with the id scheme of the demo seed ("<from>--part-of--<to>"). */
export function taxonomySeedRelationships(entries: readonly ThemeEntry[] = THEME_TAXONOMY): ThemeSeedRelationship[] {
  return entries
    .filter((e): e is ThemeEntry & { parent: string } => Boolean(e.parent))
    .map((e) => ({ id: `${e.id}--part-of--${e.parent}`, type: 'PART_OF', from: e.id, to: e.parent }));
}
