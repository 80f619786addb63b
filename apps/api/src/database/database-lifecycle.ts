import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { pgliteOf } from './database-options.js';

@Injectable()
export class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}

  // TypeORM closes its pool; the embedded PGlite instance must be closed too, or its memory stays.
  async onApplicationShutdown(): Promise<void> {
    const pglite = pgliteOf(this.dataSource);
    if (pglite && !pglite.closed) await pglite.close();
  }
}
