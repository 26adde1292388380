/**
 * Validates the Kubernetes manifests of deploy/k8s against the Kubernetes API schemas (npm `kubernetes-models`,
 * Kubernetes 1.30's OpenAPI schemas compiled to validators) and CloudNativePG's Cluster CRD schema
 * (`@kubernetes-models/cloudnative-pg`), offline. Those schemas check types, required fields, enums and formats but,
 * like the API server's OpenAPI, do not forbid unknown fields; a misspelt field (`readinesProbe`) would be dropped by
 * the API server without a word. So the validator also records which fields the schema's validator read: a field it
 * never read is one the schema does not know (kubeconform's --strict), except inside maps (labels, ConfigMap data),
 * whose keys the validator enumerates. A property whose schema the generated validator does not check at all is
 * reported too: the Cluster's `spec.description` is one (the package lost that property's schema), so the Clusters
 * here carry none.
 */
import { readFileSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { ConfigMap, Secret, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { Cluster } from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster';

interface ModelClass {
  new (data: never): { validate(): void };
}

/** The kinds deploy/k8s may hold, by `apiVersion/kind`; any other is refused (no schema to check it against). */
export const MODELS: Record<string, ModelClass> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'postgresql.cnpg.io/v1/Cluster': Cluster,
} as unknown as Record<string, ModelClass>;

export interface ManifestDocument {
  file: string;
  /** 1-based position among the file's non-empty documents. */
  index: number;
  value: unknown;
  /** YAML syntax errors of this document. */
  errors: string[];
}

/** Every `.yaml` under `dir`, recursively, but the Helm values files (`values.yaml`: input to a chart, not a manifest). */
export function manifestFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return manifestFiles(path);
      return name.endsWith('.yaml') && name !== 'values.yaml' ? [path] : [];
    });
}

/** The documents of a YAML text; comment-only documents (a file's header before its first `---`) are left out. */
export function parseManifests(text: string, file: string): ManifestDocument[] {
  return parseAllDocuments(text)
    .filter((doc) => doc.contents !== null || doc.errors.length > 0)
    .map((doc, i) => ({ file, index: i + 1, value: doc.toJS(), errors: doc.errors.map((e) => e.message) }));
}

export function loadManifests(dir: string): ManifestDocument[] {
  return manifestFiles(dir).flatMap((file) => parseManifests(readFileSync(file, 'utf8'), file));
}

/** What is wrong with one document (empty when it is valid). */
export function validateManifest(doc: ManifestDocument): string[] {
  if (doc.errors.length > 0) return doc.errors.map((e) => `YAML: ${e}`);
  const value = doc.value as { apiVersion?: unknown; kind?: unknown } | null;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return ['not an object'];
  const key = `${String(value.apiVersion)}/${String(value.kind)}`;
  const Model = MODELS[key];
  if (!Model) return [`no schema for apiVersion ${String(value.apiVersion)} kind ${String(value.kind)}`];
  const model = new Model(value as never);
  const read = new Set<string>();
  const enumerated = new Set<string>();
  const problems: string[] = [];
  try {
    model.validate.call(tracked(model, '', read, enumerated));
  } catch (error) {
    problems.push((error as Error).message);
  }
  for (const path of unreadFields(JSON.parse(JSON.stringify(model)), '', read, enumerated)) {
    problems.push(`${path}: unknown field`);
  }
  return problems;
}

/** `value` behind a proxy that records the paths of the properties read and of the objects whose keys were listed. */
function tracked(value: unknown, path: string, read: Set<string>, enumerated: Set<string>): unknown {
  if (value === null || typeof value !== 'object') return value;
  return new Proxy(value, {
    get(target, key, receiver) {
      const child = Reflect.get(target, key, receiver);
      if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(target, key)) return child;
      const childPath = childOf(path, key, Array.isArray(target));
      read.add(childPath);
      return tracked(child, childPath, read, enumerated);
    },
    ownKeys(target) {
      enumerated.add(path);
      return Reflect.ownKeys(target);
    },
  });
}

function unreadFields(value: unknown, path: string, read: Set<string>, enumerated: Set<string>): string[] {
  if (value === null || typeof value !== 'object') return [];
  const isList = Array.isArray(value);
  const isMap = enumerated.has(path);
  return Object.entries(value).flatMap(([key, child]) => {
    const childPath = childOf(path, key, isList);
    if (!isList && !isMap && !read.has(childPath)) return [childPath];
    return unreadFields(child, childPath, read, enumerated);
  });
}

function childOf(path: string, key: string, inList: boolean): string {
  return inList ? `${path}[${key}]` : `${path}.${key}`;
}
