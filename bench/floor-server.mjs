// The floor: a bare NestJS-on-Fastify app with one GET route and nothing else (no logger, no guards, no hooks),
// the same handler as our open route. What our pipeline adds on top of it is the gap the benchmark reports.
// Prints one line `{"ready":true,"port":N}` once listening, like the other servers. SIGTERM/SIGINT close it.
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';

class FloorController {
  open() {
    return { ok: true, at: Date.now() };
  }
}

const descriptor = Object.getOwnPropertyDescriptor(FloorController.prototype, 'open');
Object.defineProperty(
  FloorController.prototype,
  'open',
  Reflect.decorate([Get('open')], FloorController.prototype, 'open', descriptor),
);
Reflect.decorate([Controller('bench')], FloorController);

class FloorModule {}
Reflect.decorate([Module({ controllers: [FloorController] })], FloorModule);

const app = await NestFactory.create(FloorModule, new FastifyAdapter(), { logger: false });
app.enableShutdownHooks();
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
console.log(JSON.stringify({ ready: true, port: app.getHttpServer().address().port }));
