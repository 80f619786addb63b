import { AuditService } from '../audit/audit.service.js';
import { OneTimeTokenService } from '../auth/one-time-token.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Tx } from '../database/transaction.js';
import { NotificationService } from '../notifications/notification.service.js';
import { CliError, runCli, withDatabase } from './bootstrap.js';
import { ORG_CREATE_USAGE, parseOrgCreateArgs } from './org-create.args.js';
import { OrgCreateService } from './org-create.service.js';

// `npm run org:create -- --name "…" --admin-email …`: creates an organisation on a real install and prints
// the first admin's one-time sign-in link.
runCli(async () => {
  const input = parseOrgCreateArgs(process.argv.slice(2));
  if (input === 'help') {
    console.log(ORG_CREATE_USAGE);
    return;
  }
  await withDatabase(async ({ ds, clock, config, databaseLabel }) => {
    const service = new OrgCreateService(
      new Tx(ds),
      clock,
      new AuditService(clock),
      new NotificationService(clock),
      new OneTimeTokenService(config, clock),
    );
    try {
      const created = await service.create(input);
      console.log(`Created organisation "${input.name}" (${created.organizationId}) in the ${databaseLabel}.`);
      console.log(`First admin: ${input.adminEmail} (roles admin, employee).`);
      console.log(
        `\nOne-time sign-in link (valid until ${created.invitation.expiresAt.toISOString()}):\n\n  ${created.invitation.url}\n`,
      );
      console.log('Hand it to the admin; it sets their password. The same link is also queued as an e-mail.');
    } catch (err) {
      if (err instanceof DomainError) throw new CliError(err.message, 1);
      throw err;
    }
  });
});
