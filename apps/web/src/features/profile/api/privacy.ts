import { privacyInfoSchema } from '@freiraum/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const getPrivacyInfo = () => api.get('/api/me/privacy', privacyInfoSchema);

export const privacyQueryOptions = () => queryOptions({ queryKey: ['me', 'privacy'], queryFn: getPrivacyInfo });

export const usePrivacyInfo = () => useQuery(privacyQueryOptions());
