import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '../config/app-config';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// src/swagger and dist/swagger both sit two levels below package.json.
const { version } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };

export const API_TITLE = 'OAuth 2.0 Authorization Server';

/** Swagger UI at /docs and the OpenAPI document at /docs-json. */
export function setupSwagger(app: INestApplication, config: AppConfig): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(API_TITLE)
      .setVersion(version)
      .setDescription(
        'Password, refresh-token and client-credentials grants with JWT access tokens (RFC 6749, 9068), ' +
          'a developer portal to register apps, and an admin portal. Press Authorize and sign in with the ' +
          'password flow to try the protected routes.',
      )
      .build(),
  );
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: API_TITLE,
    swaggerOptions: { persistAuthorization: true },
  });
  void config;
}
