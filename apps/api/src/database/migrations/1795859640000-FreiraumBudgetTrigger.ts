import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written (TypeORM does not model triggers). freiraum_allocations.committed_hours is pending +
// approved hours, kept here rather than in application code so that no write path can forget it. The
// UPDATE takes the allocation's row lock, and CK_freiraum_allocations_within_budget refuses any change that
// would commit more than is allocated: the database's backstop for "no double-spend" (ADR 0011).
export class FreiraumBudgetTrigger1795859640000 implements MigrationInterface {
  name = 'FreiraumBudgetTrigger1795859640000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION freiraum_requests_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status IN ('pending', 'approved') THEN
    UPDATE freiraum_allocations SET committed_hours = committed_hours - OLD.hours WHERE id = OLD.allocation_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status IN ('pending', 'approved') THEN
    UPDATE freiraum_allocations SET committed_hours = committed_hours + NEW.hours WHERE id = NEW.allocation_id;
  END IF;
  RETURN NULL;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER freiraum_requests_commit AFTER INSERT OR DELETE OR UPDATE OF status, hours, allocation_id ON "freiraum_requests" FOR EACH ROW EXECUTE FUNCTION freiraum_requests_commit()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER freiraum_requests_commit ON "freiraum_requests"`);
    await queryRunner.query(`DROP FUNCTION freiraum_requests_commit()`);
  }
}
