import PDFDocument from 'pdfkit';
import { FONT_SUBSETS, fontFile, splitRuns } from './pdf-text.js';

export interface CertificateView {
  holderName: string;
  pathTitle: string;
  organizationName: string;
  completedAt: Date;
  timeZone: string;
  code: string;
  verifyUrl: string;
  language: 'de' | 'en';
}

const TEXT = {
  de: { title: 'Zertifikat', intro: 'Hiermit wird bestätigt, dass', completed: 'den Lernpfad', suffix: 'erfolgreich abgeschlossen hat.', on: 'Abgeschlossen am', verify: 'Echtheit prüfen' },
  en: { title: 'Certificate', intro: 'This certifies that', completed: 'has successfully completed the learning path', suffix: '', on: 'Completed on', verify: 'Verify' },
};

/** Renders the certificate as a PDF on the server, without a browser. */
export function renderCertificatePdf(view: CertificateView): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 60, info: { Title: `${TEXT[view.language].title} ${view.code}`, Author: 'Freiraum' } });
  for (const subset of FONT_SUBSETS) {
    doc.registerFont(`${subset}-400`, fontFile(subset, 400));
    doc.registerFont(`${subset}-700`, fontFile(subset, 700));
  }
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const t = TEXT[view.language];
  const width = doc.page.width - 120;
  const write = (text: string, size: number, weight: 400 | 700, color = '#1f2933', gap = 12) => {
    const runs = splitRuns(text);
    doc.fontSize(size).fillColor(color);
    runs.forEach((run, i) => {
      doc.font(`${run.subset}-${weight}`).text(run.text, { width, align: 'center', continued: i < runs.length - 1 });
    });
    doc.moveDown(gap / size);
  };

  doc.rect(30, 30, doc.page.width - 60, doc.page.height - 60).lineWidth(2).strokeColor('#0f6e63').stroke();
  doc.y = 90;
  write('FREIRAUM', 14, 700, '#0f6e63', 30);
  write(t.title, 40, 700, '#1f2933', 26);
  write(t.intro, 14, 400, '#52606d', 14);
  write(view.holderName, 30, 700, '#1f2933', 16);
  write(t.completed, 14, 400, '#52606d', 10);
  write(view.pathTitle, 22, 700, '#0f6e63', 10);
  if (t.suffix) write(t.suffix, 14, 400, '#52606d', 10);
  const date = new Intl.DateTimeFormat(view.language === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeZone: view.timeZone }).format(view.completedAt);
  write(`${t.on} ${date} · ${view.organizationName}`, 12, 400, '#52606d', 40);
  write(`${t.verify}: ${view.verifyUrl}`, 10, 400, '#7b8794', 4);
  write(view.code, 12, 700, '#1f2933', 4);
  doc.end();
  return done;
}
