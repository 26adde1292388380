require('reflect-metadata');

// Property-based tests run with a fixed seed unless FC_SEED names another (a failure prints its seed to reproduce).
require('fast-check').configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261201) });
