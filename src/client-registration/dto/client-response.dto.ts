import { ApiProperty } from '@nestjs/swagger';
import type { Client } from '../../clients/client.entity';

/** A registered app as the developer portal shows it: never a secret, nor its hash. */
export class ClientResponseDto {
  @ApiProperty({ example: 'q3Jx9c2Vb1TQ0sXk7m4Wng', description: 'The public client identifier' })
  client_id!: string;

  @ApiProperty({ example: 'My contacts app' })
  name!: string;

  @ApiProperty({ type: [String], example: ['password', 'refresh_token'] })
  grant_types!: string[];

  @ApiProperty({ type: [String], example: ['profile', 'contacts.read', 'contacts.write'] })
  scopes!: string[];

  @ApiProperty({ example: true })
  confidential!: boolean;

  @ApiProperty({ type: [String], example: ['http://127.0.0.1/callback'] })
  redirect_uris!: string[];

  @ApiProperty({ type: [String], example: ['https://app.example.com/'] })
  post_logout_redirect_uris!: string[];

  @ApiProperty({ example: '2026-11-23T01:30:00.000Z' })
  created_at!: string;

  @ApiProperty({ example: '2026-11-23T01:30:00.000Z' })
  updated_at!: string;

  static from(client: Client): ClientResponseDto {
    return {
      client_id: client.clientId,
      name: client.name,
      grant_types: client.grantTypes,
      scopes: client.scopes,
      confidential: client.confidential,
      redirect_uris: client.redirectUris,
      post_logout_redirect_uris: client.postLogoutRedirectUris,
      created_at: client.createdAt.toISOString(),
      updated_at: client.updatedAt.toISOString(),
    };
  }
}

/** The answer to registration and to rotation: the only two times a secret is ever shown. */
export class ClientWithSecretResponseDto extends ClientResponseDto {
  @ApiProperty({
    required: false,
    example: 'Zk1yQ2x2bHd3dGZ4b3N0eFd2c0VqQnB5c2hJd2dGb2k',
    description:
      'Shown once, here only: store it now. 256-bit random, 43 characters; the server keeps only its SHA-256 hash. Absent for public clients.',
  })
  client_secret?: string;

  static withSecret(client: Client, secret: string | undefined): ClientWithSecretResponseDto {
    return { ...ClientResponseDto.from(client), ...(secret === undefined ? {} : { client_secret: secret }) };
  }
}
