// https://nuxt.com/docs/api/configuration/nuxt-config
export default defineNuxtConfig({
  compatibilityDate: '2025-07-15',
  devtools: { enabled: true },
  vue: {
    compilerOptions: {
      // <fiskil-link> is a custom element, not a Vue component: without this the server
      // renders `<!---->` in its place and hydration reports a mismatch.
      isCustomElement: (tag) => tag === 'fiskil-link',
    },
  },
});
