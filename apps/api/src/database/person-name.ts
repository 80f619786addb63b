/** SQL for a person's display name; an erased person (PRODUCT.md §6) is "former colleague". */
export const personNameSql = (alias: string) =>
  `CASE WHEN ${alias}.erased_at IS NOT NULL THEN 'former colleague' ELSE ${alias}.first_name || ' ' || ${alias}.last_name END`;
