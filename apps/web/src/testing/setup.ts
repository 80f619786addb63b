import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { setAccessToken } from '../lib/api-client';
import { i18n, initI18n } from '../lib/i18n';

initI18n('de');

beforeEach(async () => {
  localStorage.clear();
  setAccessToken(null);
  await i18n.changeLanguage('de');
});

afterEach(() => {
  cleanup();
});
