import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ErrorResponseDto } from './error-response.dto';

type ErrorStatus = 400 | 404 | 409;

const ERRORS: Record<ErrorStatus, { description: string; error: string; message: string | string[] }> = {
  400: {
    description: 'The request is malformed or fails validation (every failing field is listed)',
    error: 'Bad Request',
    message: ['name must be longer than or equal to 1 characters', 'email must be an email'],
  },
  404: { description: 'Not found, or not yours', error: 'Not Found', message: 'Contact not found' },
  409: { description: 'Conflicts with an existing resource', error: 'Conflict', message: 'Already exists' },
};

/** Documents error responses in the `{statusCode, error, message}` shape, e.g. `@ApiErrorResponses(400, 404)`. */
export function ApiErrorResponses(...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) => {
      const { description, error, message } = ERRORS[status];
      return ApiResponse({
        status,
        description,
        type: ErrorResponseDto,
        example: { statusCode: status, error, message },
      });
    }),
  );
}

/** A 200 response of `{items: Dto[], total}`, as every list endpoint returns. */
export function ApiPaginatedResponse(item: Type, description = 'One page and the total count'): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'total'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          total: { type: 'integer', minimum: 0, example: 1 },
        },
      },
    }),
  );
}
