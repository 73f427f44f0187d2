import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';

import { CatalogRuntime } from '@jdpipe/pipeline-stages';

/**
 * Liveness answers while the process runs; readiness checks what this service actually holds: the
 * database when it has one, the compiled catalog when it matches postings.
 */
@Controller()
export class HealthController {
  constructor(private readonly moduleRef: ModuleRef) {}

  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(): Promise<{ status: 'ready'; catalogVersion: number | null }> {
    try {
      const dataSource = this.optional(DataSource);
      if (dataSource) await dataSource.query('SELECT 1');
      const catalog = this.optional(CatalogRuntime);
      const catalogVersion = catalog ? (await catalog.current()).index.version : null;
      return { status: 'ready', catalogVersion };
    } catch (error) {
      throw new ServiceUnavailableException(`not ready: ${(error as Error).message}`);
    }
  }

  private optional<T>(token: new (...args: never[]) => T): T | null {
    try {
      return this.moduleRef.get(token, { strict: false });
    } catch {
      return null;
    }
  }
}
