import { ApiProperty } from '@nestjs/swagger';
import type { ConsentGrant } from '../consents.service';

/** A consent the user gave an app on the consent page. */
export class ConsentResponseDto {
  @ApiProperty({ description: 'The app the consent was given to', example: 'c_3f0e9c1a8b' })
  client_id!: string;

  @ApiProperty({ description: 'The app’s name', example: 'Photo printer' })
  client_name!: string;

  @ApiProperty({ description: 'The scopes allowed', example: ['openid', 'profile'] })
  scopes!: string[];

  @ApiProperty({ description: 'When the app was first allowed', example: '2026-01-02T03:04:05.000Z' })
  created_at!: string;

  @ApiProperty({ description: 'When scopes were last added', example: '2026-01-02T03:04:05.000Z' })
  updated_at!: string;

  static from({ consent, client }: ConsentGrant): ConsentResponseDto {
    return {
      client_id: client.clientId,
      client_name: client.name,
      scopes: [...consent.scope],
      created_at: consent.createdAt.toISOString(),
      updated_at: consent.updatedAt.toISOString(),
    };
  }
}
