import { onMounted, shallowRef } from 'vue';
import type { Api } from './client';
import { allUnits, categoryTree } from './reference';
import type { CategoryTree, UnitView } from './types';

/** What a form with a place and a category needs, loaded when its screen mounts: the units in scope and the category tree. */
export function useReference(api: Api) {
  const units = shallowRef<UnitView[]>([]);
  const categories = shallowRef<CategoryTree[]>([]);
  const ready = shallowRef(false);
  onMounted(async () => {
    [units.value, categories.value] = await Promise.all([allUnits(api), categoryTree(api)]);
    ready.value = true;
  });
  return { units, categories, ready };
}
