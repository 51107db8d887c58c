/**
 * Skills gap view (the Battery Region question): per region or city, the competences organisations
 * need against the training education providers offer there (with the level), the gaps, and where the
 * nearest other place offers what one lacks. Reads GET …/skills (api/routes/skills.ts) each time it is
 * opened; a CSV link gives the same figures for Excel. Its strings are kept here in Finnish, English
 * and Swedish, in the map's language, so the shared table in i18n.ts stays small.
 */
import { API_BASE, errorMessage, request } from '../api';
import { h, replaceChildren } from '../dom';
import { onLanguageChange, translate, type Lang } from '../i18n';
import './skills-view.css';

type Level = 'vocational' | 'uas' | 'university';
type By = 'region' | 'city';

interface Named {
  id: string;
  name: string;
}
interface Provider extends Named {
  level: Level | null;
}
interface PlaceSkill {
  skillId: string;
  skillName: string;
  needs: { count: number; organisations: Named[] };
  offers: { count: number; providers: Provider[]; levels: Level[] };
  gap: boolean;
  offeredElsewhere: { placeId: string; placeName: string; distanceKm: number | null; providers: Provider[] }[];
}
interface PlaceSkills extends Named {
  needed: number;
  offered: number;
  gaps: number;
  skills: PlaceSkill[];
}
interface SkillsReport {
  by: By;
  skills: (Named & { nameEn?: string; nameSv?: string })[];
  places: PlaceSkills[];
}

const STRINGS = {
  fi: {
    button: 'Osaaminen',
    buttonHint: 'Osaamistarpeet ja koulutustarjonta alueittain',
    title: 'Osaamistarpeet ja koulutustarjonta',
    byRegion: 'Maakunnittain',
    byCity: 'Kaupungeittain',
    csv: 'CSV (Excel)',
    close: 'Sulje',
    loading: 'Ladataan…',
    failed: 'Haku epäonnistui: {message}',
    empty: 'Organisaatioiden osaamistarpeita (TARVITSEE) tai koulutustarjontaa (KOULUTTAA) ei ole vielä kirjattu.',
    summary: '{needed} tarvetta · {offered} tarjolla · {gaps} aukkoa',
    skill: 'Osaaminen',
    needs: 'Tarvitsijat',
    offers: 'Kouluttajat',
    status: 'Tilanne',
    gap: 'Aukko',
    covered: 'Katettu',
    offerOnly: 'Tarjontaa',
    nowhere: 'Ei tarjolla muuallakaan',
    elsewhere: 'Tarjolla: {places}',
    km: '{km} km',
    'level.vocational': 'ammatillinen',
    'level.uas': 'AMK',
    'level.university': 'yliopisto',
  },
  en: {
    button: 'Skills',
    buttonHint: 'Competence needs and training offer by region',
    title: 'Competence needs and training offer',
    byRegion: 'By region',
    byCity: 'By city',
    csv: 'CSV (Excel)',
    close: 'Close',
    loading: 'Loading…',
    failed: 'Loading failed: {message}',
    empty: 'No competence needs (NEEDS) or training offers (OFFERS_TRAINING) have been entered yet.',
    summary: '{needed} needed · {offered} offered · {gaps} gaps',
    skill: 'Competence',
    needs: 'Needed by',
    offers: 'Trained by',
    status: 'Status',
    gap: 'Gap',
    covered: 'Covered',
    offerOnly: 'Offered',
    nowhere: 'Offered nowhere else either',
    elsewhere: 'Offered in: {places}',
    km: '{km} km',
    'level.vocational': 'vocational',
    'level.uas': 'UAS',
    'level.university': 'university',
  },
  sv: {
    button: 'Kompetens',
    buttonHint: 'Kompetensbehov och utbildningsutbud per region',
    title: 'Kompetensbehov och utbildningsutbud',
    byRegion: 'Per landskap',
    byCity: 'Per stad',
    csv: 'CSV (Excel)',
    close: 'Stäng',
    loading: 'Laddar…',
    failed: 'Hämtningen misslyckades: {message}',
    empty: 'Inga kompetensbehov (BEHÖVER) eller utbildningsutbud (UTBILDAR) har förts in ännu.',
    summary: '{needed} behov · {offered} utbud · {gaps} luckor',
    skill: 'Kompetens',
    needs: 'Behövs av',
    offers: 'Utbildas av',
    status: 'Läge',
    gap: 'Lucka',
    covered: 'Täckt',
    offerOnly: 'Utbud',
    nowhere: 'Erbjuds inte heller någon annanstans',
    elsewhere: 'Erbjuds i: {places}',
    km: '{km} km',
    'level.vocational': 'yrkesutbildning',
    'level.uas': 'YH',
    'level.university': 'universitet',
  },
} satisfies Record<Lang, Record<string, string>>;

type Key = keyof (typeof STRINGS)['fi'];

function st(key: Key, params?: Record<string, string | number>): string {
  return translate(STRINGS, key, params);
}

const levelLabel = (level: Level | null) => (level ? st(`level.${level}`) : '');
const providerText = (p: Provider) => (p.level ? `${p.name} (${levelLabel(p.level)})` : p.name);

export class SkillsView {
  private readonly dialog = h('dialog', { class: 'skills-view', 'data-testid': 'skills-view', 'aria-labelledby': 'skills-view-title' });
  private readonly button = h('button', { type: 'button', class: 'secondary', 'data-testid': 'skills-button', onclick: () => this.open() });
  private by: By = 'region';
  private report: SkillsReport | null = null;
  private message = '';

  constructor(private readonly workspaceId: string) {
    document.body.append(this.dialog);
    onLanguageChange(() => this.render());
    this.render();
  }

  /** Puts the opening button before `anchor` (the header's overlaps button). */
  mountBefore(anchor: Element): void {
    anchor.before(this.button);
  }

  async open(): Promise<void> {
    if (!this.dialog.open) this.dialog.showModal();
    await this.load();
  }

  private async load(): Promise<void> {
    this.report = null;
    this.message = st('loading');
    this.render();
    try {
      const path = `${API_BASE}/workspaces/${encodeURIComponent(this.workspaceId)}/skills`;
      this.report = await request<SkillsReport>('GET', path, { query: { by: this.by } });
      this.message = '';
    } catch (err) {
      this.message = st('failed', { message: errorMessage(err) });
    }
    this.render();
  }

  private render(): void {
    this.button.textContent = st('button');
    this.button.title = st('buttonHint');
    const csvHref = `${API_BASE}/workspaces/${encodeURIComponent(this.workspaceId)}/skills?by=${this.by}&format=csv`;
    const bySelect = h(
      'select',
      {
        'data-testid': 'skills-by',
        'aria-label': st('title'),
        onchange: (e) => {
          this.by = (e.target as HTMLSelectElement).value as By;
          void this.load();
        },
      },
      h('option', { value: 'region', ...(this.by === 'region' ? { selected: true } : {}) }, st('byRegion')),
      h('option', { value: 'city', ...(this.by === 'city' ? { selected: true } : {}) }, st('byCity')),
    );
    replaceChildren(
      this.dialog,
      h(
        'header',
        { class: 'skills-head' },
        h('h2', { id: 'skills-view-title' }, st('title')),
        bySelect,
        h('a', { href: csvHref, class: 'button-link', download: '', 'data-testid': 'skills-csv' }, st('csv')),
        h(
          'button',
          { type: 'button', class: 'icon', title: st('close'), 'data-testid': 'skills-close', onclick: () => this.dialog.close() },
          '✕',
        ),
      ),
      h('div', { class: 'skills-body' }, ...this.body()),
    );
  }

  private body(): (HTMLElement | string)[] {
    if (this.message) return [h('p', { class: 'skills-message' }, this.message)];
    if (!this.report) return [];
    if (!this.report.places.length) return [h('p', { class: 'skills-message', 'data-testid': 'skills-empty' }, st('empty'))];
    return this.report.places.map((place) =>
      h(
        'section',
        { class: 'skills-place', 'data-testid': 'skills-place', 'data-place': place.id },
        h('h3', {}, place.name, ' ', h('small', {}, st('summary', { needed: place.needed, offered: place.offered, gaps: place.gaps }))),
        h(
          'table',
          {},
          h(
            'thead',
            {},
            h('tr', {}, h('th', {}, st('skill')), h('th', {}, st('needs')), h('th', {}, st('offers')), h('th', {}, st('status'))),
          ),
          h('tbody', {}, ...place.skills.map((s) => this.row(s))),
        ),
      ),
    );
  }

  private row(s: PlaceSkill): HTMLElement {
    const status = s.gap
      ? h(
          'td',
          { class: 'skills-gap' },
          h('strong', {}, st('gap')),
          h(
            'div',
            { class: 'skills-elsewhere' },
            s.offeredElsewhere.length
              ? st('elsewhere', {
                  places: s.offeredElsewhere
                    .slice(0, 3)
                    .map(
                      (o) =>
                        `${o.placeName}${o.distanceKm === null ? '' : ` (${st('km', { km: o.distanceKm })})`}: ${o.providers.map(providerText).join(', ')}`,
                    )
                    .join('; '),
                })
              : st('nowhere'),
          ),
        )
      : h('td', { class: s.needs.count ? 'skills-covered' : 'skills-offer' }, s.needs.count ? st('covered') : st('offerOnly'));
    return h(
      'tr',
      { 'data-skill': s.skillId, 'data-gap': String(s.gap) },
      h('th', { scope: 'row' }, s.skillName),
      h('td', {}, s.needs.organisations.map((o) => o.name).join(', ')),
      h('td', {}, s.offers.providers.map(providerText).join(', ')),
      status,
    );
  }
}
