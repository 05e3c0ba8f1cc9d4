import { type CliCommand, splitList } from './cli-command';

export const clientsCreate: CliCommand = {
  name: 'clients:create',
  summary: 'Register an app for a user, with the same rules as the developer portal; prints the secret once',
  usage: '--name <name> --owner <email> [--public] [--grant-types a,b] [--scopes a,b] [--first-party]',
  positionals: 0,
  options: {
    name: { type: 'string' },
    owner: { type: 'string' },
    public: { type: 'boolean', default: false },
    'grant-types': { type: 'string' },
    scopes: { type: 'string' },
    // An admin's app: approved at once (password grant for every user, no consent screen).
    'first-party': { type: 'boolean', default: false },
  },
  validate(values) {
    const name = typeof values.name === 'string' ? values.name.trim() : '';
    if (!name || name.length > 200) return '--name is required (1 to 200 characters)';
    if (typeof values.owner !== 'string' || !values.owner) return '--owner <email> is required';
    if (values['grant-types'] !== undefined && !splitList(values['grant-types'])?.length) {
      return '--grant-types needs a comma-separated list';
    }
    if (values.scopes !== undefined && !splitList(values.scopes)?.length)
      return '--scopes needs a comma-separated list';
    return undefined;
  },
  async run(app, values, _positionals, out) {
    const [{ UsersService }, { ClientRegistrationService }, { NotFoundError }, { ClientsRepository }] =
      await Promise.all([
        import('../users/users.service'),
        import('../client-registration/client-registration.service'),
        import('../common/errors/domain.error'),
        import('../clients/clients.repository'),
      ]);
    const owner = await app.get(UsersService, { strict: false }).findByEmail(String(values.owner));
    if (!owner) throw new NotFoundError(`User ${String(values.owner)}`);
    const { client, secret } = await app.get(ClientRegistrationService, { strict: false }).register(owner.id, {
      name: String(values.name).trim(),
      confidential: values.public !== true,
      grant_types: splitList(values['grant-types']),
      scopes: splitList(values.scopes),
    });
    if (values['first-party'] === true) {
      await app.get(ClientsRepository, { strict: false }).update(client.id, { firstParty: true });
    }
    out.line(`client_id: ${client.clientId}`);
    if (secret !== undefined) out.line(`client_secret: ${secret}   (shown once; store it now)`);
    out.line(`grant_types: ${client.grantTypes.join(' ')}`);
    out.line(`scopes: ${client.scopes.join(' ')}`);
    out.line(`first_party: ${values['first-party'] === true}`);
  },
};

export const clientsList: CliCommand = {
  name: 'clients:list',
  summary: 'List every client with its owner (never a secret)',
  usage: '',
  positionals: 0,
  options: {},
  async run(app, _values, _positionals, out) {
    const [{ AdminClientsService }, { MAX_PAGE_SIZE }] = await Promise.all([
      import('../admin/admin-clients.service'),
      import('../common/pagination/pagination.dto'),
    ]);
    const clients = app.get(AdminClientsService, { strict: false });
    out.line(['client_id', 'name', 'owner', 'type', 'status', 'grant_types', 'scopes'].join('\t'));
    for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
      const page = await clients.list({ limit: MAX_PAGE_SIZE, offset });
      for (const { client, owner } of page.items) {
        out.line(
          [
            client.clientId,
            client.name,
            owner?.email ?? '(server)',
            client.confidential ? 'confidential' : 'public',
            client.disabled ? 'disabled' : 'active',
            client.grantTypes.join(' '),
            client.scopes.join(' '),
          ].join('\t'),
        );
      }
      if (offset + MAX_PAGE_SIZE >= page.total) return;
    }
  },
};
