import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { notificationListSchema, unreadCountSchema, uuid } from '@freiraum/contracts';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Authenticated, CurrentUser } from '../common/auth/decorators.js';
import { ZodParam, ZodResponse } from '../common/validation/zod.js';
import { NotificationInboxService } from './notification-inbox.service.js';

@ApiTags('notifications')
@Authenticated()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly inbox: NotificationInboxService) {}

  /** The caller's own notifications, newest first (the last 50), with the unread count. */
  @Get()
  @ZodResponse(notificationListSchema)
  list(@CurrentUser() user: AuthUser) {
    return this.inbox.list(user);
  }

  @Get('unread-count')
  @ZodResponse(unreadCountSchema)
  unreadCount(@CurrentUser() user: AuthUser) {
    return this.inbox.unreadCount(user);
  }

  @Post('read-all')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'All own notifications are read' })
  markAllRead(@CurrentUser() user: AuthUser) {
    return this.inbox.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Marked as read' })
  @ApiNotFoundResponse({ description: 'No such notification of the caller' })
  markRead(@CurrentUser() user: AuthUser, @ZodParam('id', uuid) id: string) {
    return this.inbox.markRead(user, id);
  }
}
