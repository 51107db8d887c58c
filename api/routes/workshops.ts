/**
 * Workshops: a signed-in facilitator creates one on a workspace (join code, link and QR code), pauses,
 * resumes and closes it; anyone with the code sees its public info and joins as a participant.
 */
import type { Request } from 'express';
import { Router } from 'express';
import QRCode from 'qrcode';
import { WORKSHOP_WRITE_TYPES } from '../../domain/workshops';
import { forbidden } from '../errors';
import type { Config } from '../infra/config';
import { participantWriteDecision, publicInfo, workshopOver, type WorkshopAction } from '../services/workshops';
import { participantMiddleware, requireParticipant, requireUser, sessionMiddleware } from './auth-context';
import { WorkspaceParamsSchema } from './common.schema';
import type { ApiDeps } from './deps';
import { parse } from './validate';
import { ParticipantJoinSchema, WorkshopCodeParamsSchema, WorkshopCreateSchema } from './workshops.schema';

/** The link participants open: PUBLIC_URL when set, else the origin the request came to. */
const publicBase = (req: Request, config: Pick<Config, 'PUBLIC_URL'>) =>
  (config.PUBLIC_URL ?? `${req.protocol}://${req.get('host')}`).replace(/\/+$/, '');

export const joinUrlFor = (req: Request, config: Pick<Config, 'PUBLIC_URL'>, code: string) => `${publicBase(req, config)}/join/${code}`;

/** The read-only projector link; the key is in the fragment, so it stays out of servers' access logs. */
export const projectorUrlFor = (req: Request, config: Pick<Config, 'PUBLIC_URL'>, code: string, key: string) =>
  `${publicBase(req, config)}/workshop/${code}/projector#key=${key}`;

export function workshopsRouter({ config, accounts, workshops }: ApiDeps): Router {
  const router = Router();
  const session = sessionMiddleware(accounts, config);
  const participant = participantMiddleware(workshops);

  router.post('/workspaces/:workspaceId/workshops', session, async (req, res) => {
    const user = requireUser(req);
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    const input = parse(WorkshopCreateSchema, req.body);
    const workshop = await workshops.create({ ...input, workspaceId }, user);
    const joinUrl = joinUrlFor(req, config, workshop.code);
    const qrSvg = await QRCode.toString(joinUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    const projectorUrl = projectorUrlFor(req, config, workshop.code, await workshops.projectorKey(workshop));
    res
      .status(201)
      .location(`/api/v1/workshops/${workshop.code}`)
      .json({ ...workshop, joinUrl, qrSvg, projectorUrl });
  });

  router.get('/workshops/:code', async (req, res) => {
    const { code } = parse(WorkshopCodeParamsSchema, req.params, 'params');
    const workshop = await workshops.get(code);
    const over = workshopOver(workshop);
    if (over) throw over;
    res.json({ ...publicInfo(workshop), joinUrl: joinUrlFor(req, config, workshop.code) });
  });

  for (const action of ['pause', 'resume', 'close'] as const satisfies readonly WorkshopAction[]) {
    router.post(`/workshops/:code/${action}`, session, async (req, res) => {
      const user = requireUser(req);
      const { code } = parse(WorkshopCodeParamsSchema, req.params, 'params');
      res.json(publicInfo(await workshops.control(code, action, user)));
    });
  }

  router.post('/workshops/:code/join', async (req, res) => {
    const { code } = parse(WorkshopCodeParamsSchema, req.params, 'params');
    const { displayName } = parse(ParticipantJoinSchema, req.body);
    const { participant: p, token, expiresAt } = await workshops.join(code, displayName);
    res
      .status(201)
      .json({
        participantId: p.participantId,
        token,
        displayName: p.displayName,
        workshopId: p.workshopId,
        workspaceId: p.workspaceId,
        expiresAt,
      });
  });

  /** The participant behind the token, and what they may add right now (each type: allowed, or the error a write would get). */
  router.get('/workshops/:code/me', participant, async (req, res) => {
    const { code } = parse(WorkshopCodeParamsSchema, req.params, 'params');
    const me = requireParticipant(req);
    const workshop = await workshops.get(code);
    if (me.workshopId !== workshop.id) throw forbidden('OTHER_WORKSHOP', 'The participant token belongs to another workshop');
    const permissions = Object.fromEntries(
      WORKSHOP_WRITE_TYPES.map((type) => {
        const d = participantWriteDecision(workshop, type);
        return [type, d.allowed ? { allowed: true } : { allowed: false, status: d.error.status, code: d.error.code }];
      }),
    );
    res.json({ participantId: me.participantId, displayName: me.displayName, workshop: publicInfo(workshop), permissions });
  });

  return router;
}
