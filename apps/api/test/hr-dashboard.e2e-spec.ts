import path from 'node:path';
import { loadAndCheck } from '@freiraum/content';
import type { HrDashboard, HrDashboardQuery } from '@freiraum/contracts';
import { ContentImportService } from '../src/learning/content-import.service.js';
import { DashboardRollups } from '../src/dashboards/dashboard-rollups.js';
import { leadBucket } from '../src/dashboards/metrics.policy.js';
import { HrDashboardService } from '../src/dashboards/hr-dashboard.service.js';
import { PlainCellSource } from '../src/dashboards/plain-cell-source.js';
import { RollupCellSource } from '../src/dashboards/rollup-cell-source.js';
import type { HrCells, HrScope } from '../src/dashboards/hr-cells.js';
import { Department } from '../src/organizations/department.entity.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { bearer, createOrganization, createUser } from './support/factories.js';

const DAY = 86_400_000;
const START = new Date('2026-09-01T09:00:00Z');

describe('HR dashboard: figures, privacy, CSV, and rollups equal to plain aggregates', () => {
  let t: TestApp;
  let orgId: string;
  let depts: Record<'sales' | 'buying' | 'production', string>;
  let salesTrack: string;
  const auth: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const items: Record<string, string> = {};

  const post = (who: string, url: string, body: object) => t.http().post(url).set('authorization', auth[who]).send(body);
  const at = (days: number) => t.clock.set(new Date(START.getTime() + days * DAY));

  beforeAll(async () => {
    t = await createTestApp();
    const { content } = loadAndCheck(path.resolve(__dirname, 'fixtures/content'));
    await t.ds.transaction((em) => t.app.get(ContentImportService).importContent(em, content));
    for (const slug of ['what-ai-is', 'check-quiz', 'write-prompt', 'spot-problems', 'recap']) {
      items[slug] = (await t.ds.query(`SELECT id FROM learning_items WHERE slug = $1`, [slug]))[0].id;
    }
    const created = await createOrganization(t);
    orgId = created.org.id;
    salesTrack = created.tracks.find((tr) => tr.slug === 'sales')!.id;
    const leadershipTrack = created.tracks.find((tr) => tr.slug === 'leadership')!.id;
    const repo = t.ds.getRepository(Department);
    depts = {
      sales: created.department.id,
      // A name that would be a formula in Excel: the CSV must defuse it.
      buying: (await repo.save({ organizationId: orgId, name: '=Einkauf' })).id,
      production: (await repo.save({ organizationId: orgId, name: 'Produktion' })).id,
    };
    const add = async (key: string, attrs: Partial<Parameters<typeof createUser>[1]>) => {
      const u = await createUser(t, { organizationId: orgId, trackId: salesTrack, firstName: key, ...attrs });
      ids[key] = u.id;
      auth[key] = bearer(t, u);
    };
    await add('hr', { roles: ['hr', 'employee'], departmentId: depts.production, trackId: null });
    await add('admin', { roles: ['admin', 'employee'], departmentId: depts.production, trackId: null });
    await add('boss', { roles: ['manager', 'employee'], departmentId: depts.sales, trackId: leadershipTrack });
    await add('boss2', { roles: ['manager', 'employee'], departmentId: depts.production, trackId: leadershipTrack });
    for (let i = 0; i < 12; i++) await add(`s${i}`, { departmentId: depts.sales, managerId: ids.boss });
    for (let i = 0; i < 2; i++) await add(`b${i}`, { departmentId: depts.buying, managerId: ids.boss });
    for (let i = 0; i < 7; i++) await add(`p${i}`, { departmentId: depts.production, managerId: ids.boss2 });

    // Three months of use, made through the HTTP API so the rollups see what real use would write.
    const people = Object.keys(ids).filter((k) => /^[sbp]\d/.test(k));
    for (const [n, who] of people.entries()) {
      at(n % 40);
      await t.http().post(`/api/learning/lessons/${items['what-ai-is']}/read`).set('authorization', auth[who]).expect(204);
      if (n % 3 === 2) continue;
      at(5 + (n % 50));
      await post(who, `/api/learning/exercises/${items['check-quiz']}/attempts`, { language: 'en', answer: { answers: { confident: ['yes'], data: ['names'] } } }).expect(201);
      if (n % 2 === 0) {
        at(20 + (n % 60));
        await post(who, `/api/learning/exercises/${items['check-quiz']}/attempts`, { language: 'en', answer: { answers: { confident: ['no'], data: ['names', 'prices'] } } }).expect(201);
        await post(who, `/api/learning/exercises/${items['write-prompt']}/attempts`, {
          language: 'de',
          answer: { prompt: 'Du bist Vertriebsmitarbeiter. Schreibe eine E-Mail an einen Kunden im Einkauf.' },
        }).expect(201);
        const doc: string = (await t.http().get('/api/learning/modules/intro').set('authorization', auth[who]).expect(200)).body.items.find(
          (i: { slug: string }) => i.slug === 'spot-problems',
        ).exercise.body.document.en;
        const mark = (quote: string, category: string) => ({ start: doc.indexOf(quote), end: doc.indexOf(quote) + quote.length, category });
        const done = await post(who, `/api/learning/exercises/${items['spot-problems']}/attempts`, {
          language: 'en',
          answer: {
            marks: [
              mark('900 parts per hour', 'fact'),
              mark('according to a study by the Nowhere University', 'invented_source'),
              mark('Mr Max Muster at 0171 2345678', 'data_protection'),
            ],
          },
        }).expect(201);
        expect(done.body.moduleCompletedNow).toBe(true);
        if (n % 4 === 0) await post(who, `/api/learning/exercises/${items.recap}/attempts`, { language: 'en', answer: { answers: { 'review-needed': ['always'] } } }).expect(201);
      }
      at(30 + (n % 55));
      const outcome = ['worked', 'partly', 'failed'][n % 3];
      const entry = await post(who, '/api/journal', {
        goal: 'Angebot mit KI vorformulieren',
        toolId: 'other',
        toolName: 'Testwerkzeug',
        dataClass: 'public',
        outcome,
        minutesSaved: 10 * (n % 5),
        learned: 'Was ich gelernt habe, steht hier.',
        visibility: n % 2 ? 'organization' : 'private',
      }).expect(201);
      if (n % 4 === 0) await t.http().patch(`/api/journal/${entry.body.id}/visibility`).set('authorization', auth[who]).send({ visibility: 'team' }).expect(200);
      at(40 + (n % 45));
      const slot = new Date(t.clock.now().getTime() + 2 * DAY).toISOString().slice(0, 10);
      const request = await post(who, '/api/freiraum/requests', { slotDate: slot, hours: 1 + (n % 3) * 0.5, purposeType: 'experiment', purpose: 'Ein Experiment' }).expect(201);
      at(41 + (n % 45));
      const decider = who.startsWith('p') ? 'boss2' : 'boss';
      await post(decider, `/api/freiraum/requests/${request.body.id}/decision`, n % 5 === 0 ? { decision: 'rejected', note: 'Nicht in dieser Woche' } : { decision: 'approved' }).expect(200);
    }
    // The managers take part too: boss learns (leadership has no path in the fixtures) and logs an experiment.
    at(88);
    await post('boss', '/api/journal', {
      goal: 'Teamrunde mit KI vorbereiten',
      toolId: 'other',
      toolName: 'Testwerkzeug',
      dataClass: 'public',
      outcome: 'worked',
      minutesSaved: 15,
      learned: 'Die Agenda war schneller fertig.',
      visibility: 'organization',
    }).expect(201);
    at(90);
  }, 180_000);
  afterAll(() => t.close());

  const get = (who: string, query = '') => t.http().get(`/api/dashboards/hr${query}`).set('authorization', auth[who]);

  describe('access', () => {
    it('is for HR and admins only', async () => {
      await get('s1').expect(403);
      await get('boss').expect(403);
      await get('hr').expect(200);
      await get('admin').expect(200);
      await t.http().get('/api/dashboards/hr').expect(401);
    });

    it('refuses bad filters naming the field, and another organisation’s department', async () => {
      const other = await createOrganization(t);
      expect((await get('hr', `?departmentId=${other.department.id}`).expect(400)).body.details[0].field).toBe('departmentId');
      expect((await get('hr', '?from=2026-11-10&to=2026-11-01').expect(400)).body.details[0].field).toBe('to');
      expect((await get('hr', '?from=2025-01-01&to=2026-11-01').expect(400)).body.details[0].field).toBe('from');
      expect((await get('hr', '?departmentId=nope').expect(400)).body.details[0].field).toBe('departmentId');
      expect((await get('hr', '?extra=1').expect(400)).body.details[0].field).toBe('extra');
    });
  });

  describe('figures and privacy', () => {
    let d: HrDashboard;
    beforeAll(async () => {
      d = (await get('hr', '?from=2026-09-01&to=2026-11-29').expect(200)).body;
    });

    it('counts enrolled, active and completion as defined', () => {
      // 21 people on the sales path; hr/admin have no track, the managers' leadership track has no path here.
      expect(d.totals.enrolled).toEqual({ value: 21, suppressed: null });
      // Everyone read a lesson in the range, and boss logged an experiment; boss2 only decided requests,
      // which is not activity in the sense of PRODUCT.md §4.
      expect(d.totals.active).toEqual({ value: 22, suppressed: null });
      // Completion rate = modules completed ÷ modules assigned (21 people × 2 modules of the path).
      const completedIntro = Array.from({ length: 21 }, (_, n) => n).filter((n) => n % 3 !== 2 && n % 2 === 0);
      const completedRecap = completedIntro.filter((n) => n % 4 === 0);
      expect(d.totals.completionRate.value).toBeCloseTo((completedIntro.length + completedRecap.length) / 42, 4);
      expect(d.totals.modulesCompleted.value).toBe(completedIntro.length + completedRecap.length);
    });

    it('hides the small department as “fewer than 5” and one more so that subtraction fails', () => {
      const buying = d.byDepartment.find((r) => r.name === '=Einkauf')!;
      expect(buying.figures.enrolled).toEqual({ value: null, suppressed: 'small_group' });
      const production = d.byDepartment.find((r) => r.name === 'Produktion')!;
      expect(production.figures.enrolled.suppressed).toBe('complementary');
      const shown = d.byDepartment.filter((r) => r.figures.enrolled.suppressed === null);
      // Total minus what is shown is never the small department alone.
      const rest = d.totals.enrolled.value! - shown.reduce((s, r) => s + r.figures.enrolled.value!, 0);
      expect(rest).toBeGreaterThanOrEqual(d.privacyThreshold);
    });

    it('filtering by a department never shows what the breakdown hid', async () => {
      const buying = (await get('hr', `?from=2026-09-01&to=2026-11-29&departmentId=${depts.buying}`).expect(200)).body as HrDashboard;
      expect(buying.totals.enrolled.suppressed).toBe('small_group');
      expect(buying.totals.minutesSaved.suppressed).not.toBeNull();
      const production = (await get('hr', `?from=2026-09-01&to=2026-11-29&departmentId=${depts.production}`).expect(200)).body as HrDashboard;
      expect(production.totals.enrolled.suppressed).toBe('complementary');
      // Its track breakdown would add up to the hidden total: hidden too.
      expect(production.byTrack.every((r) => r.figures.enrolled.suppressed !== null)).toBe(true);
      const sales = (await get('hr', `?from=2026-09-01&to=2026-11-29&departmentId=${depts.sales}`).expect(200)).body as HrDashboard;
      expect(sales.totals.enrolled).toEqual({ value: 12, suppressed: null });
    });

    it('reports Freiraum, approvals, outcomes and leadership participation', () => {
      expect(d.totals.freiraumApproved.value).toBeGreaterThan(0);
      expect(d.totals.freiraumUsed.value).toBeLessThanOrEqual(d.totals.freiraumApproved.value!);
      expect(d.approvals.decided.value).toBe(14);
      expect(d.approvals.rejectionRate.value).toBeCloseTo(3 / 14, 4);
      expect(d.approvals.leadTimeMedianHours).toEqual({ value: 24, suppressed: null });
      expect(d.leadership.managers).toEqual({ value: null, suppressed: 'small_group' });
      const outcomes = d.totals.outcomeWorked.value! + d.totals.outcomePartly.value! + d.totals.outcomeFailed.value!;
      expect(outcomes).toBe(15);
      expect(d.trends.length).toBeGreaterThanOrEqual(13);
      expect(d.funnel[0].modules.map((m) => m.slug)).toEqual(['intro', 'advanced']);
      expect(d.funnel[0].modules[0].started).toEqual({ value: 21, suppressed: null });
    });
  });

  describe('CSV for German Excel', () => {
    it('has a BOM, semicolons, the suppression text and defused formulas', async () => {
      const res = await t.http().get('/api/dashboards/hr.csv?table=departments&lang=de&from=2026-09-01&to=2026-11-29').set('authorization', auth.hr).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="freiraum-hr-departments-2026-09-01-2026-11-29.csv"');
      const text = res.text;
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const lines = text.slice(1).trim().split('\r\n');
      expect(lines[0].split(';')[0]).toBe('Abteilung');
      const buying = lines.find((l) => l.startsWith("'=Einkauf"))!;
      expect(buying.split(';')[1]).toBe('weniger als 5');
      expect(lines.find((l) => l.startsWith('Produktion'))!.split(';')[1]).toBe('verborgen (Schutz kleiner Gruppen)');
      expect(lines.at(-1)!.startsWith('Gesamt;21;')).toBe(true);
      // German decimals.
      expect(lines.at(-1)).toMatch(/;0,\d+;/);
    });

    it('exports every table, in English too, and only to HR', async () => {
      for (const table of ['tracks', 'funnel', 'trends', 'summary']) {
        const res = await t.http().get(`/api/dashboards/hr.csv?table=${table}&lang=en`).set('authorization', auth.admin).expect(200);
        expect(res.text.split('\r\n').length).toBeGreaterThan(2);
      }
      await t.http().get('/api/dashboards/hr.csv?table=summary').set('authorization', auth.boss).expect(403);
      expect((await t.http().get('/api/dashboards/hr.csv?table=people').set('authorization', auth.hr).expect(400)).body.details[0].field).toBe('table');
    });
  });

  describe('rollups equal plain aggregates over the base tables', () => {
    const queries: HrDashboardQuery[] = [
      {},
      { from: '2026-09-01', to: '2026-11-29' },
      { from: '2026-09-15', to: '2026-10-20' },
      { from: '2026-09-01', to: '2026-11-29', departmentId: '' },
      { from: '2026-09-01', to: '2026-11-29', trackId: '' },
    ];
    const scopes = (): HrDashboardQuery[] =>
      queries.map((q) => ({ ...q, departmentId: q.departmentId === '' ? depts.production : q.departmentId, trackId: q.trackId === '' ? salesTrack : q.trackId }));
    const sorted = (c: HrCells) => ({
      ...c,
      cells: [...c.cells].sort((a, b) => `${a.departmentId}${a.trackId}`.localeCompare(`${b.departmentId}${b.trackId}`)),
      funnel: [...c.funnel].sort((a, b) => `${a.moduleId}${a.departmentId}${a.trackId}`.localeCompare(`${b.moduleId}${b.departmentId}${b.trackId}`)),
      trends: [...c.trends].sort((a, b) => `${a.weekStart}${a.departmentId}${a.trackId}`.localeCompare(`${b.weekStart}${b.departmentId}${b.trackId}`)),
      approvals: { ...c.approvals, medianHours: round(c.approvals.medianHours), p90Hours: round(c.approvals.p90Hours) },
      leadership: { ...c.leadership, medianDecisionHours: round(c.leadership.medianDecisionHours) },
    });
    const round = (x: number | null) => (x === null ? null : Math.round(x * 1e6) / 1e6);

    const compareAll = async () => {
      const service = t.app.get(HrDashboardService);
      for (const q of scopes()) {
        const viaRollups = await service.build(t.ds.manager, orgId, q, t.app.get(RollupCellSource));
        const viaPlain = await service.build(t.ds.manager, orgId, q, t.app.get(PlainCellSource));
        expect(viaRollups).toEqual(viaPlain);
        const scope: HrScope = {
          organizationId: orgId,
          from: viaRollups.range.from,
          to: viaRollups.range.to,
          today: '2026-11-29',
          timeZone: 'Europe/Berlin',
          periodKeys: ['2026-09', '2026-10', '2026-11'],
          defaultHours: 8,
          departmentId: q.departmentId ?? null,
          trackId: q.trackId ?? null,
        };
        expect(sorted(await t.app.get(RollupCellSource).load(t.ds.manager, scope))).toEqual(sorted(await t.app.get(PlainCellSource).load(t.ds.manager, scope)));
      }
    };

    // The derived tables (ADR 0013) as content: set bits rather than bytes, rows that are not all zero.
    const derived = async () => {
      const slots = (b: Buffer) => Array.from({ length: b.length * 8 }, (_, i) => i).filter((i) => b[i >> 3] & (1 << (i & 7)));
      const bitmaps = (rows: { bits: Buffer }[]) => rows.map(({ bits, ...key }) => ({ ...key, slots: slots(bits) })).filter((r) => r.slots.length);
      const q = (sql: string) => t.ds.query(sql, [orgId]);
      const [people] = await q(`SELECT cells, cell_of, active, managers FROM dash_org_people WHERE organization_id = $1`);
      return {
        people: { cells: people.cells, cellOf: Buffer.from(people.cell_of).toString('hex'), active: slots(people.active), managers: slots(people.managers) },
        days: bitmaps(await q(`SELECT day::text, figure, bits FROM dash_people_days WHERE organization_id = $1 ORDER BY day, figure`)),
        weeks: bitmaps(await q(`SELECT week::text, figure, bits FROM dash_people_weeks WHERE organization_id = $1 ORDER BY week, figure`)),
        modules: bitmaps(await q(`SELECT module_id, figure, bits FROM dash_module_people WHERE organization_id = $1 ORDER BY module_id, figure`)),
        cells: await q(
          `SELECT * FROM dash_cell_days WHERE organization_id = $1
              AND (modules_completed, journal_logged, journal_shared, outcome_worked, outcome_partly, outcome_failed, minutes_saved, approved_hours, decided, rejected)
                  <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            ORDER BY day, department_key, track_key`,
        ),
        leads: await q(`SELECT * FROM dash_lead_times WHERE organization_id = $1 AND decisions <> 0 ORDER BY department_key, track_key, day, kind, bucket`),
        counts: await q(`SELECT * FROM dash_person_counts WHERE organization_id = $1 AND n <> 0 ORDER BY user_id, day, figure`),
        periods: await q(`SELECT * FROM dash_cell_periods WHERE organization_id = $1 AND (allocations, hours) <> (0, 0) ORDER BY period_key, department_key, track_key`),
      };
    };

    const snapshot = async () => ({
      days: await t.ds.query(`SELECT * FROM dash_user_days WHERE organization_id = $1 ORDER BY user_id, day`, [orgId]),
      modules: await t.ds.query(`SELECT * FROM dash_module_progress WHERE organization_id = $1 ORDER BY user_id, module_id`, [orgId]),
      derived: await derived(),
    });

    it('sets and clears bits past the end of a bitmap', async () => {
      const scratch = '11111111-1111-4111-8111-111111111111'; // no organisation: the helpers need none
      const mark = (slot: number, on: boolean) => t.ds.query(`SELECT dash_mark($1, '2020-01-01', 0, $2, $3)`, [scratch, slot, on]);
      await mark(3, true);
      await mark(20, true); // the bitmap has one byte when slot 20 is checked
      await mark(100, false);
      await mark(3, false);
      await mark(20, true);
      const [row] = await t.ds.query(`SELECT bits FROM dash_people_days WHERE organization_id = $1`, [scratch]);
      const bits = Buffer.from(row.bits);
      expect(Array.from({ length: bits.length * 8 }, (_, i) => i).filter((i) => bits[i >> 3] & (1 << (i & 7)))).toEqual([20]);
      await t.ds.query(`DELETE FROM dash_people_days WHERE organization_id = $1`, [scratch]);
    });

    it('lead-time buckets are the same in SQL and TypeScript', async () => {
      const hours = [0, 0.1, 0.25, 0.3, 1, 1.2, 7.75, 12, 12.01, 24, 47.5, 48, 50, 100, 168, 169, 500, 720, 721, 5000, 100000];
      const rows: { b: number }[] = await t.ds.query(`SELECT dash_lead_bucket(h) AS b FROM unnest($1::numeric[]) WITH ORDINALITY AS x(h, i) ORDER BY i`, [hours]);
      expect(rows.map((r) => Number(r.b))).toEqual(hours.map(leadBucket));
    });

    it('after incremental updates', async () => {
      expect(Number((await t.ds.query(`SELECT count(*) AS n FROM dash_user_days WHERE organization_id = $1`, [orgId]))[0].n)).toBeGreaterThan(40);
      await compareAll();
    });

    it('after a rebuild from the activity log, which reproduces the incremental read model exactly', async () => {
      const before = await snapshot();
      await t.ds.transaction((em) => t.app.get(DashboardRollups).rebuild(em, orgId));
      expect(await snapshot()).toEqual(before);
      await compareAll();
    });

    it('after people move, leave and change Freiraum, and after a rebuild again', async () => {
      const admin = (method: 'patch' | 'post', url: string, body: object) => t.http()[method](url).set('authorization', auth.admin).send(body);
      // s3 moves to production, s5 leaves the sales track, p1 leaves the company; boss (a manager) moves to buying.
      await admin('patch', `/api/users/${ids.s3}`, { departmentId: depts.production }).expect(200);
      await admin('patch', `/api/users/${ids.s5}`, { trackSlug: null }).expect(200);
      await admin('post', `/api/users/${ids.p1}/deactivate`, {}).expect(200);
      await admin('patch', `/api/users/${ids.boss}`, { departmentId: depts.buying }).expect(200);
      // s6's approved request is cancelled again, s7's stays approved; boss raises s8's allocation.
      const slot = new Date(t.clock.now().getTime() + 3 * DAY).toISOString().slice(0, 10);
      for (const who of ['s6', 's7']) {
        const request = await post(who, '/api/freiraum/requests', { slotDate: slot, hours: 2, purposeType: 'experiment', purpose: 'Noch ein Experiment' }).expect(201);
        await post('boss', `/api/freiraum/requests/${request.body.id}/decision`, { decision: 'approved' }).expect(200);
        if (who === 's6') await post('s6', `/api/freiraum/requests/${request.body.id}/cancel`, {}).expect(200);
      }
      await t.http().put(`/api/freiraum/team/${ids.s8}/allocation`).set('authorization', auth.boss).send({ period: '2026-11', hours: 12 }).expect(200);
      await compareAll();
      const before = await snapshot();
      await t.ds.transaction((em) => t.app.get(DashboardRollups).rebuild(em, orgId));
      expect(await snapshot()).toEqual(before);
      await compareAll();
    });
  });
});
