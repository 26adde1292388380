// Whole-platform walks boot several services in a hook, each migrating its own schema: on a busy two-core CI machine
// that passed the default 60 s (service-info, services-boot). Their tests and hooks get 180 s.
jest.setTimeout(180_000);
