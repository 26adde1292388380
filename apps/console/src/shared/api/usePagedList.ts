import { ref, shallowRef } from 'vue';
import type { OffsetPage } from './types';
import { useProblemForm } from './useProblemForm';

/**
 * A list the API pages (`OffsetPage`): `load()` asks the first page, `load(true)` the next one and appends it ("load
 * more"). A refused query lands on the filter fields it names (`errors`, `fields` the filters' names), the rest in
 * `formError`, as a form's answer does.
 */
export function usePagedList<T>(fetchPage: (page: number) => Promise<OffsetPage<T>>, fields: () => readonly string[] = () => []) {
  const rows = shallowRef<T[]>([]);
  const total = ref(0);
  const page = ref(1);
  const form = useProblemForm(() => [...fields(), 'page', 'pageSize']);

  async function load(more = false): Promise<void> {
    const next = more ? page.value + 1 : 1;
    await form.submit(async () => {
      const answer = await fetchPage(next);
      rows.value = more ? [...rows.value, ...answer.items] : answer.items;
      total.value = answer.total;
      page.value = next;
    });
  }

  return { rows, total, page, load, errors: form.errors, formError: form.formError, busy: form.busy };
}
