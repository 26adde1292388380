module.exports = async () => {
  for (const container of globalThis.__GRIDLINE_CONTAINERS__ ?? []) await container.stop();
};
