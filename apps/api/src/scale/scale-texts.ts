import type { AiPolicy } from '@freiraum/contracts';
import type { DefaultTrackSlug } from '../demo/organization-defaults.js';

// Names, departments and free texts for the scale organisation (`npm run seed:scale`). German, like the
// demo organisation; the texts are picked per row by a hash, so they repeat — as real logs do.

export const SCALE_PASSWORD = 'freiraum-scale-2026';
export const SCALE_DEFAULT_NAME = 'Scale GmbH';

/** In this order: any prefix of 7+ keeps leadership, sales, translation, HR and IT present. */
export const SCALE_DEPARTMENTS: { name: string; track: DefaultTrackSlug; weight: number }[] = [
  { name: 'Geschäftsführung', track: 'leadership', weight: 0 },
  { name: 'Vertrieb Inland', track: 'sales', weight: 2 },
  { name: 'Technische Dokumentation', track: 'translation', weight: 1.2 },
  { name: 'Finanzen & Controlling', track: 'administration', weight: 1 },
  { name: 'Personal', track: 'administration', weight: 0.7 },
  { name: 'IT', track: 'administration', weight: 1 },
  { name: 'Kundenservice', track: 'sales', weight: 2 },
  { name: 'Übersetzung & Lokalisierung', track: 'translation', weight: 1 },
  { name: 'Einkauf', track: 'administration', weight: 0.8 },
  { name: 'Produktion', track: 'administration', weight: 3 },
  { name: 'Vertrieb International', track: 'sales', weight: 1.5 },
  { name: 'Marketing & Kommunikation', track: 'sales', weight: 1 },
  { name: 'Qualitätsmanagement', track: 'administration', weight: 0.8 },
  { name: 'Logistik', track: 'administration', weight: 1.5 },
  { name: 'Forschung & Entwicklung', track: 'administration', weight: 1.5 },
  { name: 'Recht & Compliance', track: 'administration', weight: 0.5 },
  { name: 'Key Account Management', track: 'sales', weight: 0.8 },
  { name: 'Konstruktion', track: 'administration', weight: 1.5 },
  { name: 'Innendienst', track: 'sales', weight: 1 },
  { name: 'Facility Management', track: 'administration', weight: 0.6 },
];

// prettier-ignore
export const FIRST_NAMES = [
  'Anna', 'Lena', 'Julia', 'Sarah', 'Laura', 'Katharina', 'Lisa', 'Marie', 'Sophie', 'Hannah', 'Johanna', 'Eva',
  'Claudia', 'Sabine', 'Petra', 'Monika', 'Ute', 'Nina', 'Miriam', 'Özlem', 'Aylin', 'Elif', 'Natalia', 'Olga',
  'Franziska', 'Carina', 'Vanessa', 'Jana', 'Melanie', 'Stefanie', 'Andrea', 'Birgit', 'Ines', 'Tanja', 'Leonie', 'Clara',
  'Thomas', 'Stefan', 'Andreas', 'Michael', 'Markus', 'Tobias', 'Jonas', 'Lukas', 'Felix', 'Jan', 'Daniel', 'Sebastian',
  'Jürgen', 'Klaus', 'Sven', 'Björn', 'Dennis', 'Florian', 'Matthias', 'Christian', 'Alexander', 'Niklas', 'Paul', 'Max',
  'Mehmet', 'Emre', 'Can', 'Piotr', 'Marek', 'Luca', 'Marco', 'David', 'Simon', 'Philipp', 'Moritz', 'Benedikt',
];

// prettier-ignore
export const LAST_NAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer',
  'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger',
  'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Schmitz', 'Krause', 'Meier', 'Lehmann', 'Schmid', 'Schulze',
  'Maier', 'Köhler', 'Herrmann', 'König', 'Walter', 'Mayer', 'Huber', 'Kaiser', 'Fuchs', 'Peters', 'Lang', 'Scholz',
  'Möller', 'Weiß', 'Jung', 'Hahn', 'Schubert', 'Vogel', 'Friedrich', 'Keller', 'Günther', 'Frank', 'Berger', 'Winkler',
  'Roth', 'Beck', 'Lorenz', 'Baumann', 'Franke', 'Albrecht', 'Schuster', 'Simon', 'Ludwig', 'Böhm', 'Winter', 'Kraus',
  'Yılmaz', 'Demir', 'Kaya', 'Nowak', 'Kowalski', 'Rossi', 'Dubois', 'Popescu', 'Petrović',
];

export const SCALE_AI_POLICY: AiPolicy = {
  tools: [
    {
      id: 'chatgpt-enterprise',
      name: 'ChatGPT Enterprise (Firmenlizenz)',
      allowedDataClasses: ['public', 'internal'],
      note: 'Nur mit dem Firmenkonto anmelden. Eingaben werden vertraglich nicht zum Training verwendet.',
    },
    {
      id: 'm365-copilot',
      name: 'Microsoft 365 Copilot',
      allowedDataClasses: ['public', 'internal'],
      note: 'In Outlook, Word und Teams mit dem Firmenkonto.',
    },
    {
      id: 'deepl-pro',
      name: 'DeepL Pro',
      allowedDataClasses: ['public', 'internal', 'confidential'],
      note: 'Firmenlizenz; keine personenbezogenen Daten.',
    },
    {
      id: 'local-llm',
      name: 'Lokales Sprachmodell (Rechenzentrum)',
      allowedDataClasses: ['public', 'internal', 'confidential', 'personal'],
      note: 'Läuft im eigenen Rechenzentrum; Daten verlassen das Firmennetz nicht.',
    },
    {
      id: 'chatgpt-free',
      name: 'ChatGPT (kostenlose Version)',
      allowedDataClasses: ['public'],
      note: 'Nur für öffentlich verfügbare Informationen.',
    },
  ],
  rules: [
    'Wir nutzen KI, um Routinearbeit abzugeben – die Verantwortung für das Ergebnis bleibt bei uns.',
    '1. Nur die freigegebenen Werkzeuge verwenden, und jeweils nur mit den dort erlaubten Datenklassen.',
    '2. Personenbezogene Daten nur im lokalen Sprachmodell.',
    '3. Jedes KI-Ergebnis vor der Weitergabe prüfen.',
  ].join('\n'),
};

/** What people try in their Freiraum, per track. */
export const EXPERIMENTS: Record<DefaultTrackSlug, string[]> = {
  leadership: [
    'Teammeeting-Protokolle mit Copilot zusammenfassen lassen',
    'Zielvereinbarungen als Entwurf vorformulieren und selbst schärfen',
    'Eine Entscheidungsvorlage für die Geschäftsführung gliedern lassen',
    'Feedbackgespräche vorbereiten: Fragen sammeln lassen',
    'Quartalsbericht aus Stichpunkten vorschreiben lassen',
    'Onboarding-Plan für neue Teammitglieder entwerfen',
  ],
  sales: [
    'Angebotstexte für Standardprodukte vorformulieren lassen',
    'Kundenrecherche vor dem Termin mit öffentlich verfügbaren Quellen',
    'Einwandbehandlung üben: Gegenargumente sammeln lassen',
    'Follow-up-Mails nach Messegesprächen entwerfen',
    'Produktvergleiche für den Außendienst zusammenstellen',
    'Ausschreibungsunterlagen auf Pflichtanforderungen prüfen lassen',
  ],
  translation: [
    'Terminologieliste aus Altübersetzungen extrahieren',
    'Maschinelle Vorübersetzung einer Betriebsanleitung post-editieren',
    'Stilrichtlinie für englische Produkttexte prüfen lassen',
    'Konsistenzprüfung über mehrere Handbuchkapitel',
    'Prompt für Fachbegriffe im Bereich Hydraulik verfeinern',
    'Übersetzungsqualität zweier Werkzeuge vergleichen',
  ],
  administration: [
    'Eingangsrechnungen vorsortieren und zusammenfassen lassen',
    'Standardantworten für häufige Anfragen entwerfen',
    'Besprechungsnotizen in Aufgabenlisten umwandeln',
    'Excel-Formeln für die Monatsauswertung erklären lassen',
    'Richtlinientexte in einfache Sprache übertragen',
    'Lieferantenanfragen strukturiert vergleichen',
  ],
};

export const LEARNED: Record<'worked' | 'partly' | 'failed', string[]> = {
  worked: [
    'Mit einem klaren Beispiel im Prompt wird das Ergebnis deutlich besser.',
    'Der Entwurf war nach zehn Minuten Nacharbeit brauchbar – das spart mir jede Woche Zeit.',
    'Erst die Struktur vorgeben, dann den Text schreiben lassen: so passt es auf Anhieb.',
    'Die Zusammenfassung war gut; Zahlen habe ich trotzdem im Original geprüft.',
  ],
  partly: [
    'Der Aufbau war gut, die Fachbegriffe musste ich fast alle korrigieren.',
    'Für kurze Texte hilfreich, bei langen Dokumenten verliert das Werkzeug den Faden.',
    'Brauchbarer Anfang, aber der Ton passte nicht zu unseren Kunden.',
    'Hat Zeit gespart, aber nur weil ich die Vorlage vorher sauber aufbereitet hatte.',
  ],
  failed: [
    'Das Werkzeug hat Quellen erfunden – für diese Aufgabe ungeeignet.',
    'Ohne Zugriff auf unsere Daten kam nur Allgemeines heraus.',
    'Das Ergebnis war falsch berechnet; ich mache das weiter von Hand.',
    'Zu viel Nacharbeit – schneller wäre es ohne KI gewesen.',
  ],
};

export const REJECTION_NOTES = [
  'Diese Woche ist Quartalsabschluss – bitte eine Woche später.',
  'An dem Tag sind schon zwei aus dem Team weg. Gerne einen anderen Tag.',
  'Bitte erst nach der Messe, dann gern.',
  'Kundentermin an dem Tag – lassen Sie uns einen anderen finden.',
  'Zu kurzfristig für die Schichtplanung, bitte mit mehr Vorlauf.',
];

export const APPROVAL_NOTES = ['Viel Erfolg!', 'Gerne – berichten Sie danach im Journal.', 'Passt, gutes Thema.'];

export const REVIEW_ACCEPT_NOTES = [
  'Sehr gut dokumentiert – danke fürs Teilen!',
  'Gute Prüfung der Ergebnisse, so machen wir das.',
  'Überzeugend. Stellen Sie das gern im Team vor.',
];

export const REVIEW_REVISE_NOTES = [
  'Guter Ansatz! Beschreiben Sie bitte noch, wie Sie die Zahlen geprüft haben.',
  'Bitte ergänzen Sie, welche Daten Sie dem Werkzeug gegeben haben.',
  'Das Ergebnis fehlt noch – was kam konkret heraus?',
];

export const FLAG_NOTES: Record<'cleared' | 'confirmed', string[]> = {
  cleared: [
    'Es waren nur öffentlich verfügbare Angaben – in Ordnung.',
    'Rücksprache gehalten, die Daten waren anonymisiert.',
  ],
  confirmed: [
    'Interne Zahlen gehören nicht in die kostenlose Version. Bitte künftig Copilot nutzen.',
    'Bitte die KI-Richtlinie noch einmal lesen; wir sprechen im nächsten Jour fixe darüber.',
  ],
};

/** Short ASCII slug of an organisation name, for the e-mail domain of its people. */
export function domainSlug(name: string): string {
  const folded = name
    .toLowerCase()
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const slug = folded
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug || 'scale';
}
