import { Injectable, Logger } from '@nestjs/common';
import type { CreateJournalEntry, DataClass, Outcome, Role, Visibility } from '@freiraum/contracts';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/time/clock.js';
import { Tx } from '../database/transaction.js';
import { FreiraumService } from '../freiraum/freiraum.service.js';
import { localDate } from '../freiraum/freiraum.policy.js';
import { JournalService } from '../journal/journal.service.js';
import { DEMO_ORGANIZATION_NAME } from './demo-data.js';

const DAY = 86_400_000;

// Freiraum history for the demo organisation, made like the learning history: by acting as its people
// through the real services with the clock moved back, so balances, audit rows, activity, notifications,
// flags and kudos are exactly what use would leave. Every page of issue 4 opens on something real:
// used hours, approved and pending requests (one escalated), a rejection with its reason, shared
// entries including failed experiments, kudos, an open flag, use cases in the library, a delegation.

interface Person extends AuthUser {
  email: string;
}

interface Entry {
  goal: string;
  toolId: string;
  toolName?: string;
  dataClass: DataClass;
  outcome: Outcome;
  minutesSaved: number;
  learned: string;
  visibility: Visibility;
}

@Injectable()
export class DemoFreiraumSeedService {
  private readonly log = new Logger('DemoFreiraumSeed');
  private people = new Map<string, Person>();
  private start = new Date();

  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly freiraum: FreiraumService,
    private readonly journal: JournalService,
  ) {}

  async seed(): Promise<void> {
    const rows: (Person & { roles: Role[] })[] = await this.tx.manager.query(
      `SELECT u.id, u.organization_id AS "organizationId", u.roles, u.manager_id AS "managerId", u.email
         FROM users u JOIN organizations o ON o.id = u.organization_id
        WHERE o.name = $1 AND u.active ORDER BY u.created_at, u.email`,
      [DEMO_ORGANIZATION_NAME],
    );
    if (!rows.length) return;
    if ((await this.tx.manager.query(`SELECT 1 FROM freiraum_requests WHERE organization_id = $1 LIMIT 1`, [rows[0].organizationId])).length) return;
    this.people = new Map(rows.map((p) => [p.email.split('@')[0], p]));
    this.start = this.clock.now();
    try {
      await this.history();
      await this.currentPeriod();
    } finally {
      this.clock.reset();
    }
    this.log.log('Seeded Freiraum history for the demo organisation');
  }

  /** Past months: approved and used slots, journal entries (worked, partly, failed), kudos, a flag, use cases. */
  private async history(): Promise<void> {
    const sales = await this.usedSlot('sales', 'manager', 62, 2, 'Angebotstexte für Wartungsverträge mit Copilot vorformulieren');
    const salesEntry = await this.entry('sales', 60, sales, {
      goal: 'Angebotstexte für Wartungsverträge mit Microsoft 365 Copilot vorformulieren lassen',
      toolId: 'm365-copilot',
      dataClass: 'internal',
      outcome: 'worked',
      minutesSaved: 45,
      learned: 'Mit unserer Vorlage und drei Beispielangeboten als Kontext passt der Ton. Preise trage ich weiterhin selbst ein.',
      visibility: 'organization',
    });
    const salesFail = await this.usedSlot('sales', 'manager', 33, 1.5, 'Wettbewerbsvergleich für Ausschreibung');
    const failed = await this.entry('sales', 31, salesFail, {
      goal: 'Einen Wettbewerbsvergleich für eine Ausschreibung mit ChatGPT Enterprise erstellen',
      toolId: 'chatgpt-enterprise',
      dataClass: 'internal',
      outcome: 'failed',
      minutesSaved: 0,
      learned: 'Das Modell hat Preise und Lieferzeiten der Wettbewerber erfunden. Ohne geprüfte Quellen ist so ein Vergleich wertlos – nächstes Mal gebe ich die Datenblätter mit.',
      visibility: 'team',
    });
    const translation = await this.usedSlot('translation', 'manager', 45, 3, 'Vorübersetzung mit Glossar testen');
    const glossary = await this.entry('translation', 43, translation, {
      goal: 'Betriebsanleitung DE→EN mit DeepL Pro und unserem Terminologie-Glossar vorübersetzen',
      toolId: 'deepl-pro',
      dataClass: 'confidential',
      outcome: 'partly',
      minutesSaved: 120,
      learned: 'Mit Glossar stimmen 9 von 10 Fachbegriffen. Sicherheitshinweise muss ich komplett selbst prüfen, dort war die Satzstellung zweimal falsch.',
      visibility: 'organization',
    });
    const verwaltung = await this.usedSlot('verwaltung', 'chefin', 38, 2, 'Protokolle mit lokalem Modell zusammenfassen');
    const minutes = await this.entry('verwaltung', 36, verwaltung, {
      goal: 'Besprechungsprotokolle mit dem lokalen Sprachmodell zusammenfassen und Aufgaben herausziehen',
      toolId: 'local-llm',
      dataClass: 'personal',
      outcome: 'worked',
      minutesSaved: 60,
      learned: 'Die Aufgabenliste ist brauchbar, wenn ich vorher die Namen der Teilnehmenden nenne. Daten bleiben im Haus, deshalb auch für Personalthemen geeignet.',
      visibility: 'organization',
    });
    const felix = await this.usedSlot('felix.schmitt', 'andreas.vogel', 27, 1, 'Kundenmails automatisch kategorisieren');
    const felixEntry = await this.entry('felix.schmitt', 26, felix, {
      goal: 'Eingehende Kundenanfragen mit Copilot nach Dringlichkeit sortieren lassen',
      toolId: 'm365-copilot',
      dataClass: 'internal',
      outcome: 'failed',
      minutesSaved: 0,
      learned: 'Die Einstufung schwankt von Lauf zu Lauf. Für Dringlichkeit brauchen wir feste Regeln, nicht ein Sprachmodell.',
      visibility: 'organization',
    });
    const chefin = await this.usedSlot('chefin', 'hr', 20, 2, 'Strategiepapier gegenlesen lassen');
    const chefinEntry = await this.entry('chefin', 19, chefin, {
      goal: 'Den Entwurf unserer Jahresziele von ChatGPT Enterprise kritisch gegenlesen lassen',
      toolId: 'chatgpt-enterprise',
      dataClass: 'internal',
      outcome: 'worked',
      minutesSaved: 30,
      learned: 'Als „kritischer Beirat“ formuliert, findet das Modell Lücken in der Begründung. Es hat mir Mut gemacht, das im Führungskreis selbst vorzustellen.',
      visibility: 'organization',
    });
    // A flagged entry: personal data in a tool that may only receive public data; it waits on manager@.
    const stefan = await this.usedSlot('stefan.krueger', 'manager', 12, 1, 'Kundenhistorie zusammenfassen');
    await this.entry('stefan.krueger', 11, stefan, {
      goal: 'Die Gesprächshistorie eines Kunden vor dem Termin zusammenfassen lassen',
      toolId: 'chatgpt-free',
      dataClass: 'personal',
      outcome: 'partly',
      minutesSaved: 20,
      learned: 'Die Zusammenfassung war gut, aber ich habe Namen und Telefonnummern hineinkopiert – das gehört ins lokale Modell.',
      visibility: 'organization',
    });
    // A few more used hours across departments, so team and HR figures are not just the accounts above.
    const more: [string, string][] = [
      ['miriam.yilmaz', 'andreas.vogel'],
      ['juergen.weiss', 'julia.becker'],
      ['oezlem.demir', 'julia.becker'],
      ['sven.richter', 'monika.zimmermann'],
      ['lukas.wagner', 'markus.fischer'],
      ['eva.lorenz', 'markus.fischer'],
    ];
    for (const [i, [who, boss]] of more.entries()) await this.usedSlot(who, boss, 50 - i * 6, 1 + (i % 3) * 0.5, 'Eigenes Experiment');
    // Experiments of the last weeks across departments, so the HR dashboard has outcomes above the
    // privacy threshold (and still hides what is too small).
    for (const [i, [who, toolId, outcome, goal, learned]] of RECENT_EXPERIMENTS.entries()) {
      await this.entry(who, 25 - i * 2, null, {
        goal,
        toolId,
        dataClass: 'internal',
        outcome,
        minutesSaved: outcome === 'failed' ? 0 : 15 + (i % 4) * 15,
        learned,
        visibility: i % 3 === 0 ? 'team' : 'organization',
      });
    }

    for (const [giver, entry] of [
      ['stefan.krueger', salesEntry],
      ['translation', salesEntry],
      ['manager', salesEntry],
      ['manager', failed],
      ['stefan.krueger', failed],
      ['sales', glossary],
      ['julia.becker', glossary],
      ['hr', minutes],
      ['chefin', minutes],
      ['sales', felixEntry],
      ['manager', chefinEntry],
      ['verwaltung', chefinEntry],
    ] as const) {
      this.at(15);
      await this.journal.giveKudos(this.p(giver), entry);
    }
    this.at(14);
    await this.journal.promote(this.p('manager'), {
      entryId: glossary,
      title: 'Vorübersetzung mit DeepL Pro und Terminologie-Glossar',
      summary:
        'Betriebsanleitungen mit DeepL Pro und unserem Glossar vorübersetzen: Fachbegriffe sitzen, Sicherheitshinweise immer vollständig selbst prüfen. Spart bei 40 Seiten rund zwei Stunden.',
    });
    await this.journal.promote(this.p('hr'), {
      entryId: minutes,
      title: 'Protokolle und Aufgabenlisten mit dem lokalen Sprachmodell',
      summary: 'Besprechungsprotokolle im hauseigenen Modell zusammenfassen und Aufgaben mit Verantwortlichen herausziehen lassen. Auch mit personenbezogenen Daten zulässig, weil nichts das Haus verlässt.',
    });
  }

  /** This period: approved future slots, pending requests (one escalated), a rejection, a custom allocation, a delegation. */
  private async currentPeriod(): Promise<void> {
    // sales@ has used an hour this period (when the period is not just starting) and has one approved for
    // later in it; the browser test requests 2 more.
    const today = localDate(this.start, 'Europe/Berlin');
    const dayOfMonth = Number(today.slice(8, 10));
    const daysLeft = daysInMonth(today) - dayOfMonth;
    if (dayOfMonth > 1) await this.usedSlot('sales', 'manager', Math.min(2, dayOfMonth - 1), 1, 'Kundenanfrage mit Copilot zusammenfassen');
    this.at(2);
    const next = await this.freiraum.create(this.p('sales'), this.req(Math.min(3, daysLeft), 1, 'Prompt-Vorlagen für Erstanfragen ausprobieren'));
    this.at(1);
    await this.freiraum.decide(this.p('manager'), next.id, { decision: 'approved', note: 'Gern – erzählen Sie im Teammeeting davon.' });

    // Waiting on manager@: stefan and andreas on the same day (the inbox shows who else is away).
    this.at(1);
    await this.freiraum.create(this.p('stefan.krueger'), this.req(5, 2, 'Übungsaufgabe „Kundendaten schützen“ in Ruhe durcharbeiten'));
    await this.freiraum.create(this.p('andreas.vogel'), this.req(5, 1.5, 'Teamrunde zu KI-Erfahrungen vorbereiten'));
    // Pending for four days already: the escalation moves it to manager@ (andreas.vogel's manager).
    this.at(4);
    await this.freiraum.create(this.p('miriam.yilmaz'), this.req(9, 2, 'Angebotsvorlagen mit Copilot vergleichen'));
    this.at(0);
    await this.freiraum.escalate(this.clock.now());
    // A rejection with its reason.
    this.at(3);
    const clash = await this.freiraum.create(this.p('nina.grosse'), this.req(4, 3, 'Messevorbereitung mit KI'));
    this.at(2);
    await this.freiraum.decide(this.p('andreas.vogel'), clash.id, { decision: 'rejected', note: 'Am Messetag brauchen wir alle am Stand – bitte eine Woche später.' });
    // translation@ gets more time this period; chefin@'s request waits on HR (leaders take part too).
    this.at(1);
    const period = localDate(this.clock.now(), 'Europe/Berlin').slice(0, 7);
    await this.freiraum.setAllocation(this.p('manager'), this.p('translation').id, { period, hours: 12 });
    await this.freiraum.create(this.p('chefin'), this.req(6, 1, 'KI-Werkzeuge für die Quartalsplanung ausprobieren'));
    await this.freiraum.create(this.p('hr'), this.req(8, 1.5, 'Stellenanzeigen mit dem lokalen Modell überarbeiten'));
    // manager@ is away later this month; andreas.vogel decides in the meantime.
    this.at(0);
    await this.freiraum.createDelegation(this.p('manager'), {
      delegateId: this.p('andreas.vogel').id,
      startsOn: isoDate(this.start.getTime() + 14 * DAY),
      endsOn: isoDate(this.start.getTime() + 18 * DAY),
    });
  }

  /** A request `daysAgo` + 3 days before today, approved and its day passed: used hours. */
  private async usedSlot(who: string, decider: string, daysAgo: number, hours: number, purpose: string): Promise<string> {
    this.at(daysAgo + 3);
    const request = await this.freiraum.create(this.p(who), { slotDate: isoDate(this.start.getTime() - daysAgo * DAY), hours, purposeType: 'experiment', purpose });
    this.at(daysAgo + 2);
    await this.freiraum.decide(this.p(decider), request.id, { decision: 'approved', note: '' });
    return request.id;
  }

  private async entry(who: string, daysAgo: number, requestId: string | null, e: Entry): Promise<string> {
    this.at(daysAgo);
    const body: CreateJournalEntry & { visibility: Visibility } = { ...(requestId ? { requestId } : {}), ...e };
    return (await this.journal.create(this.p(who), body)).id;
  }

  private req(inDays: number, hours: number, purpose: string) {
    return { slotDate: isoDate(this.start.getTime() + inDays * DAY), hours, purposeType: 'experiment' as const, purpose };
  }

  private at(daysAgo: number): void {
    this.clock.set(new Date(this.start.getTime() - daysAgo * DAY));
  }

  private p(key: string): Person {
    const person = this.people.get(key);
    if (!person) throw new Error(`Demo person ${key}@ is missing`);
    return person;
  }
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function daysInMonth(date: string): number {
  const [y, m] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

// [person, tool, outcome, goal, learned]: what colleagues across the company tried in the last weeks.
const RECENT_EXPERIMENTS: [string, string, Outcome, string, string][] = [
  ['miriam.yilmaz', 'm365-copilot', 'worked', 'Angebotsvorlagen mit Copilot an Kundenbranchen anpassen', 'Mit drei Branchenbeispielen im Prompt trifft der Entwurf den Ton; Preise bleiben Handarbeit.'],
  ['juergen.weiss', 'deepl-pro', 'partly', 'Ersatzteilkatalog DE→EN mit DeepL Pro vorübersetzen', 'Tabellen gehen gut, Abkürzungen im Katalog muss ich vorher ins Glossar eintragen.'],
  ['oezlem.demir', 'deepl-pro', 'worked', 'Sicherheitsdatenblatt gegen die Vorversion abgleichen lassen', 'Die Unterschiede werden zuverlässig markiert; spart mir den Zeilenvergleich.'],
  ['sven.richter', 'local-llm', 'failed', 'Rechnungseingang automatisch Kostenstellen zuordnen', 'Das Modell rät bei unbekannten Lieferanten. Ohne Stammdaten als Kontext geht es nicht.'],
  ['lukas.wagner', 'chatgpt-enterprise', 'partly', 'Prüfanweisung für die Endkontrolle gliedern lassen', 'Die Gliederung ist gut, Toleranzen hat es aber falsch übernommen – immer gegenprüfen.'],
  ['eva.lorenz', 'm365-copilot', 'worked', 'Schichtplan-Änderungen als Teams-Nachricht formulieren', 'Kurz und freundlich, in zwei Minuten statt zehn.'],
  ['dennis.braun', 'chatgpt-enterprise', 'failed', 'Reklamationsantwort aus Stichpunkten schreiben lassen', 'Zu förmlich und mit erfundenen Zusagen. Ich gebe jetzt unsere Kulanzregeln mit.'],
  ['hannah.kuehn', 'deepl-pro', 'worked', 'Montageanleitung ins Französische für den Kunden in Lyon', 'Fachbegriffe aus dem Glossar sitzen; Marie hat gegengelesen und nur zwei Stellen geändert.'],
  ['nina.grosse', 'm365-copilot', 'partly', 'Messebericht aus Notizen zusammenfassen', 'Die Zusammenfassung war gut, Kontaktdaten habe ich bewusst weggelassen.'],
  ['tobias.hartmann', 'local-llm', 'failed', 'Technische Zeichnungsnummern aus PDFs extrahieren', 'Bei gescannten PDFs findet das Modell zu wenig. Erst Texterkennung, dann Modell.'],
  ['ute.meyer', 'local-llm', 'worked', 'Bewerbungseingänge anonymisiert zusammenfassen', 'Im lokalen Modell zulässig; die Übersicht hilft bei der Vorauswahl, entscheiden tun wir selbst.'],
  ['bjoern.schulz', 'chatgpt-enterprise', 'partly', 'Wartungsintervalle aus Herstellerhandbüchern tabellieren', 'Gute Tabelle, aber zwei Intervalle waren aus dem falschen Modell – Quelle immer angeben lassen.'],
  ['julia.becker', 'chatgpt-enterprise', 'failed', 'Teamrunde zu KI-Erfahrungen vom Modell moderieren lassen', 'Die Fragen waren zu allgemein; besser selbst moderieren und das Modell nur für die Agenda nutzen.'],
];
