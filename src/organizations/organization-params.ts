import type { ApiParamOptions } from '@nestjs/swagger';

export const ORGANIZATION_KEY_PARAM: ApiParamOptions = {
  name: 'key',
  description: 'The organization key; an organization you are not a member of is 404',
  example: 'acme',
};

export const MEMBER_USER_ID_PARAM: ApiParamOptions = {
  name: 'user_id',
  description: "The member's user id",
  example: '3f0e9c1a-8d6b-4f7e-9a51-2c4d8e6f1b23',
};
