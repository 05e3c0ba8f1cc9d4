import type { CliCommand } from './cli-command';

export const keysRotate: CliCommand = {
  name: 'keys:rotate',
  summary: 'Make a new current signing key; earlier keys stay in the JWKS until their tokens expire',
  usage: '',
  positionals: 0,
  options: {},
  async run(app, _values, _positionals, out) {
    const { KeyRotationService } = await import('../tokens/keys/key-rotation.service');
    const { kid } = await app.get(KeyRotationService, { strict: false }).rotate();
    out.line(`New current signing key: ${kid}`);
  },
};
