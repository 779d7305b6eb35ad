function loadConfig(text) {
  let config;
  try {
    config = JSON.parse(text);
  } catch (err) {
    if (err instanceof SyntaxError) {
      return { port: 8080, debug: false };
    }
    throw err;
  }
  return { port: config.port ?? 8080, debug: Boolean(config.debug) };
}
