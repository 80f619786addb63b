import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written (TypeORM does not model triggers): the activity log is append-only like the audit log.
export class ActivityAppendOnly1795850980000 implements MigrationInterface {
  name = 'ActivityAppendOnly1795850980000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION activity_log_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'activity_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER activity_log_append_only BEFORE UPDATE OR DELETE ON "activity_log" FOR EACH ROW EXECUTE FUNCTION activity_log_reject_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER activity_log_append_only ON "activity_log"`);
    await queryRunner.query(`DROP FUNCTION activity_log_reject_change()`);
  }
}
