/**
 * Duplicate work between cities: a project's overlaps with projects elsewhere, every cross-city pair
 * (JSON or CSV), the place × theme specialisation matrix and the projects behind one of its cells, and
 * theme suggestions for a text.
 */
import { Router, type Response } from 'express';
import { suggestThemes, type SuggestInput } from '../../domain/themes/suggest';
import { getTaxonomy } from '../../domain/themes/taxonomy';
import { notFound } from '../errors';
import { COLD_WAIT_MS } from '../services/followed-index';
import { toCsv } from '../services/csv';
import { overlapsOf, type OverlapPair, type SpecialisationCellProjects } from '../services/project-overlaps';
import { WorkspaceParamsSchema } from './common.schema';
import type { ApiDeps } from './deps';
import {
  OverlapPairsQuerySchema,
  ProjectOverlapsParamsSchema,
  ProjectOverlapsQuerySchema,
  SpecialisationCellQuerySchema,
  SpecialisationQuerySchema,
  SuggestBodyQuerySchema,
  SuggestBodySchema,
  SuggestQuerySchema,
} from './overlaps.schema';
import { parse } from './validate';

const CSV_HEADER = [
  'score',
  'projectA',
  'projectAName',
  'citiesA',
  'projectB',
  'projectBName',
  'citiesB',
  'sharedThemes',
  'explanationFi',
  'explanationEn',
];

function pairsCsv(pairs: OverlapPair[]): string {
  const taxonomy = getTaxonomy();
  return toCsv([
    CSV_HEADER,
    ...pairs.map((p) => [
      p.score,
      p.a.id,
      p.a.name,
      p.a.cities.map((c) => c.name).join('; '),
      p.b.id,
      p.b.name,
      p.b.cities.map((c) => c.name).join('; '),
      p.parts.sharedThemes.map((t) => taxonomy.label(t, 'fi')).join('; '),
      p.explanation.fi,
      p.explanation.en,
    ]),
  ]);
}

function sendSuggestions(res: Response, input: SuggestInput, limit: number, minScore: number) {
  const taxonomy = getTaxonomy();
  const items = suggestThemes(input, taxonomy, { limit, minScore }).map((s) => {
    const theme = taxonomy.get(s.themeId);
    return { themeId: s.themeId, name: theme?.name ?? s.themeId, nameEn: theme?.nameEn, nameSv: theme?.nameSv, score: s.score, because: s.because };
  });
  res.json({ items });
}

export function overlapsRouter({ overlaps }: ApiDeps): Router {
  const router = Router();

  router.get('/workspaces/:workspaceId/projects/:id/overlaps', async (req, res) => {
    const { workspaceId, id } = parse(ProjectOverlapsParamsSchema, req.params, 'params');
    const { k, crossBoundary, minScore } = parse(ProjectOverlapsQuerySchema, req.query, 'query');
    const ws = await overlaps.load(workspaceId, { coldWaitMs: COLD_WAIT_MS });
    if (!ws) throw notFound('Workspace', workspaceId);
    const items = overlapsOf(ws, id, k, crossBoundary, minScore);
    if (!items) throw notFound('Project', id);
    res.json({ workspaceId, projectId: id, seq: ws.seq, crossBoundary, items });
  });

  router.get('/workspaces/:workspaceId/overlaps', async (req, res) => {
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    const { format, ...filters } = parse(OverlapPairsQuerySchema, req.query, 'query');
    const result = await overlaps.pairs(workspaceId, filters, { coldWaitMs: COLD_WAIT_MS });
    if (!result) throw notFound('Workspace', workspaceId);
    if (format === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment(`overlaps-${workspaceId}.csv`)
        .send(pairsCsv(result.pairs));
      return;
    }
    res.json({ workspaceId, seq: result.seq, total: result.total, items: result.pairs });
  });

  router.get('/workspaces/:workspaceId/specialisation', async (req, res) => {
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    const { by } = parse(SpecialisationQuerySchema, req.query, 'query');
    const json = await overlaps.specialisationJson(workspaceId, by, { coldWaitMs: COLD_WAIT_MS });
    if (json === null) throw notFound('Workspace', workspaceId);
    res.type('application/json').send(json);
  });

  router.get('/workspaces/:workspaceId/specialisation/projects', async (req, res) => {
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    const { by, place, theme, offset, limit } = parse(SpecialisationCellQuerySchema, req.query, 'query');
    const cell = await overlaps.cellProjects(workspaceId, by, place, theme, { offset, limit }, { coldWaitMs: COLD_WAIT_MS });
    if (!cell) throw notFound('Workspace', workspaceId);
    const body: SpecialisationCellProjects = { workspaceId, seq: cell.seq, by, placeId: place, themeId: theme, total: cell.total, offset, limit, items: cell.items };
    res.json(body);
  });

  router.get('/themes/suggest', (req, res) => {
    const { text, limit, minScore } = parse(SuggestQuerySchema, req.query, 'query');
    sendSuggestions(res, text, limit, minScore);
  });

  router.post('/themes/suggest', (req, res) => {
    const body = parse(SuggestBodySchema, req.body ?? {}, 'body');
    const { limit, minScore } = parse(SuggestBodyQuerySchema, req.query, 'query');
    sendSuggestions(res, body, limit, minScore);
  });

  return router;
}
