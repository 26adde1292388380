import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { loadManifests, manifestFiles, parseManifests, validateManifest, type ManifestDocument } from './validate-manifests';

const DIR = __dirname;
const SERVICES = ['registry', 'incidents', 'hotline', 'party-building', 'analytics'];
const APPS = ['gateway', ...SERVICES];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifests are plain YAML data
type Doc = any;
const documents = loadManifests(DIR);
const find = (kind: string, name: string): Doc =>
  documents.map((d) => d.value as Doc).find((v) => v?.kind === kind && v?.metadata?.name === name);

function problemsOf(yaml: string): string[] {
  return parseManifests(yaml, 'inline.yaml').flatMap(validateManifest);
}

describe('deploy/k8s manifests', () => {
  it('finds the manifests of every app, database and migration', () => {
    const files = manifestFiles(DIR).map((f) => f.slice(DIR.length + 1));
    for (const app of APPS) expect(files).toContain(`${app}.yaml`);
    for (const service of SERVICES) {
      expect(files).toContain(`databases/${service}.yaml`);
      expect(files).toContain(`migrations/${service}.yaml`);
    }
    expect(files).not.toContain('nats/values.yaml');
    expect(documents.length).toBeGreaterThanOrEqual(APPS.length * 5 + SERVICES.length * 2);
  });

  it.each(documents.map((d): [string, ManifestDocument] => [`${d.file.slice(DIR.length + 1)} #${d.index}`, d]))(
    '%s is valid against its Kubernetes (or CloudNativePG) schema',
    (_name, doc) => {
      expect(validateManifest(doc)).toEqual([]);
    },
  );

  it.each(APPS)('%s: Deployment probes, CPU request, HorizontalPodAutoscaler and PodDisruptionBudget', (app) => {
    const deployment = find('Deployment', app);
    const container = deployment.spec.template.spec.containers[0];
    expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(container.livenessProbe.httpGet.path).toBe('/health/live');
    expect(container.resources.requests.cpu).toBeDefined();
    expect(deployment.spec.replicas).toBeUndefined(); // the autoscaler owns them

    const hpa = find('HorizontalPodAutoscaler', app);
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: app });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }]);

    const pdb = find('PodDisruptionBudget', app);
    expect(pdb.spec.minAvailable).toBe(1);
    expect(deployment.spec.template.metadata.labels).toMatchObject(pdb.spec.selector.matchLabels);
  });

  it.each(SERVICES)('%s: its CloudNativePG Cluster feeds DATABASE_URL; the Job migrates, the pods do not', (service) => {
    const db = service.replace(/-/g, '_');
    const cluster = find('Cluster', `${service}-db`);
    expect(cluster.spec.instances).toBe(3);
    expect(cluster.spec.bootstrap.initdb).toEqual({ database: db, owner: db });
    expect(cluster.spec.storage.size).toBeDefined();
    const databaseUrl = { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: `${service}-db-app`, key: 'uri' } } };

    const container = find('Deployment', service).spec.template.spec.containers[0];
    expect(container.env).toContainEqual(databaseUrl);
    const config = find('ConfigMap', `gridline-${service}-config`);
    expect(config.data).toMatchObject({ RUN_MIGRATIONS: 'false', NATS_STREAM_REPLICAS: '3' });
    const pool = Number(config.data.DB_POOL_SIZE);
    const maxConnections = Number(cluster.spec.postgresql.parameters.max_connections);
    expect(find('HorizontalPodAutoscaler', service).spec.maxReplicas * pool).toBeLessThan(maxConnections);

    const job = find('Job', `${service}-migrate`);
    const migrate = job.spec.template.spec.containers[0];
    expect(migrate.image).toBe(container.image);
    expect(migrate.command).toEqual(['node', '-r', './tools/register-paths.js', 'dist/tools/migrate.js', service]);
    expect(migrate.env).toContainEqual(databaseUrl);
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
  });

  it('keeps no DATABASE_URL in the example Secrets (the operator generates the credentials)', () => {
    const secrets = documents.filter((d) => d.file.endsWith('secrets.example.yaml')).map((d) => d.value as Doc);
    expect(secrets.length).toBe(APPS.length);
    for (const secret of secrets) expect(Object.keys(secret.stringData)).not.toContain('DATABASE_URL');
  });
});

describe('deploy/k8s/nats/values.yaml (the NATS Helm chart)', () => {
  const values = parse(readFileSync(join(DIR, 'nats/values.yaml'), 'utf8'));

  it('asks for a 3-node cluster with JetStream on persistent volumes', () => {
    expect(values.config.cluster).toEqual({ enabled: true, replicas: 3 });
    expect(values.config.jetstream.enabled).toBe(true);
    expect(values.config.jetstream.fileStore.pvc.size).toMatch(/^\d+Gi$/);
    expect(values.container.image.tag).toMatch(/^2\.9\./);
  });

  it('has the users and permissions of deploy/nats/nats-server.conf (less the demo seed), passwords from the environment', () => {
    const conf = readFileSync(join(DIR, '../nats/nats-server.conf'), 'utf8');
    const pattern =
      /user: "([^"]+)"\s*password: \$(\w+)\s*permissions: \{\s*publish: \{ allow: (\[[^\]]*\]) \}\s*subscribe: \{ allow: (\[[^\]]*\]) \}(\s*allow_responses: true)?/g;
    const expected = [...conf.matchAll(pattern)]
      .filter((m) => m[1] !== 'seed')
      .map((m) => ({
        user: m[1],
        password: `<< $${m[2]} >>`,
        permissions: { publish: { allow: JSON.parse(m[3]) }, subscribe: { allow: JSON.parse(m[4]) }, ...(m[5] ? { allow_responses: true } : {}) },
      }));
    expect(expected.map((u) => u.user).sort()).toEqual([...APPS].sort());
    expect(values.config.merge.authorization.users).toEqual(expected);
    for (const user of expected) {
      const variable = user.password.slice(4, -3);
      expect(values.container.env[variable]).toEqual({ valueFrom: { secretKeyRef: { name: 'gridline-nats-users', key: variable } } });
    }
  });
});

describe(validateManifest.name, () => {
  const deployment = (containerExtra: string, specExtra = '') => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: broken
spec:${specExtra}
  selector:
    matchLabels: { app: broken }
  template:
    metadata:
      labels: { app: broken }
    spec:
      containers:
        - name: app
          image: example/app:1${containerExtra}
`;

  it('accepts a valid document, labels and resource maps included', () => {
    expect(problemsOf(deployment('\n          resources: { requests: { cpu: 250m, memory: 1Gi } }'))).toEqual([]);
  });

  it('rejects a misspelt field', () => {
    expect(problemsOf(deployment('\n          readinesProbe: { httpGet: { path: /health/ready, port: 8080 } }'))).toEqual([
      '.spec.template.spec.containers[0].readinesProbe: unknown field',
    ]);
  });

  it('rejects a wrong type and a missing required field', () => {
    expect(problemsOf(deployment('', '\n  replicas: two')).join('\n')).toMatch(/replicas must be integer/);
    expect(problemsOf('apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata: { name: db }\nspec: { storage: { size: 1Gi } }').join('\n')).toMatch(
      /must have required property 'instances'|required property instances/,
    );
  });

  it('rejects a misspelt field of a CloudNativePG Cluster', () => {
    const yaml = 'apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata: { name: db }\nspec:\n  instances: 3\n  storage: { size: 1Gi }\n  bootstrap: { initdb: { database: app, ownr: app } }';
    expect(problemsOf(yaml)).toEqual(['.spec.bootstrap.initdb.ownr: unknown field']);
  });

  it('rejects a kind it has no schema for, and broken YAML', () => {
    expect(problemsOf('apiVersion: apps/v1beta1\nkind: Deployment\nmetadata: { name: old }')).toEqual(['no schema for apiVersion apps/v1beta1 kind Deployment']);
    expect(problemsOf('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x\ndata: {}').length).toBeGreaterThan(0);
  });
});
