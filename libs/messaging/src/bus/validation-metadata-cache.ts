import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Storage = ReturnType<typeof getMetadataStorage> & { __gridlineCached?: true };

/**
 * Keeps class-validator's answer to "which rules does this class have" instead of working it out on every
 * validation. class-validator finds a class's rules by scanning the rules of every class it knows — and every class
 * again for inheritance — each time it validates an object, nested ones included: with the platform's hundreds of
 * DTOs that scan was the gateway's largest single cost after the signature (5% of its CPU per request in the units
 * bench's profile). The rules of a class are fixed once its module has loaded, so the answer is kept per class and
 * options; a rule added afterwards (a module loaded late) forgets everything kept. Installed once per process, by
 * the validation pipe; what validation decides does not change (validation-metadata-cache.spec).
 */
export function cacheValidationMetadata(): void {
  const storage = getMetadataStorage() as Storage;
  if (storage.__gridlineCached) return;
  storage.__gridlineCached = true;
  const rules = new Map<unknown, Map<string, ValidationMetadata[]>>();
  let grouped = new WeakMap<ValidationMetadata[], Record<string, ValidationMetadata[]>>();
  const forget = () => {
    rules.clear();
    grouped = new WeakMap();
  };

  const find = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let ofTarget = rules.get(target);
    if (!ofTarget) rules.set(target, (ofTarget = new Map()));
    let found = ofTarget.get(key);
    if (!found) ofTarget.set(key, (found = find(target, schema, always, strictGroups, groups)));
    return found;
  };
  const group = storage.groupByPropertyName.bind(storage);
  storage.groupByPropertyName = (metadata) => {
    let byProperty = grouped.get(metadata);
    if (!byProperty) grouped.set(metadata, (byProperty = group(metadata)));
    return byProperty;
  };
  const addRule = storage.addValidationMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    forget();
    addRule(metadata);
  };
}
