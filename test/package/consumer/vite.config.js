// The consumer's page (index.html), or another one named by CONSUMER_PAGE.
export default {
  build: { rolldownOptions: { input: process.env.CONSUMER_PAGE ?? 'index.html' } },
};
