/**
 * Column headers in Finnish, English and Swedish and the fields they usually mean, so that a user's
 * spreadsheet maps itself ("Nimi" -> name, "Y-tunnus" -> businessId, "Lähde" -> source). The client
 * guesses its mapping with this, the worker uses it when a file comes without one.
 */
import { NODE_FIELDS, type NodeType } from './entities';
import { RelationshipPropsSchema } from './relationships';
import type { ImportEntityType, ImportMapping } from './imports';

const SYNONYMS: Record<string, string[]> = {
  id: ['id', 'tunniste', 'tunnus', 'identifier', 'identifierare', 'key'],
  type: ['type', 'tyyppi', 'typ', 'laji', 'relationship type', 'suhde'],
  source: ['source', 'from', 'lähde', 'mistä', 'alku', 'källa', 'från', 'start'],
  target: ['target', 'to', 'kohde', 'mihin', 'loppu', 'mål', 'till', 'end'],
  name: ['name', 'nimi', 'namn', 'organisation', 'organisaatio', 'organization', 'hanke', 'project', 'projekt', 'henkilö', 'person'],
  aliases: ['aliases', 'alias', 'muut nimet', 'lyhenne', 'lyhenteet', 'andra namn', 'förkortning', 'other names'],
  description: ['description', 'kuvaus', 'beskrivning', 'selite'],
  website: ['website', 'verkkosivu', 'verkkosivut', 'www', 'url', 'webbplats', 'kotisivu'],
  orgType: ['orgtype', 'organisation type', 'organization type', 'organisaation tyyppi', 'organisaatiotyyppi', 'organisationstyp', 'sektori'],
  businessId: ['businessid', 'business id', 'y-tunnus', 'ytunnus', 'fo-nummer', 'organisationsnummer'],
  nameEn: ['nameen', 'name en', 'english name', 'nimi englanniksi', 'englanninkielinen nimi', 'engelskt namn'],
  nameSv: ['namesv', 'name sv', 'swedish name', 'nimi ruotsiksi', 'ruotsinkielinen nimi', 'svenskt namn'],
  lat: ['lat', 'latitude', 'leveysaste', 'latitud'],
  lon: ['lon', 'lng', 'longitude', 'pituusaste', 'longitud'],
  code: ['code', 'koodi', 'kod', 'maakoodi'],
  startDate: ['startdate', 'start date', 'alkaa', 'alkupäivä', 'alkamispäivä', 'startdatum', 'begins'],
  endDate: ['enddate', 'end date', 'päättyy', 'loppupäivä', 'päättymispäivä', 'slutdatum', 'ends'],
  budgetEur: ['budgeteur', 'budget', 'budjetti', 'budget eur', 'kokonaisbudjetti', 'budjetti eur'],
  euShareEur: ['eusharesur', 'eushareeur', 'eu share', 'eu-osuus', 'eu osuus', 'eu-andel', 'eu-rahoitus'],
  goals: ['goals', 'tavoitteet', 'mål och syfte', 'objectives'],
  status: ['status', 'tila', 'vaihe'],
  title: ['title', 'titteli', 'nimike', 'tehtävä', 'befattning', 'titel'],
  email: ['email', 'e-mail', 'sähköposti', 'sposti', 'e-post', 'epost'],
  phone: ['phone', 'puhelin', 'puhelinnumero', 'telefon', 'tel'],
  kind: ['kind', 'teeman laji', 'art'],
  role: ['role', 'rooli', 'roll'],
  note: ['note', 'huomautus', 'muistiinpano', 'anteckning', 'lisätieto'],
  material: ['material', 'materiaali'],
  tonnesPerYear: ['tonnesperyear', 'tonnes per year', 'tonnia vuodessa', 't/v', 'ton per år'],
  amountEur: ['amounteur', 'amount', 'summa', 'määrä', 'belopp'],
};

const fold = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/[_\s]+/g, ' ');

/** The fields a row of this entity type may have (id and, for relationships, type/source/target). */
export function fieldsOf(entityType: ImportEntityType | null): string[] {
  if (entityType === null) return ['id', 'type'];
  if (entityType === 'Relationship') return ['id', 'type', 'source', 'target', ...Object.keys(RelationshipPropsSchema.shape)];
  return ['id', ...Object.keys(NODE_FIELDS[entityType as NodeType].shape)];
}

/** The field a header probably means for this entity type, or null. */
export function guessField(header: string, entityType: ImportEntityType | null): string | null {
  const fields = entityType === null ? null : new Set(fieldsOf(entityType));
  const h = fold(header);
  // An exact field name wins ("nameEn"), then the synonyms.
  for (const f of fields ?? Object.keys(SYNONYMS)) if (fold(f) === h) return f;
  for (const [field, words] of Object.entries(SYNONYMS)) {
    if (fields && !fields.has(field)) continue;
    if (words.some((w) => fold(w) === h)) return field;
  }
  return null;
}

/** A mapping guessed from the headers; each field taken by its first column only. */
export function guessMapping(headers: string[], entityType: ImportEntityType | null): ImportMapping {
  const mapping: ImportMapping = {};
  const taken = new Set<string>();
  for (const header of headers) {
    const field = guessField(header, entityType);
    if (field && !taken.has(field)) {
      mapping[header] = field;
      taken.add(field);
    }
  }
  return mapping;
}
