import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { privacyExportSchema, type PrivacyExport } from '@freiraum/contracts';
import { Authenticated, CurrentUser } from '../common/auth/decorators.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { ZodResponse } from '../common/validation/zod.js';
import { PrivacyExportService } from './privacy-export.service.js';

// Beside GET /api/me/privacy ("what is stored about me"): the data itself.
@ApiTags('me')
@Authenticated()
@Controller('me')
export class PrivacyExportController {
  constructor(private readonly exports: PrivacyExportService) {}

  @Get('export')
  @ApiOperation({ summary: 'Everything stored about me, as a JSON file (attachment)' })
  @Header('cache-control', 'private, no-store')
  @ZodResponse(privacyExportSchema)
  async export(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<PrivacyExport> {
    const { fileName, data } = await this.exports.export(user);
    void reply.header('content-disposition', `attachment; filename="${fileName}"`);
    return data;
  }
}
