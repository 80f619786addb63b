import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Tx } from '../database/transaction.js';
import { DashboardRollups } from './dashboard-rollups.js';

/** A database that had activity before the read models existed gets them built once, at start. */
@Injectable()
export class RollupsOnStart implements OnApplicationBootstrap {
  constructor(
    private readonly tx: Tx,
    private readonly rollups: DashboardRollups,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.tx.run((em) => this.rollups.rebuildIfEmpty(em));
  }
}
