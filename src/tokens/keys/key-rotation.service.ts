import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import { SigningKeysService } from './signing-keys.service';

/** Who asked for a rotation: an admin over HTTP, or nobody in particular (the CLI). */
export interface RotationActor {
  actorUserId?: string;
  ip?: string;
}

/** keys:rotate, for the admin API and the CLI: a new current key, audited. */
@Injectable()
export class KeyRotationService {
  constructor(
    private readonly signingKeys: SigningKeysService,
    private readonly audit: AuditService,
  ) {}

  async rotate({ actorUserId, ip }: RotationActor = {}): Promise<{ kid: string }> {
    const rotated = await this.signingKeys.rotate();
    await this.audit.record({ type: 'key.rotated', actorUserId, subject: rotated.kid, ip });
    return rotated;
  }
}
