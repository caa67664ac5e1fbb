// Lets tests import text assets the way webpack's `asset/source` does: the default export is the file's text.
module.exports = {
  process(sourceText) {
    return { code: `module.exports = { __esModule: true, default: ${JSON.stringify(sourceText)} };` };
  },
};
