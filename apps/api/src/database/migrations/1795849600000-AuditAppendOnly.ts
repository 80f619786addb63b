import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written: TypeORM does not model triggers. The audit log is append-only at the database level,
// so not even a bug in the app (or a careless SQL console) can rewrite history.
export class AuditAppendOnly1795849600000 implements MigrationInterface {
  name = 'AuditAppendOnly1795849600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION audit_log_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_log_append_only ON "audit_log"`);
    await queryRunner.query(`DROP FUNCTION audit_log_reject_change()`);
  }
}
