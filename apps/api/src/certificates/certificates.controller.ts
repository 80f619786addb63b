import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { certificateListSchema, certificateVerificationSchema, LANGUAGES } from '@freiraum/contracts';
import { Authenticated, CurrentUser, Public } from '../common/auth/decorators.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { ZodParam, ZodQuery, ZodResponse } from '../common/validation/zod.js';
import { CertificatesService } from './certificates.service.js';

const code = z.string().regex(/^FR-[0-9A-Z]{4}-[0-9A-Z]{4}$/, { message: 'must look like FR-XXXX-XXXX' });
const pdfQuery = z.strictObject({ lang: z.enum(LANGUAGES).default('de') });

@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get('learning/certificates')
  @Authenticated()
  @ZodResponse(certificateListSchema)
  mine(@CurrentUser() user: AuthUser) {
    return this.certificates.mine(user);
  }

  @Get('learning/certificates/:code/pdf')
  @Authenticated()
  @ApiProduces('application/pdf')
  @ApiResponse({ status: 200, description: 'The certificate as PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @Header('cache-control', 'private, no-store')
  async pdf(
    @CurrentUser() user: AuthUser,
    @ZodParam('code', code) certificateCode: string,
    @ZodQuery(pdfQuery) query: { lang: 'de' | 'en' },
    @Res() reply: FastifyReply,
  ) {
    const pdf = await this.certificates.pdf(user, certificateCode, query.lang);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="freiraum-${certificateCode}.pdf"`)
      .send(pdf);
  }

  /** Public verification, e.g. from the link printed on the certificate. */
  @Get('certificates/:code')
  @Public()
  @ZodResponse(certificateVerificationSchema)
  verify(@ZodParam('code', code) certificateCode: string) {
    return this.certificates.verify(certificateCode);
  }
}
