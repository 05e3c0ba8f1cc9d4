// The bench-only module: mounted by bench-server.mjs through AppModuleOptions.extraImports, never shipped in src/.
// Plain JS (no build step), so Nest's decorators are applied by hand with Reflect.decorate.
import 'reflect-metadata';
import { createRequire } from 'node:module';
import { Controller, Get, Module } from '@nestjs/common';

const require = createRequire(import.meta.url);
// The app's own decorators, from the build, so the app's guards read the same metadata keys.
const { Public } = require('../dist/auth/public.decorator.js');
const { Scopes } = require('../dist/auth/scopes.decorator.js');

/** The one handler both routes run: the difference between them is only the guard. */
function benchPayload() {
  return { ok: true, at: Date.now() };
}

class BenchController {
  open() {
    return benchPayload();
  }

  guarded() {
    return benchPayload();
  }
}

function decorateMethod(target, name, decorators) {
  const descriptor = Object.getOwnPropertyDescriptor(target.prototype, name);
  Object.defineProperty(target.prototype, name, Reflect.decorate(decorators, target.prototype, name, descriptor));
}

decorateMethod(BenchController, 'open', [Get('open'), Public()]);
decorateMethod(BenchController, 'guarded', [Get('guarded'), Scopes('contacts.read')]);
Reflect.decorate([Controller('bench')], BenchController);

export class BenchModule {}
Reflect.decorate([Module({ controllers: [BenchController] })], BenchModule);
