/**
 * GET /api/v1/workspaces/:workspaceId/skills?by=region|city&format=json|csv: competences needed against
 * training offered per place, the gaps, and where another place offers what one lacks.
 */
import { Router } from 'express';
import { notFound } from '../errors';
import { toCsv } from '../services/csv';
import { SkillsGap, type SkillsReport } from '../services/skills-gap';
import { WorkspaceParamsSchema } from './common.schema';
import type { ApiDeps } from './deps';
import { SkillsQuerySchema } from './skills.schema';
import { parse } from './validate';

const CSV_HEADER = [
  'place',
  'placeName',
  'skill',
  'skillName',
  'needCount',
  'needingOrganisations',
  'offerCount',
  'providers',
  'gap',
  'offeredElsewhere',
];

/** One row per place and skill; providers as "name (level)", other places as "place: providers (n km)". */
function skillsCsv(report: SkillsReport): string {
  const providers = (list: { name: string; level: string | null }[]) =>
    list.map((p) => (p.level ? `${p.name} (${p.level})` : p.name)).join('; ');
  return toCsv([
    CSV_HEADER,
    ...report.places.flatMap((place) =>
      place.skills.map((s) => [
        place.id,
        place.name,
        s.skillId,
        s.skillName,
        s.needs.count,
        s.needs.organisations.map((o) => o.name).join('; '),
        s.offers.count,
        providers(s.offers.providers),
        s.gap ? 'yes' : 'no',
        s.offeredElsewhere
          .map((o) => `${o.placeName}: ${providers(o.providers)}${o.distanceKm === null ? '' : ` (${o.distanceKm} km)`}`)
          .join(' | '),
      ]),
    ),
  ]);
}

export function skillsRouter({ db, reads }: ApiDeps): Router {
  const router = Router();
  const skills = new SkillsGap(db, reads);
  router.get('/workspaces/:workspaceId/skills', async (req, res) => {
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    const { by, format } = parse(SkillsQuerySchema, req.query, 'query');
    const report = await skills.report(workspaceId, by);
    if (!report) throw notFound('Workspace', workspaceId);
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`skills-${workspaceId}-${by}.csv`).send(skillsCsv(report));
      return;
    }
    res.json(report);
  });
  return router;
}
