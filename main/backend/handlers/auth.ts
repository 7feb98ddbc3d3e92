import { authService, userService } from '../services/auth';
import { userAdminService } from '../services/user-admin';
import type { NamespaceHandlers } from './types';

export const authHandlers: NamespaceHandlers<'auth'> = {
  status: (_input, ctx) => authService.status(ctx),
  setupAdmin: (input, ctx) => authService.setupAdmin(ctx, input),
  login: (input, ctx) => authService.login(ctx, input),
  logout: (_input, ctx) => authService.logout(ctx),
  changePassword: (input, ctx) => authService.changePassword(ctx, input),
};

export const userHandlers: NamespaceHandlers<'users'> = {
  list: (_input, ctx) => userService.list(ctx),
  create: (input, ctx) => userService.create(ctx, input),
  resetPassword: (input, ctx) => userService.resetPassword(ctx, input),
  setRole: (input, ctx) => userService.setRole(ctx, input),
  setDisabled: (input, ctx) => userAdminService.setDisabled(ctx, input),
  unlock: (input, ctx) => userAdminService.unlock(ctx, input),
};
