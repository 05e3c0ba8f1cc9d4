import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginationQueryDto } from '../../common/pagination/pagination.dto';

export class ListContactsQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'Case-insensitive search in name and email', example: 'ada' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
