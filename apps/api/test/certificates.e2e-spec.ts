import path from 'node:path';
import { loadAndCheck } from '@freiraum/content';
import { ContentImportService } from '../src/learning/content-import.service.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { bearer, createOrganization, createUser } from './support/factories.js';

describe('certificates', () => {
  let t: TestApp;
  let auth: string;
  let colleague: string;

  const pass = async (slug: string, answer: object) => {
    const [{ id }] = await t.ds.query(`SELECT id FROM learning_items WHERE slug = $1`, [slug]);
    return t.http().post(`/api/learning/exercises/${id}/attempts`).set('authorization', auth).send({ language: 'en', answer }).expect(201);
  };

  beforeAll(async () => {
    t = await createTestApp();
    const { content } = loadAndCheck(path.resolve(__dirname, 'fixtures/content'));
    await t.ds.transaction((em) => t.app.get(ContentImportService).importContent(em, content));
    const { org, tracks } = await createOrganization(t, { name: 'Muster Maschinenbau GmbH' });
    const sales = tracks.find((tr) => tr.slug === 'sales')!;
    auth = bearer(t, await createUser(t, { organizationId: org.id, trackId: sales.id, firstName: 'Łukasz', lastName: 'Gül' }));
    colleague = bearer(t, await createUser(t, { organizationId: org.id, trackId: sales.id }));
  });
  afterAll(() => t.close());

  it('completing the last module of a path issues one certificate, downloadable as PDF and publicly verifiable', async () => {
    await pass('check-quiz', { answers: { confident: ['no'], data: ['names', 'prices'] } });
    await pass('write-prompt', { prompt: 'You are a sales engineer. Write an e-mail to a customer in procurement.' });
    const [{ document }] = await t.ds.query(`SELECT content->'document'->>'en' AS document FROM learning_items WHERE slug = 'spot-problems'`);
    const mark = (quote: string, category: string) => ({ start: document.indexOf(quote), end: document.indexOf(quote) + quote.length, category });
    await pass('spot-problems', {
      marks: [
        mark('900 parts per hour', 'fact'),
        mark('according to a study by the Nowhere University', 'invented_source'),
        mark('Mr Max Muster at 0171 2345678', 'data_protection'),
      ],
    });
    expect((await t.http().get('/api/learning/certificates').set('authorization', auth).expect(200)).body.items).toEqual([]);
    await pass('recap', { answers: { 'review-needed': ['always'] } });
    await pass('recap', { answers: { 'review-needed': ['always'] } });

    const mine = await t.http().get('/api/learning/certificates').set('authorization', auth).expect(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({ pathSlug: 'sales', code: expect.stringMatching(/^FR-[0-9A-Z]{4}-[0-9A-Z]{4}$/), verifyUrl: expect.stringContaining('/verify/FR-') }),
    ]);
    const code = mine.body.items[0].code;

    const pdf = await t.http().get(`/api/learning/certificates/${code}/pdf?lang=de`).set('authorization', auth).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // "Ł" needs the latin-ext subset, "ü" the latin one: both fonts are embedded.
    const text = bytes.toString('latin1');
    expect(text.match(/\/BaseFont \/[A-Z]{6}\+NotoSans[-\w]*/g)?.length).toBeGreaterThanOrEqual(2);

    await t.http().get(`/api/learning/certificates/${code}/pdf`).set('authorization', colleague).expect(404);

    const verify = await t.http().get(`/api/certificates/${code}`).expect(200);
    expect(verify.body).toMatchObject({ valid: true, code, holderName: 'Łukasz Gül', organizationName: 'Muster Maschinenbau GmbH', pathTitle: { de: 'KI im Vertrieb' } });
    await t.http().get('/api/certificates/FR-0000-0000').expect(404);
    const bad = await t.http().get('/api/certificates/nonsense').expect(400);
    expect(bad.body.details[0].field).toBe('code');
  });
});
