import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { setAccessToken } from '../lib/api-client';
import { i18n, initI18n } from '../lib/i18n';

initI18n('de');

// findBy*/waitFor give up after 1 s by default; on a loaded 2-core CI machine a route can take longer.
configure({ asyncUtilTimeout: 5000 });

beforeEach(async () => {
  localStorage.clear();
  setAccessToken(null);
  await i18n.changeLanguage('de');
});

afterEach(() => {
  cleanup();
});
