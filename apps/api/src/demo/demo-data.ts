import type { AiPolicy, Language, Role } from '@freiraum/contracts';
import type { DefaultTrackSlug } from './organization-defaults.js';

// The demo organisation "Muster Maschinenbau GmbH": a mid-sized German machine builder. The seven
// accounts of DEMO_ACCOUNTS are listed in the README; everyone else fills departments above the
// privacy threshold so dashboards have something to show.

export const DEMO_ORGANIZATION_NAME = 'Muster Maschinenbau GmbH';
export const DEMO_PASSWORD = 'freiraum-demo-2026';

export const DEMO_DEPARTMENTS = [
  'Geschäftsführung',
  'Vertrieb',
  'Technische Dokumentation & Übersetzung',
  'Verwaltung',
  'Konstruktion & Produktion',
] as const;
type DemoDepartment = (typeof DEMO_DEPARTMENTS)[number];

export interface DemoPerson {
  email: string;
  firstName: string;
  lastName: string;
  department: DemoDepartment;
  track: DefaultTrackSlug;
  /** E-mail of the direct manager; people are listed so that a manager comes before their reports. */
  manager: string | null;
  /** Besides `employee`, which everyone has. `manager` is derived: exactly those with reports get it. */
  extraRoles?: Role[];
  language?: Language;
  active?: boolean;
}

/** The accounts the README lists (PRODUCT / issue 2) — keep them exactly as they are. */
export const DEMO_ACCOUNTS = [
  'chefin@muster.example',
  'manager@muster.example',
  'hr@muster.example',
  'admin@muster.example',
  'sales@muster.example',
  'translation@muster.example',
  'verwaltung@muster.example',
] as const;

const GF = 'Geschäftsführung';
const SALES = 'Vertrieb';
const DOCS = 'Technische Dokumentation & Übersetzung';
const ADMIN = 'Verwaltung';
const PROD = 'Konstruktion & Produktion';

// One person per line reads like the org chart it is.
// prettier-ignore
export const DEMO_PEOPLE: DemoPerson[] = [
  // Geschäftsführung
  { email: 'chefin@muster.example', firstName: 'Katharina', lastName: 'Brenner', department: GF, track: 'leadership', manager: null },
  { email: 'claudia.wolf@muster.example', firstName: 'Claudia', lastName: 'Wolf', department: GF, track: 'administration', manager: 'chefin@muster.example' },
  // Vertrieb (head of sales and documentation: manager@)
  { email: 'manager@muster.example', firstName: 'Thomas', lastName: 'Müller', department: SALES, track: 'leadership', manager: 'chefin@muster.example' },
  { email: 'sales@muster.example', firstName: 'Lena', lastName: 'Hoffmann', department: SALES, track: 'sales', manager: 'manager@muster.example' },
  { email: 'stefan.krueger@muster.example', firstName: 'Stefan', lastName: 'Krüger', department: SALES, track: 'sales', manager: 'manager@muster.example' },
  { email: 'andreas.vogel@muster.example', firstName: 'Andreas', lastName: 'Vogel', department: SALES, track: 'leadership', manager: 'manager@muster.example' },
  { email: 'miriam.yilmaz@muster.example', firstName: 'Miriam', lastName: 'Yılmaz', department: SALES, track: 'sales', manager: 'andreas.vogel@muster.example' },
  { email: 'felix.schmitt@muster.example', firstName: 'Felix', lastName: 'Schmitt', department: SALES, track: 'sales', manager: 'andreas.vogel@muster.example' },
  { email: 'nina.grosse@muster.example', firstName: 'Nina', lastName: 'Große', department: SALES, track: 'sales', manager: 'andreas.vogel@muster.example' },
  // Technische Dokumentation & Übersetzung
  { email: 'translation@muster.example', firstName: 'Anna', lastName: 'Schröder', department: DOCS, track: 'translation', manager: 'manager@muster.example' },
  { email: 'julia.becker@muster.example', firstName: 'Julia', lastName: 'Becker', department: DOCS, track: 'leadership', manager: 'manager@muster.example' },
  { email: 'juergen.weiss@muster.example', firstName: 'Jürgen', lastName: 'Weiß', department: DOCS, track: 'translation', manager: 'julia.becker@muster.example' },
  { email: 'marie.dubois@muster.example', firstName: 'Marie', lastName: 'Dubois', department: DOCS, track: 'translation', manager: 'julia.becker@muster.example', language: 'en' },
  { email: 'tobias.hartmann@muster.example', firstName: 'Tobias', lastName: 'Hartmann', department: DOCS, track: 'translation', manager: 'julia.becker@muster.example' },
  { email: 'oezlem.demir@muster.example', firstName: 'Özlem', lastName: 'Demir', department: DOCS, track: 'translation', manager: 'julia.becker@muster.example' },
  // Verwaltung
  { email: 'hr@muster.example', firstName: 'Sabine', lastName: 'Köhler', department: ADMIN, track: 'administration', manager: 'chefin@muster.example', extraRoles: ['hr'] },
  { email: 'admin@muster.example', firstName: 'Jonas', lastName: 'Weber', department: ADMIN, track: 'administration', manager: 'chefin@muster.example', extraRoles: ['admin'] },
  { email: 'verwaltung@muster.example', firstName: 'Petra', lastName: 'Neumann', department: ADMIN, track: 'administration', manager: 'chefin@muster.example' },
  { email: 'monika.zimmermann@muster.example', firstName: 'Monika', lastName: 'Zimmermann', department: ADMIN, track: 'leadership', manager: 'chefin@muster.example' },
  { email: 'sven.richter@muster.example', firstName: 'Sven', lastName: 'Richter', department: ADMIN, track: 'administration', manager: 'monika.zimmermann@muster.example' },
  { email: 'ute.meyer@muster.example', firstName: 'Ute', lastName: 'Meyer', department: ADMIN, track: 'administration', manager: 'monika.zimmermann@muster.example' },
  { email: 'klaus.baecker@muster.example', firstName: 'Klaus', lastName: 'Bäcker', department: ADMIN, track: 'administration', manager: 'monika.zimmermann@muster.example', active: false },
  // Konstruktion & Produktion
  { email: 'markus.fischer@muster.example', firstName: 'Markus', lastName: 'Fischer', department: PROD, track: 'leadership', manager: 'chefin@muster.example' },
  { email: 'bjoern.schulz@muster.example', firstName: 'Björn', lastName: 'Schulz', department: PROD, track: 'administration', manager: 'markus.fischer@muster.example' },
  { email: 'lukas.wagner@muster.example', firstName: 'Lukas', lastName: 'Wagner', department: PROD, track: 'administration', manager: 'markus.fischer@muster.example' },
  { email: 'hannah.kuehn@muster.example', firstName: 'Hannah', lastName: 'Kühn', department: PROD, track: 'translation', manager: 'markus.fischer@muster.example' },
  { email: 'dennis.braun@muster.example', firstName: 'Dennis', lastName: 'Braun', department: PROD, track: 'sales', manager: 'markus.fischer@muster.example' },
  { email: 'eva.lorenz@muster.example', firstName: 'Eva', lastName: 'Lorenz', department: PROD, track: 'administration', manager: 'markus.fischer@muster.example' },
];

export const DEMO_AI_POLICY: AiPolicy = {
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
      note: 'Firmenlizenz; Texte werden nach der Übersetzung gelöscht. Keine personenbezogenen Daten.',
    },
    {
      id: 'local-llm',
      name: 'Lokales Sprachmodell (Firmenserver)',
      allowedDataClasses: ['public', 'internal', 'confidential', 'personal'],
      note: 'Open-Source-Modell auf unserem eigenen Server im Haus; Daten verlassen das Firmennetz nicht.',
    },
    {
      id: 'chatgpt-free',
      name: 'ChatGPT (kostenlose Version, privat)',
      allowedDataClasses: ['public'],
      note: 'Nur für öffentlich verfügbare Informationen, z. B. Recherche zu Normen oder Formulierungshilfen.',
    },
  ],
  rules: [
    'Wir nutzen KI, um Routinearbeit abzugeben – die Verantwortung für das Ergebnis bleibt bei uns.',
    '1. Nur die freigegebenen Werkzeuge verwenden, und jeweils nur mit den dort erlaubten Datenklassen.',
    '2. Personenbezogene Daten (Kunden, Kolleginnen und Kollegen, Bewerbungen) nur im lokalen Sprachmodell.',
    '3. Vertrauliches (Angebote, Zeichnungen, Verträge) nie in öffentliche Dienste kopieren.',
    '4. Jedes KI-Ergebnis vor der Weitergabe prüfen: Fakten, Zahlen, Normverweise, Ton.',
    '5. Unsicher? Kurz bei der IT (admin@muster.example) nachfragen – lieber einmal zu viel.',
  ].join('\n'),
};
