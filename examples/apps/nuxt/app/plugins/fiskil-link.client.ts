// Registers <fiskil-link> in the browser only, before the app hydrates: the server
// renders the tag as plain HTML and never loads the element's code.
import 'fiskil-link';

export default defineNuxtPlugin(() => {});
