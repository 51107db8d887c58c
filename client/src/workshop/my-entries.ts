/**
 * What this participant has added or picked in a workshop — themselves, their organisation, projects,
 * partners and themes — kept in localStorage, and the links these imply (works at, partner in,
 * cooperates with, focuses on, located in). Links are wanted as soon as both ends are known, whatever the order
 * the participant fills the sections in; each is queued once.
 */
import type { RelationshipType } from '../../../domain/relationships';
import { readJson, storageKey, writeJson } from './local-store';
import { refIdentity, type EntryRef, type LinkSubmission } from './outbox';

export type PartnerRef = EntryRef & { nodeType: 'Organisation' | 'Project' };

export interface MineState {
  person?: EntryRef & { title?: string };
  organisation?: EntryRef;
  /** The city the organisation is in (existing cities only). */
  city?: EntryRef;
  projects: EntryRef[];
  partners: PartnerRef[];
  themes: EntryRef[];
  /** Signatures of the links already queued. */
  links: string[];
}

export type SectionName = 'me' | 'organisation' | 'projects' | 'partners' | 'themes';

const signature = (link: Pick<LinkSubmission, 'relType' | 'from' | 'to'>) =>
  `${link.relType}|${refIdentity(link.from)}|${refIdentity(link.to)}`;

const sameEntry = (a: EntryRef, b: EntryRef) => refIdentity(a) === refIdentity(b);

export class MyEntries {
  private readonly key: string;
  state: MineState;

  constructor(code: string) {
    this.key = storageKey(code, 'mine');
    const stored = readJson<Partial<MineState>>(this.key) ?? {};
    this.state = {
      person: stored.person,
      organisation: stored.organisation,
      city: stored.city,
      projects: stored.projects ?? [],
      partners: stored.partners ?? [],
      themes: stored.themes ?? [],
      links: stored.links ?? [],
    };
  }

  save(): void {
    writeJson(this.key, this.state);
  }

  /** Whether an entry is already listed in a section (picking it twice adds nothing). */
  has(section: 'projects' | 'partners' | 'themes', ref: EntryRef, idOf: (ref: EntryRef) => string | undefined): boolean {
    const id = idOf(ref);
    return this.state[section].some((r) => sameEntry(r, ref) || (id !== undefined && idOf(r) === id));
  }

  /** Forgets an entry (its outbox item was discarded). */
  forget(key: string): void {
    const keep = (ref: EntryRef | undefined) => !ref || !('key' in ref) || ref.key !== key;
    if (!keep(this.state.person)) delete this.state.person;
    if (!keep(this.state.organisation)) delete this.state.organisation;
    this.state.projects = this.state.projects.filter(keep);
    this.state.partners = this.state.partners.filter(keep);
    this.state.themes = this.state.themes.filter(keep);
    this.save();
  }

  /**
   * The facilitator merged an entry into another (survivor) or removed it (null): the lists follow,
   * and so do the queued links' signatures (the server moved those links; they are not made again).
   */
  replace(oldId: string, survivor: { id: string; name: string } | null, idOf: (ref: EntryRef) => string | undefined): boolean {
    const matches = (ref: EntryRef | undefined): ref is EntryRef => !!ref && idOf(ref) === oldId;
    const renamed = new Map<string, string>();
    const swap = <T extends EntryRef>(ref: T): T => {
      const next = { ...ref, ...(survivor ?? {}) } as T & { key?: string };
      delete next.key;
      renamed.set(refIdentity(ref), refIdentity(next));
      return next;
    };
    const st = this.state;
    let changed = false;
    for (const single of ['person', 'organisation', 'city'] as const) {
      if (!matches(st[single])) continue;
      changed = true;
      if (survivor) st[single] = swap(st[single]!) as never;
      else delete st[single];
    }
    for (const list of ['projects', 'partners', 'themes'] as const) {
      if (!st[list].some(matches)) continue;
      changed = true;
      const next = survivor ? st[list].map((ref) => (matches(ref) ? swap(ref) : ref)) : st[list].filter((ref) => !matches(ref));
      // The survivor may have been on the list already.
      const target = (ref: EntryRef) => idOf(ref) ?? refIdentity(ref);
      (st[list] as EntryRef[]) = next.filter((ref, i) => next.findIndex((other) => target(other) === target(ref)) === i);
    }
    if (renamed.size) {
      st.links = st.links.map((sig) =>
        sig
          .split('|')
          .map((part) => renamed.get(part) ?? part)
          .join('|'),
      );
    }
    if (changed) this.save();
    return changed;
  }

  /** The links the entries imply that have not been queued yet (and marks them queued). */
  takeWantedLinks(allowed: boolean): LinkSubmission[] {
    if (!allowed) return [];
    const { person, organisation: org, city, projects, partners, themes } = this.state;
    const wanted: LinkSubmission[] = [];
    const want = (relType: RelationshipType, from: EntryRef | undefined, to: EntryRef | undefined, props?: Record<string, unknown>) => {
      if (!from || !to || sameEntry(from, to)) return;
      wanted.push({ kind: 'link', relType, from: strip(from), to: strip(to), ...(props ? { props } : {}) });
    };
    if (person && org) want('WORKS_AT', person, org, person.title ? { role: person.title } : undefined);
    want('LOCATED_IN', org, city);
    for (const project of projects) {
      if (org) want('PARTNER_IN', org, project);
      else want('CONTACT_FOR', person, project);
    }
    for (const partner of partners) {
      if (partner.nodeType === 'Organisation') want('COOPERATES_WITH', org ?? person, partner);
      else if (org) want('PARTNER_IN', org, partner);
      else want('CONTACT_FOR', person, partner);
    }
    for (const theme of themes) want('FOCUSES_ON', org, theme);

    const fresh = wanted.filter((link) => !this.state.links.includes(signature(link)));
    if (fresh.length) {
      this.state.links.push(...fresh.map(signature));
      this.save();
    }
    return fresh;
  }
}

/** Only the reference, not extra fields like title or nodeType. */
function strip(ref: EntryRef): EntryRef {
  return 'id' in ref ? { id: ref.id, name: ref.name } : { key: ref.key, name: ref.name };
}
