import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

// A use case opens its transaction here (in its service); repositories take the EntityManager it gets.
// On PGlite (one connection) a query that bypasses this manager inside the callback would deadlock.
@Injectable()
export class Tx {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** For reads that need no transaction. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}
