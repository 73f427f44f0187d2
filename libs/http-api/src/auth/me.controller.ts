import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';

import { API_KEY_ROLES } from '@jdpipe/persistence';

import { CurrentPrincipal, type ApiPrincipal } from './current-principal.decorator';
import type { ApiRole } from './require-role.decorator';

export class MeDto {
  @ApiProperty({ type: String, description: 'The name of the API key, or of the admin session' })
  name!: string;

  @ApiProperty({ type: String, enum: API_KEY_ROLES })
  role!: ApiRole;
}

/** `GET /v1/me`: who the credential is; the web admin shows it and hides what the role may not do. */
@ApiTags('auth')
@Controller('v1/me')
export class MeController {
  @Get()
  @ApiOperation({ summary: 'The caller: key name and role' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() principal: ApiPrincipal): MeDto {
    return { name: principal.name, role: principal.role };
  }
}
