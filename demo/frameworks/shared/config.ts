/**
 * Where the hosted flow lives: the local sandbox unless `?auth_server=` says
 * otherwise (the e2e tests point it at their own hosted page).
 */
export const authServer =
  new URLSearchParams(location.search).get('auth_server') ?? 'http://127.0.0.1:4010';
